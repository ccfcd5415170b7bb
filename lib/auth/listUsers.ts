import { asc } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { AppError } from '@/lib/errors';
import { can } from './can';
import type { CurrentUser } from './roles';
import { userRoles } from '@/lib/shared';

/// An account as the admin list shows it.
export type UserListEntry = CurrentUser & { disabled: boolean; createdAt: Date };

/// Every account, staff first by role then by e-mail; admins only. Runs on either engine.
export async function listUsers({ db, t }: Engine, actor: CurrentUser | null): Promise<UserListEntry[]> {
  if (!can(actor, 'users:manage')) throw new AppError('forbidden', 'forbidden');
  const order: readonly string[] = userRoles;
  const rows = await db.select().from(t.users).orderBy(asc(t.users.email));
  return rows
    .map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabledAt !== null, createdAt: u.createdAt }))
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
}
