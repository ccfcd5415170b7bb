import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import { clearLoginFailures, reserveLoginAttempt, reserveMailRequest, throttleKeys, throttleRules } from './loginThrottle';

// The throttle on its own: no passwords are checked, so no argon2 here.
const t = freshDatabase();
afterAll(t.cleanup);
const lockMs = throttleRules.pair.lockMs;

/// The error `f` throws, or undefined when it goes through.
function refusal(f: () => void) {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('reserveLoginAttempt', () => {
  it('after five attempts from one address at one account, says how many seconds are left, and lets the next in the moment the lock ends', () => {
    const keys = throttleKeys('timing@example.com', '192.0.2.1');
    const start = new Date('2026-08-01T00:00:00Z');
    for (let i = 0; i < throttleRules.pair.maxFailures; i++) expect(refusal(() => reserveLoginAttempt(t.db, keys, start))).toBeUndefined();
    expect(refusal(() => reserveLoginAttempt(t.db, keys, start))).toMatchObject({ code: 'too_many_attempts', message: 'too_many_attempts', retryAfterSeconds: lockMs / 1000 });
    // 898.5 seconds left: the client is told to wait 899.
    expect(refusal(() => reserveLoginAttempt(t.db, keys, new Date(start.getTime() + 1500)))).toMatchObject({ retryAfterSeconds: lockMs / 1000 - 1 });
    expect(refusal(() => reserveLoginAttempt(t.db, keys, new Date(start.getTime() + lockMs - 1)))).toMatchObject({ retryAfterSeconds: 1 });
    expect(refusal(() => reserveLoginAttempt(t.db, keys, new Date(start.getTime() + lockMs)))).toBeUndefined();
  });

  it('audits the moment a counter locks: which counter, of what kind, and until when', () => {
    const keys = throttleKeys('audited@example.com', '192.0.2.2');
    const start = new Date('2026-08-02T00:00:00Z');
    for (let i = 0; i < throttleRules.pair.maxFailures + 2; i++) refusal(() => reserveLoginAttempt(t.db, keys, start));
    const lockouts = t.db
      .select({ actorId: auditEvents.actorId, action: auditEvents.action, targetType: auditEvents.targetType, targetId: auditEvents.targetId, detail: auditEvents.detail, at: auditEvents.at })
      .from(auditEvents)
      .where(eq(auditEvents.targetId, 'pair:audited@example.com|192.0.2.2'))
      .all();
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

  it('audits a second lock too: the attempt after a lock ends, still in the same window, locks again', () => {
    const keys = throttleKeys('again@example.com', '192.0.2.33');
    const start = new Date('2026-08-03T00:00:00Z');
    for (let i = 0; i < throttleRules.pair.maxFailures; i++) reserveLoginAttempt(t.db, keys, start);
    const relock = new Date(start.getTime() + lockMs);
    expect(refusal(() => reserveLoginAttempt(t.db, keys, relock))).toBeUndefined();
    expect(refusal(() => reserveLoginAttempt(t.db, keys, relock))).toMatchObject({ code: 'too_many_attempts' });
    const until = t.db
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(eq(auditEvents.targetId, 'pair:again@example.com|192.0.2.33'))
      .all()
      .map((r) => (r.detail as { until: string }).until);
    expect(until).toEqual([new Date(start.getTime() + lockMs).toISOString(), new Date(relock.getTime() + lockMs).toISOString()]);
  });
});

describe('clearLoginFailures', () => {
  it('gives an address back only the attempt a sign-in took: signing into one\'s own account does not wipe failures on others', () => {
    const ip = '192.0.2.3';
    const start = new Date('2026-08-03T00:00:00Z');
    const guess = (i: number) => refusal(() => reserveLoginAttempt(t.db, throttleKeys(`guess${i}@example.com`, ip), start));
    for (let i = 0; i < throttleRules.ip.maxFailures - 2; i++) expect(guess(i)).toBeUndefined();
    // The guesser signs into an account of their own from the same address...
    const own = throttleKeys('own@example.com', ip);
    reserveLoginAttempt(t.db, own, start);
    clearLoginFailures(t.db, own);
    // ...and the address still locks at its thirtieth failure.
    expect(guess(100)).toBeUndefined();
    expect(guess(101)).toBeUndefined();
    expect(guess(102)).toMatchObject({ code: 'too_many_attempts' });
  });

  it('forgets the failures of the account that signed in, from that address and from anywhere', () => {
    const start = new Date('2026-08-04T00:00:00Z');
    const keys = throttleKeys('forgetful@example.com', '192.0.2.4');
    for (let i = 0; i < throttleRules.pair.maxFailures - 1; i++) reserveLoginAttempt(t.db, keys, start);
    clearLoginFailures(t.db, keys);
    for (let i = 0; i < throttleRules.pair.maxFailures; i++) expect(refusal(() => reserveLoginAttempt(t.db, keys, start))).toBeUndefined();
  });
});

describe('reserveMailRequest', () => {
  it('refuses in words about requests rather than sign-ins, saying how long to wait', () => {
    const keys = [{ kind: 'mailto' as const, value: 'inbox@example.com' }];
    const start = new Date('2026-08-05T00:00:00Z');
    for (let i = 0; i < throttleRules.mailto.maxFailures; i++) reserveMailRequest(t.db, keys, start);
    expect(refusal(() => reserveMailRequest(t.db, keys, new Date(start.getTime() + 60_000)))).toMatchObject({
      code: 'too_many_attempts',
      message: 'too_many_requests',
      retryAfterSeconds: throttleRules.mailto.lockMs / 1000 - 60,
    });
  });
});
