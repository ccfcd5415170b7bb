import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gt } from 'drizzle-orm';
import { auditEvents } from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import { registerUser } from './registerUser';
import { signIn } from './signIn';
import { validateSessionToken } from './validateSessionToken';
import { invalidateSession } from './invalidateSession';
import { throttleRules } from './loginThrottle';
import { sessionIdleMs, sessionLifetimeMs } from './sessionToken';
import type { AppError } from '@/lib/errors';

const t = freshDatabase();
afterAll(t.cleanup);

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a failure');
}

describe('signIn', () => {
  beforeAll(async () => {
    await registerUser({ email: 'Chen@Example.com', name: '陈', password: 'correct horse' }, t.db);
    await registerUser({ email: 'victim@example.com', name: '受害者', password: 'correct horse' }, t.db);
  });

  it('starts a session whose token identifies the user, with the e-mail matched case-insensitively', async () => {
    const { user, token } = await signIn({ email: ' chen@example.COM ', password: 'correct horse' }, new Date(), t.db);
    expect(user.role).toBe('public');
    expect(validateSessionToken(token, new Date(), t.db)?.user.email).toBe('chen@example.com');
  });

  it('answers a wrong password and an unknown account with the same error', async () => {
    const wrong = await failure(signIn({ email: 'chen@example.com', password: 'nope-nope' }, new Date(), t.db));
    const unknown = await failure(signIn({ email: 'ghost@example.com', password: 'nope-nope' }, new Date(), t.db));
    expect(wrong).toMatchObject({ code: 'invalid_credentials', message: 'invalid_credentials' });
    expect(unknown.code).toBe(wrong.code);
    expect(unknown.message).toBe(wrong.message);
  });

  it('locks an account from the address that guessed, even for the right password, but not from elsewhere; then lets it in later', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    for (let i = 0; i < throttleRules.pair.maxFailures; i++) {
      await failure(signIn({ email: 'victim@example.com', password: 'guess-' + i, ip: '10.0.0.7' }, now, t.db));
    }
    const locked = await failure(signIn({ email: 'victim@example.com', password: 'correct horse', ip: '10.0.0.7' }, now, t.db));
    expect(locked.code).toBe('too_many_attempts');
    expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    // The owner, at home, is not kept out by a stranger's guesses.
    expect((await signIn({ email: 'victim@example.com', password: 'correct horse', ip: '198.51.100.4' }, now, t.db)).user.name).toBe('受害者');
    const later = new Date(now.getTime() + throttleRules.pair.lockMs + 1000);
    const ok = await signIn({ email: 'victim@example.com', password: 'correct horse', ip: '10.0.0.7' }, later, t.db);
    expect(ok.user.name).toBe('受害者');
  });

  it('audits sign-ins that worked and failed, the moment an account locks, and signing out', async () => {
    const now = new Date('2026-05-01T00:00:00Z');
    const before = t.db.select({ id: auditEvents.id }).from(auditEvents).all().length;
    const actions = () => t.db.select().from(auditEvents).where(gt(auditEvents.id, before)).all().map((e) => e.action);
    const { token } = await signIn({ email: 'chen@example.com', password: 'correct horse', ip: '192.0.2.50' }, now, t.db);
    await failure(signIn({ email: 'chen@example.com', password: 'wrong', ip: '192.0.2.50' }, now, t.db));
    invalidateSession(token, t.db, now);
    expect(actions()).toEqual(['session.sign_in', 'session.sign_in_failed', 'session.sign_out']);
    const { user } = await signIn({ email: 'chen@example.com', password: 'correct horse' }, now, t.db);
    const entries = t.db
      .select({ actorId: auditEvents.actorId, action: auditEvents.action, targetType: auditEvents.targetType, targetId: auditEvents.targetId, detail: auditEvents.detail })
      .from(auditEvents)
      .where(gt(auditEvents.id, before))
      .all();
    expect(entries.slice(0, 3)).toEqual([
      { actorId: user.id, action: 'session.sign_in', targetType: 'user', targetId: user.id, detail: { email: 'chen@example.com' } },
      { actorId: user.id, action: 'session.sign_in_failed', targetType: 'user', targetId: user.id, detail: { email: 'chen@example.com' } },
      { actorId: user.id, action: 'session.sign_out', targetType: 'user', targetId: user.id, detail: null },
    ]);
    // An address without an account is recorded as typed (normalised), with nobody as actor.
    await failure(signIn({ email: ' Ghost@Example.com', password: 'wrong', ip: '192.0.2.52' }, now, t.db));
    expect(t.db.select().from(auditEvents).where(gt(auditEvents.id, before)).all().at(-1)).toMatchObject({
      actorId: null,
      action: 'session.sign_in_failed',
      targetType: 'user',
      targetId: 'ghost@example.com',
      detail: { email: 'ghost@example.com' },
    });
    for (let i = 0; i < throttleRules.pair.maxFailures + 2; i++) await failure(signIn({ email: 'chen@example.com', password: 'wrong', ip: '192.0.2.51' }, now, t.db));
    expect(actions().filter((a) => a === 'session.lockout')).toHaveLength(1);
  });

  it('never locks out an address whose people sign in successfully, however many', async () => {
    const now = new Date('2026-06-01T00:00:00Z');
    for (let i = 0; i < throttleRules.ip.maxFailures + 5; i++) {
      expect((await signIn({ email: 'chen@example.com', password: 'correct horse', ip: '192.0.2.77' }, now, t.db)).user.name).toBe('陈');
    }
  });

  it('checks at most as many passwords as the limit when guesses arrive all at once', async () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => failure(signIn({ email: 'victim@example.com', password: `parallel-${i}`, ip: '203.0.113.5' }, now, t.db))));
    const checked = answers.filter((e) => e.code === 'invalid_credentials').length;
    expect(checked).toBeLessThanOrEqual(throttleRules.pair.maxFailures);
    expect(answers.filter((e) => e.code === 'too_many_attempts')).toHaveLength(20 - checked);
  });

  it('locks an account guessed at from many addresses, at a higher bar', async () => {
    const now = new Date('2026-04-01T00:00:00Z');
    for (let i = 0; i < throttleRules.account.maxFailures; i++) {
      await failure(signIn({ email: 'victim@example.com', password: 'spray', ip: `10.1.${Math.floor(i / 250)}.${i % 250}` }, now, t.db));
    }
    expect((await failure(signIn({ email: 'victim@example.com', password: 'correct horse', ip: '198.51.100.4' }, now, t.db))).code).toBe('too_many_attempts');
  });

  it('locks an address that guesses across many accounts', async () => {
    const now = new Date('2026-02-01T00:00:00Z');
    for (let i = 0; i < throttleRules.ip.maxFailures; i++) {
      await failure(signIn({ email: `nobody${i}@example.com`, password: 'x-x-x-x-x', ip: '192.0.2.9' }, now, t.db));
    }
    const e = await failure(signIn({ email: 'chen@example.com', password: 'correct horse', ip: '192.0.2.9' }, now, t.db));
    expect(e.code).toBe('too_many_attempts');
  });
});

describe('validateSessionToken', () => {
  it('extends a session used in the second half of its idle time and drops an expired one', async () => {
    const start = new Date('2026-03-01T00:00:00Z');
    const { token } = await signIn({ email: 'chen@example.com', password: 'correct horse' }, start, t.db);
    const early = validateSessionToken(token, new Date(start.getTime() + 1000), t.db);
    expect(early?.renewed).toBe(false);
    const late = new Date(start.getTime() + sessionIdleMs * 0.75);
    const renewed = validateSessionToken(token, late, t.db);
    expect(renewed?.renewed).toBe(true);
    expect(renewed!.expiresAt.getTime()).toBe(late.getTime() + sessionIdleMs);
    const gone = new Date(renewed!.expiresAt.getTime() + 1);
    expect(validateSessionToken(token, gone, t.db)).toBeNull();
    expect(validateSessionToken(token, late, t.db)).toBeNull();
  });

  it('ends a session 30 days after sign-in however often it is used', async () => {
    const start = new Date('2026-03-01T00:00:00Z');
    const { token } = await signIn({ email: 'chen@example.com', password: 'correct horse' }, start, t.db);
    let last: ReturnType<typeof validateSessionToken> = null;
    // Used every five days: the slide keeps it alive, up to the absolute end and no further.
    for (let day = 5; day < 30; day += 5) {
      last = validateSessionToken(token, new Date(start.getTime() + day * 86_400_000), t.db);
      expect(last).not.toBeNull();
    }
    expect(last!.expiresAt.getTime()).toBe(start.getTime() + sessionLifetimeMs);
    expect(validateSessionToken(token, new Date(start.getTime() + sessionLifetimeMs - 1), t.db)).not.toBeNull();
    expect(validateSessionToken(token, new Date(start.getTime() + sessionLifetimeMs), t.db)).toBeNull();
  });

  it('rejects tampered, malformed and signed-out tokens', async () => {
    const { token } = await signIn({ email: 'chen@example.com', password: 'correct horse' }, new Date(), t.db);
    const [id] = token.split('.');
    expect(validateSessionToken(`${id}.${'a'.repeat(32)}`, new Date(), t.db)).toBeNull();
    expect(validateSessionToken('garbage', new Date(), t.db)).toBeNull();
    expect(validateSessionToken(undefined, new Date(), t.db)).toBeNull();
    invalidateSession(token, t.db);
    expect(validateSessionToken(token, new Date(), t.db)).toBeNull();
  });
});
