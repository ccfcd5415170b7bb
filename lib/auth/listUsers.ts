import { asc } from 'drizzle-orm';
import { users } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import { can } from './can';
import type { CurrentUser } from './roles';
import { userRoles } from '@/lib/shared';

/// An account as the admin list shows it.
export type UserListEntry = CurrentUser & { disabled: boolean; createdAt: Date };

/// Every account, staff first by role then by e-mail; admins only.
export function listUsers(actor: CurrentUser | null, db: Db = getDatabase()): UserListEntry[] {
  if (!can(actor, 'users:manage')) throw new AppError('forbidden', 'forbidden');
  const order: readonly string[] = userRoles;
  return db
    .select()
    .from(users)
    .orderBy(asc(users.email))
    .all()
    .map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabledAt !== null, createdAt: u.createdAt }))
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
}
