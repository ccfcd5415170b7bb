import { afterAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { eq } from 'drizzle-orm';
import { loginThrottles, users } from '@/db/schema';
import { sqliteEngine } from '@/db/engine';
import { engines } from '@/db/engineTesting';
import { freshDatabase } from '@/db/testing';
import { listOutbox } from '@/lib/mail';
import type { AppError } from '@/lib/errors';
import { changePassword } from './changePassword';
import { completeRegistration } from './completeRegistration';
import { createSession } from './createSession';
import { registerUser } from './registerUser';
import { requestPasswordReset } from './requestPasswordReset';
import { requestRegistration } from './requestRegistration';
import { resetPassword } from './resetPassword';
import { signIn } from './signIn';
import { privacyNoticeEdition } from './privacyNotice';
import { issueAccountToken } from './accountToken';
import { setUserDisabled } from './setUserDisabled';
import { insertTestAccount } from './testing';
import { reserveLoginAttempt, throttleKeys } from './loginThrottle';
import { auditEntriesOn } from '@/lib/audit/testing/auditEntries';

const ctx = { origin: 'https://fagui.example.gov.cn', locale: 'zh-CN' as const };

async function failure(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a failure');
}

describe.each(engines())('on $name', ({ engine }) => {
  /// The newest message to `to` and the one-time token its link carries.
  async function lastMailTo(to: string) {
    const message = (await listOutbox(engine(), { limit: 500 })).messages.find((m) => m.recipient === to)!;
    return { message, token: message?.body?.match(/token=([a-z2-7.]+)/)?.[1] ?? '' };
  }
  /// The audit entries about one account, in full.
  const auditOf = (targetId: string) => auditEntriesOn(engine(), (t) => eq(t.auditEvents.targetId, targetId));
  const mailsTo = async (to: string) => (await engine().db.select().from(engine().t.outboxMessages).where(eq(engine().t.outboxMessages.recipient, to))).length;
  const userByEmail = async (email: string) => (await engine().db.select().from(engine().t.users).where(eq(engine().t.users.email, email)))[0];
  const userById = async (id: string) => (await engine().db.select().from(engine().t.users).where(eq(engine().t.users.id, id)))[0];
  const sessionsOf = (userId: string) => engine().db.select().from(engine().t.sessions).where(eq(engine().t.sessions.userId, userId));

  describe('registration by e-mailed link', () => {
    it('creates nothing until the link is opened, then the public account with the consent given', async () => {
      await requestRegistration(engine(), { email: 'Chen@Example.com', name: '陈静', password: 'correct horse', consent: true }, { ...ctx, ip: '198.51.100.1' });
      expect(await userByEmail('chen@example.com')).toBeUndefined();
      const { message, token } = await lastMailTo('chen@example.com');
      expect(message.subject).toBe('立法工作台：完成注册');
      expect(message.body).toContain(`https://fagui.example.gov.cn/register/confirm?token=${token}`);
      const user = await completeRegistration(engine(), token);
      expect(user).toMatchObject({ email: 'chen@example.com', name: '陈静', role: 'public' });
      const row = (await userById(user.id))!;
      expect(row.privacyNotice).toBe(privacyNoticeEdition);
      expect(row.privacyConsentedAt).toBeInstanceOf(Date);
      expect(await auditOf(user.id)).toEqual([
        { actorId: user.id, action: 'user.create', targetType: 'user', targetId: user.id, detail: { role: 'public', via: 'registration', privacyNotice: privacyNoticeEdition } },
      ]);
      expect((await signIn(engine(), { email: 'chen@example.com', password: 'correct horse' }, new Date())).user.id).toBe(user.id);
      expect((await failure(completeRegistration(engine(), token))).code).toBe('link_invalid');
    });

    it('answers a taken address exactly as a new one, and tells only the owner, by e-mail', async () => {
      await insertTestAccount(engine(), { email: 'owner@example.com', name: '陈静' });
      const before = (await engine().db.select().from(engine().t.users)).length;
      const taken = await requestRegistration(engine(), { email: 'owner@example.com', name: '冒名', password: 'another pass', consent: true }, ctx);
      const fresh = await requestRegistration(engine(), { email: 'new@example.com', name: '新人', password: 'another pass', consent: true }, ctx);
      expect(taken).toEqual(fresh);
      expect(await engine().db.select().from(engine().t.users)).toHaveLength(before);
      const { message } = await lastMailTo('owner@example.com');
      expect(message.subject).toBe('立法工作台：您已有账号');
      expect(message.body).toContain('https://fagui.example.gov.cn/password/reset?token=');
      expect(message.body).not.toContain('冒名');
    });

    it('refuses without consent, and a link that has expired', async () => {
      expect((await failure(requestRegistration(engine(), { email: 'x@example.com', name: 'x', password: 'long enough', consent: false }, ctx))).message).toBe('consent_required');
      await requestRegistration(engine(), { email: 'late@example.com', name: '迟到', password: 'long enough', consent: true }, ctx);
      const { token } = await lastMailTo('late@example.com');
      expect((await failure(completeRegistration(engine(), token, new Date(Date.now() + 25 * 3600_000)))).code).toBe('link_invalid');
      expect((await failure(completeRegistration(engine(), 'not-a-token'))).code).toBe('link_invalid');
    });

    it('refuses a registration link that carries no account details', async () => {
      const token = await issueAccountToken(engine(), 'register', 'bare@example.com', null, new Date());
      expect(await failure(completeRegistration(engine(), token))).toMatchObject({ code: 'link_invalid', message: 'link_invalid' });
      expect(await userByEmail('bare@example.com')).toBeUndefined();
    });

    it('refuses to finish when the address got an account after the link was sent, leaving that account alone', async () => {
      await requestRegistration(engine(), { email: 'meanwhile@example.com', name: '后来', password: 'long enough', consent: true }, ctx);
      const { token } = await lastMailTo('meanwhile@example.com');
      const first = await registerUser(engine(), { email: 'meanwhile@example.com', name: '先到', password: 'first comer' });
      expect(await failure(completeRegistration(engine(), token))).toMatchObject({ code: 'email_taken', message: 'email_taken' });
      const { db, t } = engine();
      expect(await db.select({ id: t.users.id, name: t.users.name }).from(t.users).where(eq(t.users.email, 'meanwhile@example.com'))).toEqual([{ id: first.id, name: '先到' }]);
    });

    it('creates one account when the same link is opened twice at once; the other gets link_invalid', async () => {
      const now = new Date();
      const token = await issueAccountToken(engine(), 'register', 'twice@example.com', { name: '两次', passwordHash: 'not-a-real-hash', consentedAt: now.getTime(), notice: privacyNoticeEdition }, now);
      const outcomes = await Promise.allSettled([completeRegistration(engine(), token, now), completeRegistration(engine(), token, now)]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { code: 'link_invalid', message: 'link_invalid' } });
      expect(await engine().db.select().from(engine().t.users).where(eq(engine().t.users.email, 'twice@example.com'))).toHaveLength(1);
    });

    it('takes at most ten requests an hour from one address, whatever their e-mails', async () => {
      const at = new Date('2026-12-02T00:00:00Z');
      const from = { ...ctx, ip: '198.51.100.20', now: at };
      for (let i = 0; i < 10; i++) await requestRegistration(engine(), { email: `wave${i}@example.com`, name: 'x', password: 'long enough', consent: true }, from);
      const refused = await failure(requestRegistration(engine(), { email: 'wave10@example.com', name: 'x', password: 'long enough', consent: true }, from));
      expect(refused).toMatchObject({ code: 'too_many_attempts', message: 'too_many_requests' });
      expect(await mailsTo('wave10@example.com')).toBe(0);
    });

    it('sends one mailbox at most five messages an hour, and says so in words about requests', async () => {
      const at = new Date('2026-12-01T00:00:00Z');
      for (let i = 0; i < 5; i++) await requestRegistration(engine(), { email: 'flooded@example.com', name: 'x', password: 'long enough', consent: true }, { ...ctx, ip: `203.0.113.${i}`, now: at });
      const refused = await failure(requestRegistration(engine(), { email: 'flooded@example.com', name: 'x', password: 'long enough', consent: true }, { ...ctx, ip: '203.0.113.99', now: at }));
      expect(refused).toMatchObject({ code: 'too_many_attempts', message: 'too_many_requests' });
      expect(await mailsTo('flooded@example.com')).toBe(5);
    });
  });

  describe('password reset by e-mailed link', () => {
    it('sends nothing for an unknown address, with the same answer', async () => {
      expect(await requestPasswordReset(engine(), { email: 'nobody@example.com' }, ctx)).toBeUndefined();
      expect((await lastMailTo('nobody@example.com')).message).toBeUndefined();
    });

    it('sets the new password once, ends every session, and the link then stops working', async () => {
      const user = await registerUser(engine(), { email: 'reset@example.com', name: '重设', password: 'old password' });
      await createSession(engine(), user.id, new Date());
      await requestPasswordReset(engine(), { email: 'reset@example.com' }, ctx);
      const { token } = await lastMailTo('reset@example.com');
      expect((await failure(resetPassword(engine(), token, 'short'))).message).toBe('password_length');
      await resetPassword(engine(), token, 'new password');
      expect(await sessionsOf(user.id)).toEqual([]);
      expect((await signIn(engine(), { email: 'reset@example.com', password: 'new password' }, new Date())).user.id).toBe(user.id);
      expect((await failure(resetPassword(engine(), token, 'third password'))).code).toBe('link_invalid');
      expect(await auditOf(user.id)).toContainEqual({ actorId: null, action: 'user.password_reset_requested', targetType: 'user', targetId: user.id, detail: null });
      expect(await auditOf(user.id)).toContainEqual({ actorId: user.id, action: 'user.password', targetType: 'user', targetId: user.id, detail: { by: 'reset_link' } });
    });

    it('sets the password once when the same link is used twice at once; the other gets link_invalid', async () => {
      const user = await insertTestAccount(engine(), { role: 'volunteer' });
      const token = await issueAccountToken(engine(), 'reset', user.email, null, new Date());
      const outcomes = await Promise.allSettled([resetPassword(engine(), token, 'first new password'), resetPassword(engine(), token, 'second new password')]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { code: 'link_invalid', message: 'link_invalid' } });
      expect((await auditOf(user.id)).filter((e) => e.action === 'user.password')).toHaveLength(1);
    });

    it('refuses to reset the password of a disabled account, changing nothing', async () => {
      const admin = await insertTestAccount(engine(), { role: 'admin' });
      const user = await insertTestAccount(engine(), { role: 'drafter' });
      await requestPasswordReset(engine(), { email: user.email }, ctx);
      const { token } = await lastMailTo(user.email);
      await setUserDisabled(engine(), admin, user.id, true);
      expect(await failure(resetPassword(engine(), token, 'new password'))).toMatchObject({ code: 'account_disabled', message: 'account_disabled' });
      expect((await userById(user.id))?.passwordHash).toBe('not-a-real-hash');
    });

    it('refuses a reset link for an address that has no account', async () => {
      const token = await issueAccountToken(engine(), 'reset', 'no-account@example.com', null, new Date());
      expect(await failure(resetPassword(engine(), token, 'new password'))).toMatchObject({ code: 'link_invalid', message: 'link_invalid' });
    });

    it('sends one mailbox at most five reset messages an hour', async () => {
      const user = await insertTestAccount(engine(), { role: 'reviewer' });
      const at = new Date('2026-12-03T00:00:00Z');
      for (let i = 0; i < 5; i++) await requestPasswordReset(engine(), { email: user.email }, { ...ctx, ip: `203.0.113.${10 + i}`, now: at });
      expect(await failure(requestPasswordReset(engine(), { email: user.email }, { ...ctx, ip: '203.0.113.99', now: at }))).toMatchObject({ code: 'too_many_attempts', message: 'too_many_requests' });
      expect(await mailsTo(user.email)).toBe(5);
    });

    it('takes at most ten reset requests an hour from one address, whatever their e-mails', async () => {
      const from = { ...ctx, ip: '198.51.100.30', now: new Date('2026-12-04T00:00:00Z') };
      for (let i = 0; i < 10; i++) await requestPasswordReset(engine(), { email: `walker${i}@example.com` }, from);
      expect(await failure(requestPasswordReset(engine(), { email: 'walker10@example.com' }, from))).toMatchObject({ code: 'too_many_attempts', message: 'too_many_requests' });
    });

    it('works for an hour only', async () => {
      await requestPasswordReset(engine(), { email: 'reset@example.com' }, ctx);
      const { token } = await lastMailTo('reset@example.com');
      expect((await failure(resetPassword(engine(), token, 'fourth password', new Date(Date.now() + 61 * 60_000)))).code).toBe('link_invalid');
    });
  });

  describe('changePassword', () => {
    it('needs the current password, then ends every session of the account', async () => {
      const user = await registerUser(engine(), { email: 'change@example.com', name: '改', password: 'first password' });
      await createSession(engine(), user.id, new Date());
      const wrong = await failure(changePassword(engine(), user, { current: 'not it', password: 'second password' }, {}));
      expect(wrong).toMatchObject({ code: 'invalid_credentials', message: 'current_password_wrong' });
      // The form marks the field to correct.
      expect(wrong.details).toEqual({ fields: [{ path: 'current' }] });
      await changePassword(engine(), user, { current: 'first password', password: 'second password' }, {});
      expect(await sessionsOf(user.id)).toEqual([]);
      expect((await signIn(engine(), { email: 'change@example.com', password: 'second password' }, new Date())).user.id).toBe(user.id);
      expect(await auditOf(user.id)).toContainEqual({ actorId: user.id, action: 'user.password', targetType: 'user', targetId: user.id, detail: { by: 'self' } });
    });
  });
});

// The app, the collaboration server and the CLI each open the database file: while one of them
// writes, another's read-then-write must wait for the lock (BEGIN IMMEDIATE, up to the busy
// timeout), not fail with SQLITE_BUSY the moment it tries to write on a stale snapshot.
describe('while another process writes to the database', () => {
  // SQLite only: PostgreSQL has no file lock to wait for.
  const t = freshDatabase();
  afterAll(t.cleanup);
  const engine = sqliteEngine(t.db);
  const writerCode = `
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.driver);
    const db = new Database(workerData.file);
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN IMMEDIATE');
    db.prepare('INSERT INTO login_throttles (key, failures, window_started_at) VALUES (?, 1, ?)').run(workerData.key, Date.now());
    parentPort.postMessage('holding the write lock');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
    db.exec('COMMIT');
    db.close();
  `;
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  /// Another process holding the write lock for `holdMs` (writing a row under `key`); resolves once it holds it.
  async function anotherWriter(key: string, holdMs: number): Promise<{ finished: Promise<unknown> }> {
    const worker = new Worker(writerCode, { eval: true, workerData: { driver, file: t.file, key, holdMs } });
    const finished = once(worker, 'exit');
    await once(worker, 'message');
    return { finished };
  }
  const committed = (key: string) => t.db.select().from(loginThrottles).where(eq(loginThrottles.key, key)).get() !== undefined;

  it('a sign-in attempt waits its turn to be counted', async () => {
    const other = await anotherWriter('ip:other-process-1', 80);
    await reserveLoginAttempt(engine, throttleKeys('queued@example.com', '192.0.2.80'), new Date());
    await other.finished;
    expect(committed('ip:other-process-1')).toBe(true);
    expect(t.db.select().from(loginThrottles).where(eq(loginThrottles.key, 'pair:queued@example.com|192.0.2.80')).get()?.failures).toBe(1);
  });

  it('a registration link still creates the account', async () => {
    const now = new Date();
    const token = await issueAccountToken(engine, 'register', 'queued@example.com', { name: '排队', passwordHash: 'not-a-real-hash', consentedAt: now.getTime(), notice: privacyNoticeEdition }, now);
    const other = await anotherWriter('ip:other-process-2', 80);
    const user = await completeRegistration(engine, token, now);
    await other.finished;
    expect(committed('ip:other-process-2')).toBe(true);
    expect(t.db.select({ id: users.id }).from(users).where(eq(users.email, 'queued@example.com')).get()?.id).toBe(user.id);
  });

  it('a password reset link still sets the new password', async () => {
    const user = await insertTestAccount(engine, { role: 'volunteer' });
    const token = await issueAccountToken(engine, 'reset', user.email, null, new Date());
    // Held long enough to cover the password hashing that comes before the transaction.
    const other = await anotherWriter('ip:other-process-3', 200);
    await resetPassword(engine, token, 'a new password');
    await other.finished;
    expect(committed('ip:other-process-3')).toBe(true);
    expect(t.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get()?.hash).toMatch(/^\$argon2id\$/);
  });
});
