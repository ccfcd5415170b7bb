import { eq, isNull } from 'drizzle-orm';
import { sessions, users } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/shared';
import { hashPassword, verifyPassword } from './password';
import { passwordSchema } from './schemas';

/// The e-mails of active accounts whose password is `password` (e.g. the published demo one).
export async function accountsWithPassword(password: string, db: Db = getDatabase()): Promise<string[]> {
  const rows = db.select({ email: users.email, hash: users.passwordHash }).from(users).where(isNull(users.disabledAt)).all();
  const found: string[] = [];
  for (const r of rows) if (await verifyPassword(r.hash, password)) found.push(r.email);
  return found;
}

/// Sets an account's password from the operator's console (the CLI), ends its sessions, and
/// records it in the audit chain.
export async function setPasswordByEmail(email: string, password: string, db: Db = getDatabase()): Promise<void> {
  const valid = parseInput(passwordSchema, password);
  const user = db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase())).get();
  if (!user) throw new AppError('not_found', 'user_not_found');
  const passwordHash = await hashPassword(valid);
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
    tx.delete(sessions).where(eq(sessions.userId, user.id)).run();
    recordAudit(tx, { actorId: null, action: 'user.password', targetType: 'user', targetId: user.id, detail: { by: 'console' } });
  });
}
