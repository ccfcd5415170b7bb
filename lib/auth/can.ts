import type { CurrentUser } from './roles';
import { type MemberRole } from '@/lib/shared/vocabulary';

/// Everything the policy knows how to decide.
export const actions = [
  'workspace:view',
  'users:manage',
  'audit:view',
  'bill:create',
  'bill:view',
  'bill:manage',
  'bill:audit',
  'bill:transition',
  'bill:signoff',
  'draft:edit',
  'draft:comment',
  'version:create',
  'consultation:open',
  'consultation:moderate',
  'comment:submit',
  'library:read',
  'library:import',
  'library:repeal',
  'explainer:write',
  'explainer:review',
  'desk:use',
  'account:view',
] as const;
export type Action = (typeof actions)[number];

/// A bill as the policy sees it: who is on it and with which bill role.
export type BillResource = { type: 'bill'; members: { userId: string; role: MemberRole }[] };
export type Resource = BillResource | undefined;

function billRole(user: CurrentUser, resource: Resource): MemberRole | null {
  if (resource?.type !== 'bill') return null;
  return resource.members.find((m) => m.userId === user.id)?.role ?? null;
}

/// The single authorisation policy: may `user` (null when signed out) do `action` on `resource`?
/// Bill actions need the bill as resource; membership decides, admins may always look.
export function can(user: CurrentUser | null, action: Action, resource?: Resource): boolean {
  if (action === 'library:read') return true;
  if (!user) return false;
  const { role } = user;
  const staff = role === 'admin' || role === 'drafter' || role === 'reviewer';
  const onBill = billRole(user, resource);
  switch (action) {
    case 'account:view':
    case 'comment:submit':
      return true;
    case 'workspace:view':
    case 'consultation:moderate':
      return staff;
    case 'users:manage':
    case 'audit:view':
    case 'library:repeal':
      return role === 'admin';
    case 'bill:create':
    case 'library:import':
      return role === 'admin' || role === 'drafter';
    case 'explainer:write':
    case 'desk:use':
      return role === 'admin' || role === 'drafter' || role === 'volunteer';
    case 'explainer:review':
      return role === 'admin' || role === 'reviewer';
    case 'bill:view':
    case 'bill:audit':
      // A bill's audit log (its page and CSV) is for its members and the admins.
      return role === 'admin' || (staff && onBill !== null);
    case 'draft:comment':
      return staff && onBill !== null;
    case 'bill:manage':
    case 'draft:edit':
    case 'version:create':
    case 'consultation:open':
      // Reviewers read and comment but never type in the text, even if listed as editors.
      return (role === 'admin' || role === 'drafter') && (onBill === 'editor' || onBill === 'coordinator');
    case 'bill:transition':
      // The coordinator moves the bill; an admin may too (e.g. when the coordinator is away).
      return role === 'admin' || (role === 'drafter' && onBill === 'coordinator');
    case 'bill:signoff':
      // Whoever signs off did not write the text: never an editor or the coordinator of the bill.
      return (role === 'reviewer' || role === 'admin') && onBill !== 'editor' && onBill !== 'coordinator';
  }
}
