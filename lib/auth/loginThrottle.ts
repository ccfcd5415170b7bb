import { eq, inArray, sql } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';

/// How many sign-in attempts that did not succeed are tolerated inside one window: per account
/// *and* address (so that a stranger guessing from elsewhere cannot keep a known user out), per
/// address (one machine guessing across accounts), and per account from anywhere, at a bar high
/// enough that only a distributed attack reaches it.
export const throttleRules = {
  pair: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  ip: { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  account: { maxFailures: 100, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  /// Registrations from one address: every attempt counts, accepted or not.
  register: { maxFailures: 10, windowMs: 60 * 60_000, lockMs: 60 * 60_000 },
  /// Password-reset requests from one address.
  reset: { maxFailures: 10, windowMs: 60 * 60_000, lockMs: 60 * 60_000 },
  /// E-mails asked for to one recipient (registration or reset), so nobody can flood a mailbox.
  mailto: { maxFailures: 5, windowMs: 60 * 60_000, lockMs: 60 * 60_000 },
} as const;

/// One counter of sign-in attempts.
export type ThrottleKey = { kind: keyof typeof throttleRules; value: string };
const keyOf = (k: ThrottleKey) => `${k.kind}:${k.value}`;

/// The counters a sign-in attempt for `email` from `ip` (null when unknown) goes against.
export function throttleKeys(email: string, ip: string | null | undefined): ThrottleKey[] {
  return [{ kind: 'pair', value: ip ? `${email}|${ip}` : email }, ...(ip ? [{ kind: 'ip' as const, value: ip }] : []), { kind: 'account', value: email }];
}

/// Takes one attempt from every counter before the password is checked, in one transaction:
/// refused with `too_many_attempts` (and how long to wait) while any counter is locked, and a
/// counter that reaches its limit locks. Because the attempt is counted before the slow password
/// check, twenty guesses sent at once get at most as many checks as the limit. Runs on either
/// engine.
///
/// Two attempts at once must never read the same count, or both pass at the limit. On SQLite the
/// transaction holds the write lock from `BEGIN IMMEDIATE`. On PostgreSQL transactions run side by
/// side, so the first statement locks the counters' rows: an upsert that creates a missing counter
/// at zero or touches an existing one, in key order (so that two attempts never wait on each
/// other's rows crosswise). A second attempt at the same counter waits there until the first
/// commits, and then reads the count the first wrote.
export async function reserveLoginAttempt(engine: Engine, keys: ThrottleKey[], now: Date): Promise<void> {
  if (keys.length === 0) return;
  await withTransaction(engine, async (tx) => {
    const { loginThrottles } = tx.t;
    const rows = await tx.db
      .insert(loginThrottles)
      .values([...new Set(keys.map(keyOf))].sort().map((key) => ({ key, failures: 0, windowStartedAt: now, lockedUntil: null })))
      .onConflictDoUpdate({ target: loginThrottles.key, set: { failures: sql`${loginThrottles.failures}` } })
      .returning();
    const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
    if (until > now.getTime()) {
      throw new AppError('too_many_attempts', 'too_many_attempts', { retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) });
    }
    for (const k of keys) {
      const rule = throttleRules[k.kind];
      const key = keyOf(k);
      const row = rows.find((r) => r.key === key)!;
      // A counter created above (zero failures, its window starting now) counts as a fresh one.
      const fresh = now.getTime() - row.windowStartedAt.getTime() > rule.windowMs;
      const failures = fresh ? 1 : row.failures + 1;
      const windowStartedAt = fresh ? now : row.windowStartedAt;
      const lockedUntil = failures >= rule.maxFailures ? new Date(now.getTime() + rule.lockMs) : null;
      // The moment a counter locks is a security event; the refusals while it stays locked are
      // not (they are refused above). A counter that locks again once its lock ends, still in
      // the same window, starts a new lock: that is an event too.
      if (lockedUntil) {
        await appendAudit(tx, { actorId: null, action: 'session.lockout', targetType: 'login_throttle', targetId: key, detail: { kind: k.kind, until: lockedUntil.toISOString() } }, now);
      }
      await tx.db.update(loginThrottles).set({ failures, windowStartedAt, lockedUntil }).where(eq(loginThrottles.key, key));
    }
  });
}

/// Once an account signs in: forgets its counted attempts (from this address, and from anywhere),
/// and gives the address back the attempt this sign-in took, so that an office whose people all
/// sign in from one address is never locked out by signing in. Runs on either engine.
export async function clearLoginFailures(engine: Engine, keys: ThrottleKey[]): Promise<void> {
  await withTransaction(engine, async (tx) => {
    const { loginThrottles } = tx.t;
    await tx.db.delete(loginThrottles).where(inArray(loginThrottles.key, keys.filter((k) => k.kind !== 'ip').map(keyOf)));
    const addresses = keys.filter((k) => k.kind === 'ip').map(keyOf);
    // One atomic decrement, never below zero (`case` rather than SQLite's max(a, b), which
    // PostgreSQL spells greatest).
    const less = sql`case when ${loginThrottles.failures} > 0 then ${loginThrottles.failures} - 1 else 0 end`;
    if (addresses.length) await tx.db.update(loginThrottles).set({ failures: less }).where(inArray(loginThrottles.key, addresses));
  });
}

/// Counts a request that makes the product send an e-mail (registration, password reset) against
/// `keys`, refusing with `too_many_attempts` and a message about requests rather than sign-ins.
/// Runs on either engine.
export async function reserveMailRequest(engine: Engine, keys: ThrottleKey[], now: Date): Promise<void> {
  try {
    await reserveLoginAttempt(engine, keys, now);
  } catch (e) {
    if (e instanceof AppError && e.code === 'too_many_attempts') throw new AppError('too_many_attempts', 'too_many_requests', { retryAfterSeconds: e.retryAfterSeconds });
    throw e;
  }
}
