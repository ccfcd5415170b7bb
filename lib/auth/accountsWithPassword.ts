import { eq, isNull } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/shared';
import { hashPassword, verifyPassword } from './password';
import { passwordSchema } from './schemas';
import { replacePassword } from './replacePassword';

/// The e-mails of active accounts whose password is `password` (e.g. the published demo one).
/// Runs on either engine.
export async function accountsWithPassword({ db, t }: Engine, password: string): Promise<string[]> {
  const rows = await db.select({ email: t.users.email, hash: t.users.passwordHash }).from(t.users).where(isNull(t.users.disabledAt));
  const found: string[] = [];
  for (const r of rows) if (await verifyPassword(r.hash, password)) found.push(r.email);
  return found;
}

/// Sets an account's password from the operator's console (the CLI), ends its sessions, and
/// records it in the audit chain. Runs on either engine; the password is hashed before the
/// transaction.
export async function setPasswordByEmail(engine: Engine, email: string, password: string): Promise<void> {
  const valid = parseInput(passwordSchema, password);
  const { users } = engine.t;
  const [user] = await engine.db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase()));
  if (!user) throw new AppError('not_found', 'user_not_found');
  const passwordHash = await hashPassword(valid);
  await withTransaction(engine, (tx) => replacePassword(tx, { userId: user.id, passwordHash, actorId: null, by: 'console' }, new Date()));
}
