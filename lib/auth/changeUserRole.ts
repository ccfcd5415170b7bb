import { and, eq, isNull, ne } from 'drizzle-orm';
import { sessions, users } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { can } from './can';
import type { CurrentUser } from './roles';
import { parseInput } from '@/lib/shared';
import { roleSchema } from './schemas';

/// Gives an account another role and ends its sessions (it signs in again, under the new role).
/// The last active admin cannot be demoted, so the system always has someone who can manage
/// accounts.
export function changeUserRole(actor: CurrentUser | null, userId: string, role: unknown, db: Db = getDatabase()): void {
  if (!can(actor, 'users:manage')) throw new AppError('forbidden', 'forbidden');
  const newRole = parseInput(roleSchema, role);
  db.transaction((tx) => {
    const target = tx.select().from(users).where(eq(users.id, userId)).get();
    if (!target) throw new AppError('not_found', 'user_not_found');
    if (target.role === newRole) return;
    if (target.role === 'admin') {
      const others = tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, userId)))
        .all();
      if (others.length === 0) throw new AppError('conflict', 'last_admin');
    }
    tx.update(users).set({ role: newRole }).where(eq(users.id, userId)).run();
    tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    recordAudit(tx, { actorId: actor!.id, action: 'user.role', targetType: 'user', targetId: userId, detail: { from: target.role, to: newRole } });
  });
}
