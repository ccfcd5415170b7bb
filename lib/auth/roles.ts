import { userRoles, type UserRole } from '@/lib/shared/vocabulary';

/// The account roles, from most to least privileged (declared once in lib/shared/vocabulary).
export const roles = userRoles;
export type Role = UserRole;

export { staffRoles } from '@/lib/shared/vocabulary';

/// True for the roles that work inside the legislative workspace.
export function isWorkspaceRole(role: Role): boolean {
  return role === 'admin' || role === 'drafter' || role === 'reviewer';
}

/// The signed-in person as the rest of the app sees them (never the password hash).
export type CurrentUser = { id: string; email: string; name: string; role: Role };
