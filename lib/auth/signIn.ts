import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { createSession } from './createSession';
import { clearLoginFailures, reserveLoginAttempt, throttleKeys } from './loginThrottle';
import { verifyPassword } from './password';
import type { CurrentUser } from './roles';

/// Verified against when the account does not exist, so both paths cost one argon2 verification
/// (exported for the test that keeps its parameters those of hashPassword).
export const decoyHash = '$argon2id$v=19$m=19456,t=2,p=1$DRd0qNfJ5aCAS5Js+5RccA$Q9MU+zqnbHXncL+bMv1febnGV5u1VYQpQEPc2dPF8J8';

/// Lower-cased, trimmed e-mail address: the form accounts are stored and looked up in.
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/// Checks e-mail and password and starts a session. Wrong e-mail and wrong password fail alike
/// (`invalid_credentials`); every attempt is counted before the password is checked, and too many
/// lock the account from that address, the address, or (distributed guessing) the account.
/// Runs on either engine; the password is checked outside any transaction (argon2 takes tens of
/// milliseconds), and a successful sign-in forgets the failures, starts the session and audits
/// it in one.
export async function signIn(engine: Engine, input: { email: string; password: string; ip?: string | null }, now: Date = new Date()): Promise<{ user: CurrentUser; token: string; expiresAt: Date }> {
  const email = normalizeEmail(input.email);
  const keys = throttleKeys(email, input.ip);
  await reserveLoginAttempt(engine, keys, now);
  const { users } = engine.t;
  const [row] = await engine.db.select().from(users).where(eq(users.email, email));
  const ok = await verifyPassword(row?.passwordHash ?? decoyHash, input.password);
  const audit = (on: Engine, action: string) => appendAudit(on, { actorId: row?.id ?? null, action, targetType: 'user', targetId: row?.id ?? email, detail: { email } }, now);
  if (!row || !ok) {
    await audit(engine, 'session.sign_in_failed');
    throw new AppError('invalid_credentials', 'invalid_credentials');
  }
  if (row.disabledAt) {
    await audit(engine, 'session.sign_in_disabled');
    throw new AppError('account_disabled', 'account_disabled');
  }
  const { token, expiresAt } = await withTransaction(engine, async (tx) => {
    await clearLoginFailures(tx, keys);
    const session = await createSession(tx, row.id, now);
    await audit(tx, 'session.sign_in');
    return session;
  });
  return { user: { id: row.id, email: row.email, name: row.name, role: row.role }, token, expiresAt };
}
