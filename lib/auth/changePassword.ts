import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/shared';
import { clearLoginFailures, reserveLoginAttempt, throttleKeys } from './loginThrottle';
import { hashPassword, verifyPassword } from './password';
import type { CurrentUser } from './roles';
import { passwordChangeSchema } from './schemas';
import { replacePassword } from './replacePassword';

/// A signed-in person changes their password, giving the current one (guesses at it count
/// against the same limits as sign-in). Every session of the account ends, this one included:
/// the caller signs the person in afresh, so a stolen session does not outlive the change. Runs
/// on either engine; both passwords are checked and hashed outside any transaction.
export async function changePassword(engine: Engine, user: CurrentUser, input: unknown, ctx: { ip?: string | null; now?: Date } = {}): Promise<void> {
  const { current, password } = parseInput(passwordChangeSchema, input);
  const now = ctx.now ?? new Date();
  const keys = throttleKeys(user.email, ctx.ip);
  await reserveLoginAttempt(engine, keys, now);
  const { users } = engine.t;
  const [row] = await engine.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (!row || !(await verifyPassword(row.hash, current))) throw new AppError('invalid_credentials', 'current_password_wrong', { details: { fields: [{ path: 'current' }] } });
  await clearLoginFailures(engine, keys);
  const passwordHash = await hashPassword(password);
  await withTransaction(engine, (tx) => replacePassword(tx, { userId: user.id, passwordHash, actorId: user.id, by: 'self' }, now));
}
