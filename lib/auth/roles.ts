/// The account roles, from most to least privileged; `public` is what self-registration gives.
export const roles = ['admin', 'drafter', 'reviewer', 'volunteer', 'public'] as const;
export type Role = (typeof roles)[number];

/// Roles an admin can give when creating a staff account (public accounts register themselves).
export const staffRoles = ['admin', 'drafter', 'reviewer', 'volunteer'] as const satisfies readonly Role[];

/// True for the roles that work inside the legislative workspace.
export function isWorkspaceRole(role: Role): boolean {
  return role === 'admin' || role === 'drafter' || role === 'reviewer';
}

/// The signed-in person as the rest of the app sees them (never the password hash).
export type CurrentUser = { id: string; email: string; name: string; role: Role };
