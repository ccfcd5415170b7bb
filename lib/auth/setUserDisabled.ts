import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { can } from './can';
import type { CurrentUser } from './roles';

/// Disables (ending every session at once) or re-enables an account. Admins cannot disable
/// themselves. Runs on either engine.
export async function setUserDisabled(engine: Engine, actor: CurrentUser | null, userId: string, disabled: boolean): Promise<void> {
  if (!can(actor, 'users:manage')) throw new AppError('forbidden', 'forbidden');
  if (disabled && actor!.id === userId) throw new AppError('conflict', 'cannot_disable_self');
  await withTransaction(engine, async (tx) => {
    const { users, sessions } = tx.t;
    const [target] = await tx.db.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!target) throw new AppError('not_found', 'user_not_found');
    await tx.db.update(users).set({ disabledAt: disabled ? new Date() : null }).where(eq(users.id, userId));
    if (disabled) await tx.db.delete(sessions).where(eq(sessions.userId, userId));
    await appendAudit(tx, { actorId: actor!.id, action: disabled ? 'user.disable' : 'user.enable', targetType: 'user', targetId: userId });
  });
}
