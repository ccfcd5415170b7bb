import { eq } from 'drizzle-orm';
import { sessions, users } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/shared';
import { readAccountToken, useAccountTokens } from './accountToken';
import { hashPassword } from './password';
import type { CurrentUser } from './roles';
import { passwordSchema } from './schemas';

/// Sets a new password through an e-mailed reset link: every session of the account ends (the
/// caller signs the person in afresh) and every other reset link for it stops working.
export async function resetPassword(token: string, password: unknown, db: Db = getDatabase(), now = new Date()): Promise<CurrentUser> {
  const valid = parseInput(passwordSchema, password);
  readAccountToken(db, token, 'reset', now);
  const passwordHash = await hashPassword(valid);
  return db.transaction(
    (tx) => {
      // Read again inside the write lock: two tabs may use the same link at once.
      const row = readAccountToken(tx, token, 'reset', now);
      const user = tx.select().from(users).where(eq(users.email, row.email)).get();
      if (!user) throw new AppError('link_invalid', 'link_invalid');
      if (user.disabledAt) throw new AppError('account_disabled', 'account_disabled');
      useAccountTokens(tx, 'reset', row.email, now);
      tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
      tx.delete(sessions).where(eq(sessions.userId, user.id)).run();
      recordAudit(tx, { actorId: user.id, action: 'user.password', targetType: 'user', targetId: user.id, detail: { by: 'reset_link' } }, now);
      return { id: user.id, email: user.email, name: user.name, role: user.role };
    },
    { behavior: 'immediate' },
  );
}
