import { eq, inArray } from 'drizzle-orm';
import { loginThrottles } from '@/db/schema';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';

/// How many failed sign-ins are tolerated, per account and per address, inside one window.
export const throttleRules = {
  email: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  ip: { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
} as const;

type Key = { kind: keyof typeof throttleRules; value: string };
const keyOf = (k: Key) => `${k.kind}:${k.value}`;

/// Refuses with `too_many_attempts` (and how long to wait) while any of the keys is locked.
export function assertNotThrottled(db: Db, keys: Key[], now: Date): void {
  const rows = db.select().from(loginThrottles).where(inArray(loginThrottles.key, keys.map(keyOf))).all();
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  if (until > now.getTime()) {
    throw new AppError('too_many_attempts', 'too_many_attempts', { retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) });
  }
}

/// Counts one failed sign-in against each key, locking a key that reaches its limit.
export function recordLoginFailure(db: Db, keys: Key[], now: Date): void {
  db.transaction((tx) => {
    for (const k of keys) {
      const rule = throttleRules[k.kind];
      const key = keyOf(k);
      const row = tx.select().from(loginThrottles).where(eq(loginThrottles.key, key)).get();
      const fresh = !row || now.getTime() - row.windowStartedAt.getTime() > rule.windowMs;
      const failures = fresh ? 1 : row.failures + 1;
      const windowStartedAt = fresh ? now : row.windowStartedAt;
      const lockedUntil = failures >= rule.maxFailures ? new Date(now.getTime() + rule.lockMs) : null;
      tx.insert(loginThrottles)
        .values({ key, failures, windowStartedAt, lockedUntil })
        .onConflictDoUpdate({ target: loginThrottles.key, set: { failures, windowStartedAt, lockedUntil } })
        .run();
    }
  });
}

/// Forgets the failures of an account after it signs in successfully.
export function clearLoginFailures(db: Db, keys: Key[]): void {
  db.delete(loginThrottles).where(inArray(loginThrottles.key, keys.map(keyOf))).run();
}
