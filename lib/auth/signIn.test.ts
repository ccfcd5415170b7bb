import { beforeAll, describe, expect, it } from 'vitest';
import { asc, desc, eq, gt } from 'drizzle-orm';
import { engines } from '@/db/engineTesting';
import { decoyHash, signIn } from './signIn';
import { hashPassword, verifyPassword } from './password';
import { validateSessionToken } from './validateSessionToken';
import { invalidateSession } from './invalidateSession';
import { throttleRules } from './loginThrottle';
import { sessionIdleMs, sessionLifetimeMs } from './sessionToken';
import { insertTestAccount } from './testing';
import type { AppError } from '@/lib/errors';

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a failure');
}

describe.each(engines())('on $name', ({ engine }) => {
  beforeAll(async () => {
    // Stored as they are typed into the sign-in form: lower case.
    await insertTestAccount(engine(), { email: 'chen@example.com', name: '陈', password: 'correct horse' });
    // One account per throttle test, so that each can run alone and in any order.
    for (const who of ['pair', 'parallel', 'spray']) await insertTestAccount(engine(), { email: `victim-${who}@example.com`, name: '受害者', password: 'correct horse' });
  });

  describe('signIn', () => {
    it('starts a session whose token identifies the user, with the e-mail matched case-insensitively', async () => {
      const { user, token } = await signIn(engine(), { email: ' chen@example.COM ', password: 'correct horse' }, new Date());
      expect(user.role).toBe('public');
      expect((await validateSessionToken(engine(), token, new Date()))?.user.email).toBe('chen@example.com');
    });

    it('answers a wrong password and an unknown account with the same error', async () => {
      const wrong = await failure(signIn(engine(), { email: 'chen@example.com', password: 'nope-nope' }, new Date()));
      const unknown = await failure(signIn(engine(), { email: 'ghost@example.com', password: 'nope-nope' }, new Date()));
      expect(wrong).toMatchObject({ code: 'invalid_credentials', message: 'invalid_credentials' });
      expect(unknown.code).toBe(wrong.code);
      expect(unknown.message).toBe(wrong.message);
    });

    it('refuses a disabled account even with the right password, and audits the attempt', async () => {
      const { db, t } = engine();
      const user = await insertTestAccount(engine(), { email: 'disabled@example.com', password: 'correct horse' });
      await db.update(t.users).set({ disabledAt: new Date() }).where(eq(t.users.id, user.id));
      expect(await failure(signIn(engine(), { email: 'disabled@example.com', password: 'correct horse' }, new Date()))).toMatchObject({ code: 'account_disabled', message: 'account_disabled' });
      const [last] = await db.select().from(t.auditEvents).orderBy(desc(t.auditEvents.id)).limit(1);
      expect(last).toMatchObject({ actorId: user.id, action: 'session.sign_in_disabled', targetId: user.id });
      expect(await db.select().from(t.sessions).where(eq(t.sessions.userId, user.id))).toEqual([]);
    });

    it('locks an account from the address that guessed, even for the right password, but not from elsewhere; then lets it in later', async () => {
      const now = new Date('2026-01-01T00:00:00Z');
      for (let i = 0; i < throttleRules.pair.maxFailures; i++) {
        await failure(signIn(engine(), { email: 'victim-pair@example.com', password: 'guess-' + i, ip: '10.0.0.7' }, now));
      }
      const locked = await failure(signIn(engine(), { email: 'victim-pair@example.com', password: 'correct horse', ip: '10.0.0.7' }, now));
      expect(locked.code).toBe('too_many_attempts');
      expect(locked.retryAfterSeconds).toBeGreaterThan(0);
      // The owner, at home, is not kept out by a stranger's guesses.
      expect((await signIn(engine(), { email: 'victim-pair@example.com', password: 'correct horse', ip: '198.51.100.4' }, now)).user.name).toBe('受害者');
      const later = new Date(now.getTime() + throttleRules.pair.lockMs + 1000);
      const ok = await signIn(engine(), { email: 'victim-pair@example.com', password: 'correct horse', ip: '10.0.0.7' }, later);
      expect(ok.user.name).toBe('受害者');
    });

    it('audits sign-ins that worked and failed, the moment an account locks, and signing out', async () => {
      const now = new Date('2026-05-01T00:00:00Z');
      const { db, t } = engine();
      const [newest] = await db.select({ id: t.auditEvents.id }).from(t.auditEvents).orderBy(desc(t.auditEvents.id)).limit(1);
      const before = newest?.id ?? 0;
      const since = () =>
        db
          .select({ actorId: t.auditEvents.actorId, action: t.auditEvents.action, targetType: t.auditEvents.targetType, targetId: t.auditEvents.targetId, detail: t.auditEvents.detail })
          .from(t.auditEvents)
          .where(gt(t.auditEvents.id, before))
          .orderBy(asc(t.auditEvents.id));
      const actions = async () => (await since()).map((e) => e.action);
      const { token } = await signIn(engine(), { email: 'chen@example.com', password: 'correct horse', ip: '192.0.2.50' }, now);
      await failure(signIn(engine(), { email: 'chen@example.com', password: 'wrong', ip: '192.0.2.50' }, now));
      await invalidateSession(engine(), token, now);
      expect(await actions()).toEqual(['session.sign_in', 'session.sign_in_failed', 'session.sign_out']);
      const { user } = await signIn(engine(), { email: 'chen@example.com', password: 'correct horse' }, now);
      expect((await since()).slice(0, 3)).toEqual([
        { actorId: user.id, action: 'session.sign_in', targetType: 'user', targetId: user.id, detail: { email: 'chen@example.com' } },
        { actorId: user.id, action: 'session.sign_in_failed', targetType: 'user', targetId: user.id, detail: { email: 'chen@example.com' } },
        { actorId: user.id, action: 'session.sign_out', targetType: 'user', targetId: user.id, detail: null },
      ]);
      // An address without an account is recorded as typed (normalised), with nobody as actor.
      await failure(signIn(engine(), { email: ' Ghost@Example.com', password: 'wrong', ip: '192.0.2.52' }, now));
      expect((await since()).at(-1)).toEqual({
        actorId: null,
        action: 'session.sign_in_failed',
        targetType: 'user',
        targetId: 'ghost@example.com',
        detail: { email: 'ghost@example.com' },
      });
      for (let i = 0; i < throttleRules.pair.maxFailures + 2; i++) await failure(signIn(engine(), { email: 'chen@example.com', password: 'wrong', ip: '192.0.2.51' }, now));
      expect((await actions()).filter((a) => a === 'session.lockout')).toHaveLength(1);
    });

    it('never locks out an address whose people sign in successfully, however many', async () => {
      const now = new Date('2026-06-01T00:00:00Z');
      for (let i = 0; i < throttleRules.ip.maxFailures + 5; i++) {
        expect((await signIn(engine(), { email: 'chen@example.com', password: 'correct horse', ip: '192.0.2.77' }, now)).user.name).toBe('陈');
      }
    });

    it('checks at most as many passwords as the limit when guesses arrive all at once', async () => {
      const now = new Date('2026-03-01T00:00:00Z');
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => failure(signIn(engine(), { email: 'victim-parallel@example.com', password: `parallel-${i}`, ip: '203.0.113.5' }, now))));
      const checked = answers.filter((e) => e.code === 'invalid_credentials').length;
      expect(checked).toBeLessThanOrEqual(throttleRules.pair.maxFailures);
      expect(answers.filter((e) => e.code === 'too_many_attempts')).toHaveLength(20 - checked);
    });

    it('locks an account guessed at from many addresses, at a higher bar', async () => {
      const now = new Date('2026-04-01T00:00:00Z');
      for (let i = 0; i < throttleRules.account.maxFailures; i++) {
        await failure(signIn(engine(), { email: 'victim-spray@example.com', password: 'spray', ip: `10.1.${Math.floor(i / 250)}.${i % 250}` }, now));
      }
      expect((await failure(signIn(engine(), { email: 'victim-spray@example.com', password: 'correct horse', ip: '198.51.100.4' }, now))).code).toBe('too_many_attempts');
    });

    it('locks an address that guesses across many accounts', async () => {
      const now = new Date('2026-02-01T00:00:00Z');
      for (let i = 0; i < throttleRules.ip.maxFailures; i++) {
        await failure(signIn(engine(), { email: `nobody${i}@example.com`, password: 'x-x-x-x-x', ip: '192.0.2.9' }, now));
      }
      const e = await failure(signIn(engine(), { email: 'chen@example.com', password: 'correct horse', ip: '192.0.2.9' }, now));
      expect(e.code).toBe('too_many_attempts');
    });
  });

  describe('validateSessionToken', () => {
    it('extends a session used in the second half of its idle time and drops an expired one', async () => {
      const start = new Date('2026-03-01T00:00:00Z');
      const { token } = await signIn(engine(), { email: 'chen@example.com', password: 'correct horse' }, start);
      const early = await validateSessionToken(engine(), token, new Date(start.getTime() + 1000));
      expect(early?.renewed).toBe(false);
      const late = new Date(start.getTime() + sessionIdleMs * 0.75);
      const renewed = await validateSessionToken(engine(), token, late);
      expect(renewed?.renewed).toBe(true);
      expect(renewed!.expiresAt.getTime()).toBe(late.getTime() + sessionIdleMs);
      const gone = new Date(renewed!.expiresAt.getTime() + 1);
      expect(await validateSessionToken(engine(), token, gone)).toBeNull();
      expect(await validateSessionToken(engine(), token, late)).toBeNull();
    });

    it('ends a session 30 days after sign-in however often it is used', async () => {
      const start = new Date('2026-03-01T00:00:00Z');
      const { token } = await signIn(engine(), { email: 'chen@example.com', password: 'correct horse' }, start);
      let last: Awaited<ReturnType<typeof validateSessionToken>> = null;
      // Used every five days: the slide keeps it alive, up to the absolute end and no further.
      for (let day = 5; day < 30; day += 5) {
        last = await validateSessionToken(engine(), token, new Date(start.getTime() + day * 86_400_000));
        expect(last).not.toBeNull();
      }
      expect(last!.expiresAt.getTime()).toBe(start.getTime() + sessionLifetimeMs);
      expect(await validateSessionToken(engine(), token, new Date(start.getTime() + sessionLifetimeMs - 1))).not.toBeNull();
      expect(await validateSessionToken(engine(), token, new Date(start.getTime() + sessionLifetimeMs))).toBeNull();
    });

    it('rejects tampered, malformed and signed-out tokens', async () => {
      const { token } = await signIn(engine(), { email: 'chen@example.com', password: 'correct horse' }, new Date());
      const [id] = token.split('.');
      expect(await validateSessionToken(engine(), `${id}.${'a'.repeat(32)}`, new Date())).toBeNull();
      expect(await validateSessionToken(engine(), 'garbage', new Date())).toBeNull();
      expect(await validateSessionToken(engine(), undefined, new Date())).toBeNull();
      await invalidateSession(engine(), token);
      expect(await validateSessionToken(engine(), token, new Date())).toBeNull();
    });
  });
});

describe('the decoy hash an unknown account is checked against', () => {
  // Its algorithm, version and cost must be those of a stored password's hash: a cheaper one
  // would answer an unknown e-mail faster and tell who has an account.
  it('has the parameters hashPassword uses and matches no password', async () => {
    const parameters = (h: string) => h.split('$').slice(1, 4).join('$');
    expect(parameters(decoyHash)).toBe(parameters(await hashPassword('correct horse')));
    expect(parameters(decoyHash)).toMatch(/^argon2id\$v=\d+\$m=\d+,t=\d+,p=\d+$/);
    expect(await verifyPassword(decoyHash, 'correct horse')).toBe(false);
  });
});
