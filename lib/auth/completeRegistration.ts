import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { readAccountToken, useAccountTokens } from './accountToken';
import type { CurrentUser } from './roles';

/// Self-registration, step two: the e-mailed link creates the public account it was asked for
/// (with the consent given at step one) and ends every other registration link for the address.
export function completeRegistration(token: string, db: Db = getDatabase(), now = new Date()): CurrentUser {
  return db.transaction(
    (tx) => {
      const row = readAccountToken(tx, token, 'register', now);
      if (!row.detail) throw new AppError('link_invalid', 'link_invalid');
      useAccountTokens(tx, 'register', row.email, now);
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, row.email)).get()) throw new AppError('email_taken', 'email_taken');
      const user: CurrentUser = { id: crypto.randomUUID(), email: row.email, name: row.detail.name, role: 'public' };
      tx.insert(users)
        .values({ ...user, passwordHash: row.detail.passwordHash, privacyConsentedAt: new Date(row.detail.consentedAt), privacyNotice: row.detail.notice })
        .run();
      recordAudit(tx, { actorId: user.id, action: 'user.create', targetType: 'user', targetId: user.id, detail: { role: 'public', via: 'registration', privacyNotice: row.detail.notice } }, now);
      return user;
    },
    { behavior: 'immediate' },
  );
}
