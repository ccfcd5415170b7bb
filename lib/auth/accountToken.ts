import { and, eq, isNull } from 'drizzle-orm';
import { accountTokens, type AccountToken } from '@/db/schema';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import type { AccountTokenPurpose } from '@/lib/shared';
import { generateSessionToken, hashSessionSecret, sameHash, splitSessionToken } from './sessionToken';

/// How long a link sent by e-mail works.
export const accountTokenLifetimeMs: Record<AccountTokenPurpose, number> = { register: 24 * 3600_000, reset: 3600_000 };

type Tx = Pick<Db, 'insert' | 'select' | 'update'>;

/// Makes a one-time link's token for `email` (only a hash of its secret is kept) and returns it.
export function issueAccountToken(tx: Tx, purpose: AccountTokenPurpose, email: string, detail: AccountToken['detail'], now: Date): string {
  const { id, secret, token } = generateSessionToken();
  tx.insert(accountTokens)
    .values({ id, secretHash: hashSessionSecret(secret), purpose, email, detail, createdAt: now, expiresAt: new Date(now.getTime() + accountTokenLifetimeMs[purpose]) })
    .run();
  return token;
}

/// The unused, unexpired token for `purpose` that `token` names; `link_invalid` for anything else
/// (malformed, unknown, used, expired or meant for something else), all alike.
export function readAccountToken(tx: Tx, token: string | null | undefined, purpose: AccountTokenPurpose, now: Date): AccountToken {
  const parts = splitSessionToken(token);
  const row = parts ? tx.select().from(accountTokens).where(eq(accountTokens.id, parts.id)).get() : undefined;
  if (!parts || !row || row.purpose !== purpose || row.usedAt || row.expiresAt.getTime() <= now.getTime() || !sameHash(row.secretHash, hashSessionSecret(parts.secret))) {
    throw new AppError('link_invalid', 'link_invalid');
  }
  return row;
}

/// Marks every open link of `purpose` for `email` used: one registration or reset ends them all.
export function useAccountTokens(tx: Tx, purpose: AccountTokenPurpose, email: string, now: Date): void {
  tx.update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.purpose, purpose), eq(accountTokens.email, email), isNull(accountTokens.usedAt)))
    .run();
}
