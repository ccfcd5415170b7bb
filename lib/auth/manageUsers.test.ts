import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { listAuditEvents } from '@/lib/audit';
import { insertUser, registerUser } from './registerUser';
import { createStaffUser } from './createStaffUser';
import { changeUserRole } from './changeUserRole';
import { setUserDisabled } from './setUserDisabled';
import { listUsers } from './listUsers';
import { signIn } from './signIn';
import { validateSessionToken } from './validateSessionToken';
import type { CurrentUser } from './roles';

const t = freshDatabase();
afterAll(t.cleanup);
let admin: CurrentUser;
let citizen: CurrentUser;

beforeAll(async () => {
  admin = await insertUser(t.db, { email: 'admin@x.cn', name: '管理员', password: 'admin-pass', role: 'admin' }, null);
  citizen = await registerUser({ email: 'c@x.cn', name: '市民', password: 'citizen-pass' }, t.db);
});

describe('registerUser', () => {
  it('takes at most ten registrations an hour from one address, whatever their e-mails', async () => {
    const at = new Date('2026-06-01T08:00:00Z');
    for (let i = 0; i < 10; i++) await registerUser({ email: `bulk${i}@x.cn`, name: 'x', password: 'long-enough' }, t.db, { ip: '198.51.100.7', now: at });
    await expect(registerUser({ email: 'bulk10@x.cn', name: 'x', password: 'long-enough' }, t.db, { ip: '198.51.100.7', now: at })).rejects.toMatchObject({ code: 'too_many_attempts' });
    // Walking addresses to find registered ones counts too.
    await expect(registerUser({ email: 'c@x.cn', name: 'x', password: 'long-enough' }, t.db, { ip: '198.51.100.7', now: at })).rejects.toMatchObject({ code: 'too_many_attempts' });
    await expect(registerUser({ email: 'bulk11@x.cn', name: 'x', password: 'long-enough' }, t.db, { ip: '198.51.100.8', now: at })).resolves.toBeTruthy();
    await expect(registerUser({ email: 'bulk12@x.cn', name: 'x', password: 'long-enough' }, t.db, { ip: '198.51.100.7', now: new Date(at.getTime() + 61 * 60_000) })).resolves.toBeTruthy();
  });

  it('refuses a taken address, a bad address and a short password, naming the problem', async () => {
    await expect(registerUser({ email: 'C@x.cn', name: 'x', password: 'long-enough' }, t.db)).rejects.toMatchObject({ code: 'email_taken' });
    await expect(registerUser({ email: 'not-an-email', name: 'x', password: 'long-enough' }, t.db)).rejects.toMatchObject({
      code: 'validation_failed',
      message: 'email_invalid',
    });
    await expect(registerUser({ email: 'n@x.cn', name: 'x', password: 'short' }, t.db)).rejects.toMatchObject({ message: 'password_length' });
  });
});

describe('createStaffUser', () => {
  it('lets an admin create a drafter, audited, and refuses everyone else', async () => {
    const d = await createStaffUser(admin, { email: 'wang@x.cn', name: '王', password: 'drafter-pass', role: 'drafter' }, t.db);
    expect(d.role).toBe('drafter');
    expect(listAuditEvents({ targetType: 'user', targetId: d.id }, t.db)[0]).toMatchObject({ action: 'user.create', actorId: admin.id });
    await expect(createStaffUser(citizen, { email: 'z@x.cn', name: 'z', password: 'zzzzzzzz', role: 'admin' }, t.db)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createStaffUser(admin, { email: 'p@x.cn', name: 'p', password: 'pppppppp', role: 'public' }, t.db)).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

describe('changeUserRole', () => {
  it('changes a role, ending the account\'s sessions (it signs in again under the new role), and keeps at least one admin', async () => {
    const { token } = await signIn({ email: 'c@x.cn', password: 'citizen-pass' }, new Date(), t.db);
    expect(validateSessionToken(token, new Date(), t.db)?.user.role).toBe('public');
    changeUserRole(admin, citizen.id, 'volunteer', t.db);
    expect(validateSessionToken(token, new Date(), t.db)).toBeNull();
    expect(listUsers(admin, t.db).find((u) => u.id === citizen.id)?.role).toBe('volunteer');
    expect(() => changeUserRole(admin, admin.id, 'drafter', t.db)).toThrow('last_admin');
    expect(() => changeUserRole(admin, citizen.id, 'emperor', t.db)).toThrow(/./);
    expect(() => changeUserRole(admin, 'missing', 'drafter', t.db)).toThrow('user_not_found');
  });
});

describe('setUserDisabled', () => {
  it('ends the sessions of a disabled account and stops it signing in until re-enabled', async () => {
    const { token } = await signIn({ email: 'c@x.cn', password: 'citizen-pass' }, new Date(), t.db);
    setUserDisabled(admin, citizen.id, true, t.db);
    expect(validateSessionToken(token, new Date(), t.db)).toBeNull();
    await expect(signIn({ email: 'c@x.cn', password: 'citizen-pass' }, new Date(), t.db)).rejects.toMatchObject({ code: 'account_disabled' });
    setUserDisabled(admin, citizen.id, false, t.db);
    await expect(signIn({ email: 'c@x.cn', password: 'citizen-pass' }, new Date(), t.db)).resolves.toBeTruthy();
  });

  it('does not let an admin lock themselves out', () => {
    expect(() => setUserDisabled(admin, admin.id, true, t.db)).toThrow('cannot_disable_self');
  });
});
