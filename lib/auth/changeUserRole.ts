import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { can } from './can';
import type { CurrentUser } from './roles';
import { parseInput } from '@/lib/shared';
import { roleSchema } from './schemas';

/// Gives an account another role and ends its sessions (it signs in again, under the new role).
/// The last active admin cannot be demoted, so the system always has someone who can manage
/// accounts. Runs on either engine.
///
/// Two admins demoted at once must not each count the other as the one who remains. On SQLite the
/// transaction holds the write lock. On PostgreSQL a demotion first touches every admin's row
/// (`role = role`), which locks them: a second demotion waits there until the first commits, and
/// then counts the admins the first left.
export async function changeUserRole(engine: Engine, actor: CurrentUser | null, userId: string, role: unknown): Promise<void> {
  if (!can(actor, 'users:manage')) throw new AppError('forbidden', 'forbidden');
  const newRole = parseInput(roleSchema, role);
  await withTransaction(engine, async (tx) => {
    const { users, sessions } = tx.t;
    const [target] = await tx.db.select().from(users).where(eq(users.id, userId));
    if (!target) throw new AppError('not_found', 'user_not_found');
    if (target.role === newRole) return;
    if (target.role === 'admin') {
      await tx.db.update(users).set({ role: sql`${users.role}` }).where(eq(users.role, 'admin'));
      const others = await tx.db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, userId)));
      if (others.length === 0) throw new AppError('conflict', 'last_admin');
    }
    await tx.db.update(users).set({ role: newRole }).where(eq(users.id, userId));
    await tx.db.delete(sessions).where(eq(sessions.userId, userId));
    await appendAudit(tx, { actorId: actor!.id, action: 'user.role', targetType: 'user', targetId: userId, detail: { from: target.role, to: newRole } });
  });
}
