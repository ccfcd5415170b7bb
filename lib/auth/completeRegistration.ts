import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { readAccountToken, useAccountTokens } from './accountToken';
import type { CurrentUser } from './roles';

/// Self-registration, step two: the e-mailed link creates the public account it was asked for
/// (with the consent given at step one) and ends every other registration link for the address,
/// in one transaction. Runs on either engine: the same link opened twice at once creates one
/// account, the other gets `link_invalid`.
export async function completeRegistration(engine: Engine, token: string, now = new Date()): Promise<CurrentUser> {
  return withTransaction(engine, async (tx) => {
    const { users } = tx.t;
    const row = await readAccountToken(tx, token, 'register', now);
    if (!row.detail) throw new AppError('link_invalid', 'link_invalid');
    await useAccountTokens(tx, row, now);
    const [taken] = await tx.db.select({ id: users.id }).from(users).where(eq(users.email, row.email));
    if (taken) throw new AppError('email_taken', 'email_taken');
    const user: CurrentUser = { id: crypto.randomUUID(), email: row.email, name: row.detail.name, role: 'public' };
    await tx.db.insert(users).values({ ...user, passwordHash: row.detail.passwordHash, privacyConsentedAt: new Date(row.detail.consentedAt), privacyNotice: row.detail.notice });
    await appendAudit(tx, { actorId: user.id, action: 'user.create', targetType: 'user', targetId: user.id, detail: { role: 'public', via: 'registration', privacyNotice: row.detail.notice } }, now);
    return user;
  });
}
