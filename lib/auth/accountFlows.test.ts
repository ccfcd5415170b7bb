import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents, outboxMessages, sessions, users } from '@/db/schema';
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
    expect(actions(user.id)).toContainEqual({ action: 'user.create', detail: { role: 'public', via: 'registration', privacyNotice: privacyNoticeEdition } });
    expect((await signIn({ email: 'chen@example.com', password: 'correct horse' }, new Date(), t.db)).user.id).toBe(user.id);
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
    createSession(user.id, new Date(), t.db);
    await requestPasswordReset({ email: 'reset@example.com' }, ctx, t.db);
    const { token } = lastMailTo('reset@example.com');
    expect((await failure(resetPassword(token, 'short', t.db))).message).toBe('password_length');
    await resetPassword(token, 'new password', t.db);
    expect(t.db.select().from(sessions).where(eq(sessions.userId, user.id)).all()).toEqual([]);
    expect((await signIn({ email: 'reset@example.com', password: 'new password' }, new Date(), t.db)).user.id).toBe(user.id);
    expect((await failure(resetPassword(token, 'third password', t.db))).code).toBe('link_invalid');
    expect(actions(user.id).map((a) => a.action)).toEqual(expect.arrayContaining(['user.password_reset_requested', 'user.password']));
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
    createSession(user.id, new Date(), t.db);
    const wrong = await failure(changePassword(user, { current: 'not it', password: 'second password' }, {}, t.db));
    expect(wrong).toMatchObject({ code: 'invalid_credentials', message: 'current_password_wrong' });
    await changePassword(user, { current: 'first password', password: 'second password' }, {}, t.db);
    expect(t.db.select().from(sessions).where(eq(sessions.userId, user.id)).all()).toEqual([]);
    expect((await signIn({ email: 'change@example.com', password: 'second password' }, new Date(), t.db)).user.id).toBe(user.id);
    expect(actions(user.id)).toContainEqual({ action: 'user.password', detail: { by: 'self' } });
  });
});
