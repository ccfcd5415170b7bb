import { and, eq, isNull } from 'drizzle-orm';
import type { AccountToken } from '@/db/schema';
import type { Engine } from '@/db/engine';
import { AppError } from '@/lib/errors';
import type { AccountTokenPurpose } from '@/lib/shared';
import { generateSessionToken, hashSessionSecret, sameHash, splitSessionToken } from './sessionToken';

/// How long a link sent by e-mail works.
export const accountTokenLifetimeMs: Record<AccountTokenPurpose, number> = { register: 24 * 3600_000, reset: 3600_000 };

const linkInvalid = () => new AppError('link_invalid', 'link_invalid');

/// Makes a one-time link's token for `email` (only a hash of its secret is kept) and returns it.
/// Runs on either engine.
export async function issueAccountToken({ db, t }: Engine, purpose: AccountTokenPurpose, email: string, detail: AccountToken['detail'], now: Date): Promise<string> {
  const { id, secret, token } = generateSessionToken();
  await db
    .insert(t.accountTokens)
    .values({ id, secretHash: hashSessionSecret(secret), purpose, email, detail, createdAt: now, expiresAt: new Date(now.getTime() + accountTokenLifetimeMs[purpose]) });
  return token;
}

/// The unused, unexpired token for `purpose` that `token` names; `link_invalid` for anything else
/// (malformed, unknown, used, expired or meant for something else), all alike. Runs on either
/// engine.
export async function readAccountToken({ db, t }: Engine, token: string | null | undefined, purpose: AccountTokenPurpose, now: Date): Promise<AccountToken> {
  const parts = splitSessionToken(token);
  const [row] = parts ? await db.select().from(t.accountTokens).where(eq(t.accountTokens.id, parts.id)) : [];
  if (!parts || !row || row.purpose !== purpose || row.usedAt || row.expiresAt.getTime() <= now.getTime() || !sameHash(row.secretHash, hashSessionSecret(parts.secret))) {
    throw linkInvalid();
  }
  return row;
}

/// Inside the transaction that acts on the link `row` (as readAccountToken read it): marks it and
/// every other open link of its purpose for its address used, since one registration or reset
/// ends them all, or fails with `link_invalid` when another transaction used it first. On SQLite
/// the transaction holds the write lock, so none can; on PostgreSQL two transactions may both have
/// read the link unused, and this update decides: the second waits on the first's row locks, then
/// finds the link used and marks nothing of it. Runs on either engine.
export async function useAccountTokens({ db, t }: Engine, row: AccountToken, now: Date): Promise<void> {
  const { accountTokens } = t;
  const marked = await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.purpose, row.purpose), eq(accountTokens.email, row.email), isNull(accountTokens.usedAt)))
    .returning({ id: accountTokens.id });
  if (!marked.some((m) => m.id === row.id)) throw linkInvalid();
}
