import { afterAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { eq } from 'drizzle-orm';
import { auditEvents, loginThrottles, outboxMessages, sessions, users } from '@/db/schema';
import { sqliteEngine } from '@/db/engine';
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
import { insertTestUser } from './testing';
import { reserveLoginAttempt, throttleKeys } from './loginThrottle';
import { auditEntries } from '@/lib/audit/testing/auditEntries';

const t = freshDatabase();
afterAll(t.cleanup);
const ctx = { origin: 'https://fagui.example.gov.cn', locale: 'zh-CN' as const };

/// The newest message to `to` and the one-time token its link carries.
function lastMailTo(to: string) {
  const message = listOutbox({ limit: 500 }, t.db).messages.find((m) => m.recipient === to)!;
  return { message, token: message?.body?.match(/token=([a-z2-7.]+)/)?.[1] ?? '' };
}
async function failure(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a failure');
}
const actions = (targetId: string) => t.db.select({ action: auditEvents.action, detail: auditEvents.detail }).from(auditEvents).where(eq(auditEvents.targetId, targetId)).all();
/// The audit entries about one account, in full.
const auditOf = (targetId: string) => auditEntries(t.db, eq(auditEvents.targetId, targetId));
const mailsTo = (to: string) => t.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, to)).all().length;

describe('registration by e-mailed link', () => {
  it('creates nothing until the link is opened, then the public account with the consent given', async () => {
    await requestRegistration({ email: 'Chen@Example.com', name: '陈静', password: 'correct horse', consent: true }, { ...ctx, ip: '198.51.100.1' }, t.db);
    expect(t.db.select().from(users).where(eq(users.email, 'chen@example.com')).get()).toBeUndefined();
    const { message, token } = lastMailTo('chen@example.com');
    expect(message.subject).toBe('立法工作台：完成注册');
    expect(message.body).toContain(`https://fagui.example.gov.cn/register/confirm?token=${token}`);
    const user = completeRegistration(token, t.db);
    expect(user).toMatchObject({ email: 'chen@example.com', name: '陈静', role: 'public' });
    const row = t.db.select().from(users).where(eq(users.id, user.id)).get()!;
    expect(row.privacyNotice).toBe(privacyNoticeEdition);
    expect(row.privacyConsentedAt).toBeInstanceOf(Date);
    expect(auditOf(user.id)).toEqual([
      { actorId: user.id, action: 'user.create', targetType: 'user', targetId: user.id, detail: { role: 'public', via: 'registration', privacyNotice: privacyNoticeEdition } },
    ]);
    expect((await signIn(sqliteEngine(t.db), { email: 'chen@example.com', password: 'correct horse' }, new Date())).user.id).toBe(user.id);
    expect((await failure(() => completeRegistration(token, t.db))).code).toBe('link_invalid');
  });

  it('answers a taken address exactly as a new one, and tells only the owner, by e-mail', async () => {
    const before = t.db.select().from(users).all().length;
    const taken = await requestRegistration({ email: 'chen@example.com', name: '冒名', password: 'another pass', consent: true }, ctx, t.db);
    const fresh = await requestRegistration({ email: 'new@example.com', name: '新人', password: 'another pass', consent: true }, ctx, t.db);
    expect(taken).toEqual(fresh);
    expect(t.db.select().from(users).all()).toHaveLength(before);
    const { message } = lastMailTo('chen@example.com');
    expect(message.subject).toBe('立法工作台：您已有账号');
    expect(message.body).toContain('https://fagui.example.gov.cn/password/reset?token=');
    expect(message.body).not.toContain('冒名');
  });

  it('refuses without consent, and a link that has expired', async () => {
    expect((await failure(requestRegistration({ email: 'x@example.com', name: 'x', password: 'long enough', consent: false }, ctx, t.db))).message).toBe('consent_required');
    await requestRegistration({ email: 'late@example.com', name: '迟到', password: 'long enough', consent: true }, ctx, t.db);
    const { token } = lastMailTo('late@example.com');
    expect((await failure(() => completeRegistration(token, t.db, new Date(Date.now() + 25 * 3600_000)))).code).toBe('link_invalid');
    expect((await failure(() => completeRegistration('not-a-token', t.db))).code).toBe('link_invalid');
  });

  it('refuses a registration link that carries no account details', async () => {
    const token = issueAccountToken(t.db, 'register', 'bare@example.com', null, new Date());
    expect(await failure(() => completeRegistration(token, t.db))).toMatchObject({ code: 'link_invalid', message: 'link_invalid' });
    expect(t.db.select().from(users).where(eq(users.email, 'bare@example.com')).all()).toEqual([]);
  });

  it('refuses to finish when the address got an account after the link was sent, leaving that account alone', async () => {
    await requestRegistration({ email: 'meanwhile@example.com', name: '后来', password: 'long enough', consent: true }, ctx, t.db);
    const { token } = lastMailTo('meanwhile@example.com');
    const first = await registerUser({ email: 'meanwhile@example.com', name: '先到', password: 'first comer' }, t.db);
    expect(await failure(() => completeRegistration(token, t.db))).toMatchObject({ code: 'email_taken', message: 'email_taken' });
    expect(t.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, 'meanwhile@example.com')).all()).toEqual([{ id: first.id, name: '先到' }]);
  });

  it('takes at most ten requests an hour from one address, whatever their e-mails', async () => {
    const at = new Date('2026-12-02T00:00:00Z');
    const from = { ...ctx, ip: '198.51.100.20', now: at };
    for (let i = 0; i < 10; i++) await requestRegistration({ email: `wave${i}@example.com`, name: 'x', password: 'long enough', consent: true }, from, t.db);
    const refused = await failure(requestRegistration({ email: 'wave10@example.com', name: 'x', password: 'long enough', consent: true }, from, t.db));
    expect(refused).toMatchObject({ code: 'too_many_attempts', message: 'too_many_requests' });
    expect(mailsTo('wave10@example.com')).toBe(0);
  });

  it('sends one mailbox at most five messages an hour, and says so in words about requests', async () => {
    const at = new Date('2026-12-01T00:00:00Z');
    for (let i = 0; i < 5; i++) await requestRegistration({ email: 'flooded@example.com', name: 'x', password: 'long enough', consent: true }, { ...ctx, ip: `203.0.113.${i}`, now: at }, t.db);
    const refused = await failure(requestRegistration({ email: 'flooded@example.com', name: 'x', password: 'long enough', consent: true }, { ...ctx, ip: '203.0.113.99', now: at }, t.db));
    expect(refused).toMatchObject({ code: 'too_many_attempts', message: 'too_many_requests' });
    expect(t.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, 'flooded@example.com')).all()).toHaveLength(5);
  });
});

describe('password reset by e-mailed link', () => {
  it('sends nothing for an unknown address, with the same answer', async () => {
    expect(await requestPasswordReset({ email: 'nobody@example.com' }, ctx, t.db)).toBeUndefined();
    expect(lastMailTo('nobody@example.com').message).toBeUndefined();
  });

  it('sets the new password once, ends every session, and the link then stops working', async () => {
    const user = await registerUser({ email: 'reset@example.com', name: '重设', password: 'old password' }, t.db);
    await createSession(sqliteEngine(t.db), user.id, new Date());
    await requestPasswordReset({ email: 'reset@example.com' }, ctx, t.db);
    const { token } = lastMailTo('reset@example.com');
    expect((await failure(resetPassword(token, 'short', t.db))).message).toBe('password_length');
    await resetPassword(token, 'new password', t.db);
    expect(t.db.select().from(sessions).where(eq(sessions.userId, user.id)).all()).toEqual([]);
    expect((await signIn(sqliteEngine(t.db), { email: 'reset@example.com', password: 'new password' }, new Date())).user.id).toBe(user.id);
    expect((await failure(resetPassword(token, 'third password', t.db))).code).toBe('link_invalid');
    expect(actions(user.id).map((a) => a.action)).toEqual(expect.arrayContaining(['user.password_reset_requested', 'user.password']));
    expect(auditOf(user.id)).toContainEqual({ actorId: null, action: 'user.password_reset_requested', targetType: 'user', targetId: user.id, detail: null });
    expect(auditOf(user.id)).toContainEqual({ actorId: user.id, action: 'user.password', targetType: 'user', targetId: user.id, detail: { by: 'reset_link' } });
  });

  it('refuses to reset the password of a disabled account, changing nothing', async () => {
    const admin = insertTestUser(t.db, 'admin');
    const user = insertTestUser(t.db, 'drafter');
    await requestPasswordReset({ email: user.email }, ctx, t.db);
    const { token } = lastMailTo(user.email);
    setUserDisabled(admin, user.id, true, t.db);
    expect(await failure(resetPassword(token, 'new password', t.db))).toMatchObject({ code: 'account_disabled', message: 'account_disabled' });
    expect(t.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get()?.hash).toBe('not-a-real-hash');
  });

  it('refuses a reset link for an address that has no account', async () => {
    const token = issueAccountToken(t.db, 'reset', 'no-account@example.com', null, new Date());
    expect(await failure(resetPassword(token, 'new password', t.db))).toMatchObject({ code: 'link_invalid', message: 'link_invalid' });
  });

  it('sends one mailbox at most five reset messages an hour', async () => {
    const user = insertTestUser(t.db, 'reviewer');
    const at = new Date('2026-12-03T00:00:00Z');
    for (let i = 0; i < 5; i++) await requestPasswordReset({ email: user.email }, { ...ctx, ip: `203.0.113.${10 + i}`, now: at }, t.db);
    expect(await failure(requestPasswordReset({ email: user.email }, { ...ctx, ip: '203.0.113.99', now: at }, t.db))).toMatchObject({ code: 'too_many_attempts', message: 'too_many_requests' });
    expect(mailsTo(user.email)).toBe(5);
  });

  it('takes at most ten reset requests an hour from one address, whatever their e-mails', async () => {
    const from = { ...ctx, ip: '198.51.100.30', now: new Date('2026-12-04T00:00:00Z') };
    for (let i = 0; i < 10; i++) await requestPasswordReset({ email: `walker${i}@example.com` }, from, t.db);
    expect(await failure(requestPasswordReset({ email: 'walker10@example.com' }, from, t.db))).toMatchObject({ code: 'too_many_attempts', message: 'too_many_requests' });
  });

  it('works for an hour only', async () => {
    await requestPasswordReset({ email: 'reset@example.com' }, ctx, t.db);
    const { token } = lastMailTo('reset@example.com');
    expect((await failure(resetPassword(token, 'fourth password', t.db, new Date(Date.now() + 61 * 60_000)))).code).toBe('link_invalid');
  });
});

describe('changePassword', () => {
  it('needs the current password, then ends every session of the account', async () => {
    const user = await registerUser({ email: 'change@example.com', name: '改', password: 'first password' }, t.db);
    await createSession(sqliteEngine(t.db), user.id, new Date());
    const wrong = await failure(changePassword(user, { current: 'not it', password: 'second password' }, {}, t.db));
    expect(wrong).toMatchObject({ code: 'invalid_credentials', message: 'current_password_wrong' });
    // The form marks the field to correct.
    expect(wrong.details).toEqual({ fields: [{ path: 'current' }] });
    await changePassword(user, { current: 'first password', password: 'second password' }, {}, t.db);
    expect(t.db.select().from(sessions).where(eq(sessions.userId, user.id)).all()).toEqual([]);
    expect((await signIn(sqliteEngine(t.db), { email: 'change@example.com', password: 'second password' }, new Date())).user.id).toBe(user.id);
    expect(auditOf(user.id)).toContainEqual({ actorId: user.id, action: 'user.password', targetType: 'user', targetId: user.id, detail: { by: 'self' } });
  });
});

// The app, the collaboration server and the CLI each open the database file: while one of them
// writes, another's read-then-write must wait for the lock (BEGIN IMMEDIATE, up to the busy
// timeout), not fail with SQLITE_BUSY the moment it tries to write on a stale snapshot.
describe('while another process writes to the database', () => {
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
    await reserveLoginAttempt(sqliteEngine(t.db), throttleKeys('queued@example.com', '192.0.2.80'), new Date());
    await other.finished;
    expect(committed('ip:other-process-1')).toBe(true);
    expect(t.db.select().from(loginThrottles).where(eq(loginThrottles.key, 'pair:queued@example.com|192.0.2.80')).get()?.failures).toBe(1);
  });

  it('a registration link still creates the account', async () => {
    const now = new Date();
    const token = issueAccountToken(t.db, 'register', 'queued@example.com', { name: '排队', passwordHash: 'not-a-real-hash', consentedAt: now.getTime(), notice: privacyNoticeEdition }, now);
    const other = await anotherWriter('ip:other-process-2', 80);
    const user = completeRegistration(token, t.db, now);
    await other.finished;
    expect(committed('ip:other-process-2')).toBe(true);
    expect(t.db.select({ id: users.id }).from(users).where(eq(users.email, 'queued@example.com')).get()?.id).toBe(user.id);
  });

  it('a password reset link still sets the new password', async () => {
    const user = insertTestUser(t.db, 'volunteer');
    const token = issueAccountToken(t.db, 'reset', user.email, null, new Date());
    // Held long enough to cover the password hashing that comes before the transaction.
    const other = await anotherWriter('ip:other-process-3', 200);
    await resetPassword(token, 'a new password', t.db);
    await other.finished;
    expect(committed('ip:other-process-3')).toBe(true);
    expect(t.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get()?.hash).toMatch(/^\$argon2id\$/);
  });
});
