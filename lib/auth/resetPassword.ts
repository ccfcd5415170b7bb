import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/shared';
import { readAccountToken, useAccountTokens } from './accountToken';
import { hashPassword } from './password';
import type { CurrentUser } from './roles';
import { passwordSchema } from './schemas';
import { replacePassword } from './replacePassword';

/// Sets a new password through an e-mailed reset link: every session of the account ends (the
/// caller signs the person in afresh) and every other reset link for it stops working. Runs on
/// either engine; the new password is hashed before the transaction (argon2 is slow, and no
/// transaction may wait on it), and the link is checked again inside it.
export async function resetPassword(engine: Engine, token: string, password: unknown, now = new Date()): Promise<CurrentUser> {
  const valid = parseInput(passwordSchema, password);
  await readAccountToken(engine, token, 'reset', now);
  const passwordHash = await hashPassword(valid);
  return withTransaction(engine, async (tx) => {
    const { users } = tx.t;
    // Read again inside the transaction: two tabs may use the same link at once (useAccountTokens
    // lets only one of them through).
    const row = await readAccountToken(tx, token, 'reset', now);
    const [user] = await tx.db.select().from(users).where(eq(users.email, row.email));
    if (!user) throw new AppError('link_invalid', 'link_invalid');
    if (user.disabledAt) throw new AppError('account_disabled', 'account_disabled');
    await useAccountTokens(tx, row, now);
    await replacePassword(tx, { userId: user.id, passwordHash, actorId: user.id, by: 'reset_link' }, now);
    return { id: user.id, email: user.email, name: user.name, role: user.role };
  });
}
