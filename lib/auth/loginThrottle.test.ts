import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { engines } from '@/db/engineTesting';
import { clearLoginFailures, reserveLoginAttempt, reserveMailRequest, throttleKeys, throttleRules, type ThrottleKey } from './loginThrottle';

// The throttle on its own: no passwords are checked, so no argon2 here.
const lockMs = throttleRules.pair.lockMs;

/// The error `p` rejects with, or undefined when it goes through.
async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e;
  }
  return undefined;
}

describe.each(engines())('on $name', ({ engine }) => {
  describe('reserveLoginAttempt', () => {
    it('after five attempts from one address at one account, says how many seconds are left, and lets the next in the moment the lock ends', async () => {
      const keys = throttleKeys('timing@example.com', '192.0.2.1');
      const start = new Date('2026-08-01T00:00:00Z');
      for (let i = 0; i < throttleRules.pair.maxFailures; i++) expect(await refusal(reserveLoginAttempt(engine(), keys, start))).toBeUndefined();
      expect(await refusal(reserveLoginAttempt(engine(), keys, start))).toMatchObject({ code: 'too_many_attempts', message: 'too_many_attempts', retryAfterSeconds: lockMs / 1000 });
      // 898.5 seconds left: the client is told to wait 899.
      expect(await refusal(reserveLoginAttempt(engine(), keys, new Date(start.getTime() + 1500)))).toMatchObject({ retryAfterSeconds: lockMs / 1000 - 1 });
      expect(await refusal(reserveLoginAttempt(engine(), keys, new Date(start.getTime() + lockMs - 1)))).toMatchObject({ retryAfterSeconds: 1 });
      expect(await refusal(reserveLoginAttempt(engine(), keys, new Date(start.getTime() + lockMs)))).toBeUndefined();
    });

    it('with nothing to count (no key), lets the attempt through and writes no counter', async () => {
      const { db, t } = engine();
      const before = await db.select().from(t.loginThrottles);
      expect(await refusal(reserveLoginAttempt(engine(), [], new Date('2026-08-03T00:00:00Z')))).toBeUndefined();
      expect(await db.select().from(t.loginThrottles)).toEqual(before);
    });

    it('audits the moment a counter locks: which counter, of what kind, and until when', async () => {
      const keys = throttleKeys('audited@example.com', '192.0.2.2');
      const start = new Date('2026-08-02T00:00:00Z');
      for (let i = 0; i < throttleRules.pair.maxFailures + 2; i++) await refusal(reserveLoginAttempt(engine(), keys, start));
      const { db, t } = engine();
      const lockouts = await db
        .select({ actorId: t.auditEvents.actorId, action: t.auditEvents.action, targetType: t.auditEvents.targetType, targetId: t.auditEvents.targetId, detail: t.auditEvents.detail, at: t.auditEvents.at })
        .from(t.auditEvents)
        .where(eq(t.auditEvents.targetId, 'pair:audited@example.com|192.0.2.2'));
      expect(lockouts).toEqual([
        {
          actorId: null,
          action: 'session.lockout',
          targetType: 'login_throttle',
          targetId: 'pair:audited@example.com|192.0.2.2',
          detail: { kind: 'pair', until: new Date(start.getTime() + lockMs).toISOString() },
          at: start,
        },
      ]);
    });

    it('audits a second lock too: the attempt after a lock ends, still in the same window, locks again', async () => {
      const keys = throttleKeys('again@example.com', '192.0.2.33');
      const start = new Date('2026-08-03T00:00:00Z');
      for (let i = 0; i < throttleRules.pair.maxFailures; i++) await reserveLoginAttempt(engine(), keys, start);
      const relock = new Date(start.getTime() + lockMs);
      expect(await refusal(reserveLoginAttempt(engine(), keys, relock))).toBeUndefined();
      expect(await refusal(reserveLoginAttempt(engine(), keys, relock))).toMatchObject({ code: 'too_many_attempts' });
      const { db, t } = engine();
      const until = (await db.select({ detail: t.auditEvents.detail }).from(t.auditEvents).where(eq(t.auditEvents.targetId, 'pair:again@example.com|192.0.2.33')).orderBy(t.auditEvents.id)).map(
        (r) => (r.detail as { until: string }).until,
      );
      expect(until).toEqual([new Date(start.getTime() + lockMs).toISOString(), new Date(relock.getTime() + lockMs).toISOString()]);
    });

    it('starts counting afresh once a window has passed without a lock', async () => {
      const keys = throttleKeys('patient@example.com', '192.0.2.34');
      const start = new Date('2026-08-06T00:00:00Z');
      for (let i = 0; i < throttleRules.pair.maxFailures - 1; i++) await reserveLoginAttempt(engine(), keys, start);
      const later = new Date(start.getTime() + throttleRules.pair.windowMs + 1);
      for (let i = 0; i < throttleRules.pair.maxFailures - 1; i++) expect(await refusal(reserveLoginAttempt(engine(), keys, later))).toBeUndefined();
      expect(await refusal(reserveLoginAttempt(engine(), keys, later))).toBeUndefined();
      expect(await refusal(reserveLoginAttempt(engine(), keys, later))).toMatchObject({ code: 'too_many_attempts' });
    });

    it('lets exactly the limit through when twenty attempts arrive at once', async () => {
      const keys = throttleKeys('crowd@example.com', '192.0.2.35');
      const start = new Date('2026-08-07T00:00:00Z');
      const answers = await Promise.all(Array.from({ length: 20 }, () => refusal(reserveLoginAttempt(engine(), keys, start))));
      expect(answers.filter((a) => a === undefined)).toHaveLength(throttleRules.pair.maxFailures);
      expect(answers.filter((a) => a !== undefined)).toEqual(Array.from({ length: 20 - throttleRules.pair.maxFailures }, () => expect.objectContaining({ code: 'too_many_attempts' })));
    });

    it('lets only one of two attempts sent at once take the last one left (each counter read and written by one at a time)', async () => {
      const start = new Date('2026-08-08T00:00:00Z');
      // Ten accounts, each one attempt short of its limit; then two attempts at each, all at once.
      const keysOf = (i: number): ThrottleKey[] => throttleKeys(`edge${i}@example.com`, `198.51.100.${i}`);
      for (let i = 0; i < 10; i++) for (let n = 0; n < throttleRules.pair.maxFailures - 1; n++) await reserveLoginAttempt(engine(), keysOf(i), start);
      const answers = await Promise.all(Array.from({ length: 20 }, (_, j) => refusal(reserveLoginAttempt(engine(), keysOf(j % 10), start))));
      for (let i = 0; i < 10; i++) expect([answers[i], answers[i + 10]].filter((a) => a === undefined)).toHaveLength(1);
    });
  });

  describe('clearLoginFailures', () => {
    it("gives an address back only the attempt a sign-in took: signing into one's own account does not wipe failures on others", async () => {
      const ip = '192.0.2.3';
      const start = new Date('2026-08-03T00:00:00Z');
      const guess = (i: number) => refusal(reserveLoginAttempt(engine(), throttleKeys(`guess${i}@example.com`, ip), start));
      for (let i = 0; i < throttleRules.ip.maxFailures - 2; i++) expect(await guess(i)).toBeUndefined();
      // The guesser signs into an account of their own from the same address...
      const own = throttleKeys('own@example.com', ip);
      await reserveLoginAttempt(engine(), own, start);
      await clearLoginFailures(engine(), own);
      // ...and the address still locks at its thirtieth failure.
      expect(await guess(100)).toBeUndefined();
      expect(await guess(101)).toBeUndefined();
      expect(await guess(102)).toMatchObject({ code: 'too_many_attempts' });
    });

    it('never counts an address below zero', async () => {
      const ip = '192.0.2.36';
      const start = new Date('2026-08-09T00:00:00Z');
      const own = throttleKeys('again-and-again@example.com', ip);
      await reserveLoginAttempt(engine(), own, start);
      await clearLoginFailures(engine(), own);
      await clearLoginFailures(engine(), own);
      // Had the address gone to -1, it would take one attempt more than the limit to lock it.
      const guess = (i: number) => refusal(reserveLoginAttempt(engine(), throttleKeys(`zero${i}@example.com`, ip), start));
      for (let i = 0; i < throttleRules.ip.maxFailures; i++) expect(await guess(i)).toBeUndefined();
      expect(await guess(999)).toMatchObject({ code: 'too_many_attempts' });
    });

    it('forgets the failures of the account that signed in, from that address and from anywhere', async () => {
      const start = new Date('2026-08-04T00:00:00Z');
      const keys = throttleKeys('forgetful@example.com', '192.0.2.4');
      for (let i = 0; i < throttleRules.pair.maxFailures - 1; i++) await reserveLoginAttempt(engine(), keys, start);
      await clearLoginFailures(engine(), keys);
      for (let i = 0; i < throttleRules.pair.maxFailures; i++) expect(await refusal(reserveLoginAttempt(engine(), keys, start))).toBeUndefined();
    });
  });

  describe('reserveMailRequest', () => {
    it('refuses in words about requests rather than sign-ins, saying how long to wait', async () => {
      const keys = [{ kind: 'mailto' as const, value: 'inbox@example.com' }];
      const start = new Date('2026-08-05T00:00:00Z');
      for (let i = 0; i < throttleRules.mailto.maxFailures; i++) await reserveMailRequest(engine(), keys, start);
      expect(await refusal(reserveMailRequest(engine(), keys, new Date(start.getTime() + 60_000)))).toMatchObject({
        code: 'too_many_attempts',
        message: 'too_many_requests',
        retryAfterSeconds: throttleRules.mailto.lockMs / 1000 - 60,
      });
    });
  });
});
