import { eq } from 'drizzle-orm';
import { sessions, users } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { sqliteEngine } from '@/db/engine';
import { recordAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/shared';
import { clearLoginFailures, reserveLoginAttempt, throttleKeys } from './loginThrottle';
import { hashPassword, verifyPassword } from './password';
import type { CurrentUser } from './roles';
import { passwordChangeSchema } from './schemas';

/// A signed-in person changes their password, giving the current one (guesses at it count
/// against the same limits as sign-in). Every session of the account ends, this one included:
/// the caller signs the person in afresh, so a stolen session does not outlive the change.
export async function changePassword(user: CurrentUser, input: unknown, ctx: { ip?: string | null; now?: Date } = {}, db: Db = getDatabase()): Promise<void> {
  const { current, password } = parseInput(passwordChangeSchema, input);
  const now = ctx.now ?? new Date();
  const keys = throttleKeys(user.email, ctx.ip);
  await reserveLoginAttempt(sqliteEngine(db), keys, now);
  const row = db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get();
  if (!row || !(await verifyPassword(row.hash, current))) throw new AppError('invalid_credentials', 'current_password_wrong', { details: { fields: [{ path: 'current' }] } });
  await clearLoginFailures(sqliteEngine(db), keys);
  const passwordHash = await hashPassword(password);
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
    tx.delete(sessions).where(eq(sessions.userId, user.id)).run();
    recordAudit(tx, { actorId: user.id, action: 'user.password', targetType: 'user', targetId: user.id, detail: { by: 'self' } }, now);
  });
}
