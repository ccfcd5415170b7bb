import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { appendAudit } from '@/lib/audit';

/// Inside a transaction: gives account `userId` the already hashed password, ends every session
/// of it, and records `user.password` with who did it (`by`: the person, a reset link or the
/// console). Hash before the transaction: argon2 is slow and no transaction may wait on it.
export async function replacePassword(
  tx: Engine,
  change: { userId: string; passwordHash: string; actorId: string | null; by: 'self' | 'reset_link' | 'console' },
  now: Date,
): Promise<void> {
  const { users, sessions } = tx.t;
  await tx.db.update(users).set({ passwordHash: change.passwordHash }).where(eq(users.id, change.userId));
  await tx.db.delete(sessions).where(eq(sessions.userId, change.userId));
  await appendAudit(tx, { actorId: change.actorId, action: 'user.password', targetType: 'user', targetId: change.userId, detail: { by: change.by } }, now);
}
