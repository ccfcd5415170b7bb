import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents, sessions, users } from '@/db/schema';
import { sqliteEngine } from '@/db/engine';
import { freshDatabase } from '@/db/testing';
import { listAuditEvents } from '@/lib/audit';
import { insertUser, registerUser } from './registerUser';
import { createStaffUser } from './createStaffUser';
import { changeUserRole } from './changeUserRole';
import { setUserDisabled } from './setUserDisabled';
import { listUsers } from './listUsers';
import { accountsWithPassword, setPasswordByEmail } from './accountsWithPassword';
import { signIn } from './signIn';
import { validateSessionToken } from './validateSessionToken';
import { createSession } from './createSession';
import { insertTestUser } from './testing';
import { auditEntries } from '@/lib/audit/testing/auditEntries';
import type { CurrentUser, Role } from './roles';

const t = freshDatabase();
afterAll(t.cleanup);
let admin: CurrentUser;
let citizen: CurrentUser;

/// The audit entries about one account, oldest first.
const auditOf = (targetId: string) => auditEntries(t.db, eq(auditEvents.targetId, targetId));
const roleOf = (id: string) => t.db.select({ role: users.role }).from(users).where(eq(users.id, id)).get()?.role;
const sessionsOf = (id: string) => t.db.select().from(sessions).where(eq(sessions.userId, id)).all().length;

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

  it('creates a public account, audited as created by nobody (the person themselves)', () => {
    expect(citizen.role).toBe('public');
    expect(auditOf(citizen.id)[0]).toEqual({ actorId: null, action: 'user.create', targetType: 'user', targetId: citizen.id, detail: { role: 'public' } });
  });

  it('refuses a taken address, a bad address and a short password, naming the problem', async () => {
    await expect(registerUser({ email: 'C@x.cn', name: 'x', password: 'long-enough' }, t.db)).rejects.toMatchObject({ code: 'email_taken', message: 'email_taken' });
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
    expect(auditOf(d.id)).toEqual([{ actorId: admin.id, action: 'user.create', targetType: 'user', targetId: d.id, detail: { role: 'drafter' } }]);
    await expect(createStaffUser(citizen, { email: 'z@x.cn', name: 'z', password: 'zzzzzzzz', role: 'admin' }, t.db)).rejects.toMatchObject({ code: 'forbidden', message: 'forbidden' });
    await expect(createStaffUser(null, { email: 'z@x.cn', name: 'z', password: 'zzzzzzzz', role: 'admin' }, t.db)).rejects.toMatchObject({ code: 'forbidden', message: 'forbidden' });
    await expect(createStaffUser(admin, { email: 'p@x.cn', name: 'p', password: 'pppppppp', role: 'public' }, t.db)).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

describe('changeUserRole', () => {
  it('changes a role, ending the account\'s sessions (it signs in again under the new role), and keeps at least one admin', async () => {
    const { token } = await signIn(sqliteEngine(t.db), { email: 'c@x.cn', password: 'citizen-pass' }, new Date());
    expect((await validateSessionToken(sqliteEngine(t.db), token, new Date()))?.user.role).toBe('public');
    changeUserRole(admin, citizen.id, 'volunteer', t.db);
    expect(await validateSessionToken(sqliteEngine(t.db), token, new Date())).toBeNull();
    expect(listUsers(admin, t.db).find((u) => u.id === citizen.id)?.role).toBe('volunteer');
    expect(() => changeUserRole(admin, admin.id, 'drafter', t.db)).toThrow('last_admin');
    expect(() => changeUserRole(admin, citizen.id, 'emperor', t.db)).toThrow(/./);
    expect(() => changeUserRole(admin, 'missing', 'drafter', t.db)).toThrow('user_not_found');
  });

  it('is for admins only', () => {
    const drafter = insertTestUser(t.db, 'drafter');
    for (const actor of [null, drafter, citizen]) {
      expect(() => changeUserRole(actor, drafter.id, 'admin', t.db)).toThrow(expect.objectContaining({ code: 'forbidden', message: 'forbidden' }));
    }
    expect(roleOf(drafter.id)).toBe('drafter');
  });

  it('demotes an admin while another admin remains, audited with the old and the new role', () => {
    const second = insertTestUser(t.db, 'admin');
    changeUserRole(admin, second.id, 'reviewer', t.db);
    expect(roleOf(second.id)).toBe('reviewer');
    expect(auditOf(second.id)).toEqual([{ actorId: admin.id, action: 'user.role', targetType: 'user', targetId: second.id, detail: { from: 'admin', to: 'reviewer' } }]);
  });

  it('does nothing for the role an account already has: no error for the last admin, sessions kept, nothing audited', async () => {
    const reviewer = insertTestUser(t.db, 'reviewer');
    const { token } = await createSession(sqliteEngine(t.db), reviewer.id, new Date());
    changeUserRole(admin, reviewer.id, 'reviewer', t.db);
    expect(() => changeUserRole(admin, admin.id, 'admin', t.db)).not.toThrow();
    expect((await validateSessionToken(sqliteEngine(t.db), token, new Date()))?.user.role).toBe('reviewer');
    expect(auditOf(reviewer.id)).toEqual([]);
    expect(auditOf(admin.id).filter((e) => e.action === 'user.role')).toEqual([]);
  });

  it('guards only the demotion of admins: anyone else\'s role changes even when no other admin is active', () => {
    // No admin account is active while this runs (the only one is switched off in the database
    // directly): a change that demotes no admin must not be refused as leaving none.
    const volunteer = insertTestUser(t.db, 'volunteer');
    t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, admin.id)).run();
    try {
      changeUserRole(admin, volunteer.id, 'reviewer', t.db);
    } finally {
      t.db.update(users).set({ disabledAt: null }).where(eq(users.id, admin.id)).run();
    }
    expect(roleOf(volunteer.id)).toBe('reviewer');
  });
});

describe('setUserDisabled', () => {
  it('ends the sessions of a disabled account and stops it signing in until re-enabled', async () => {
    const { token } = await signIn(sqliteEngine(t.db), { email: 'c@x.cn', password: 'citizen-pass' }, new Date());
    setUserDisabled(admin, citizen.id, true, t.db);
    expect(await validateSessionToken(sqliteEngine(t.db), token, new Date())).toBeNull();
    await expect(signIn(sqliteEngine(t.db), { email: 'c@x.cn', password: 'citizen-pass' }, new Date())).rejects.toMatchObject({ code: 'account_disabled', message: 'account_disabled' });
    expect(auditOf(citizen.id).at(-1)).toEqual({ actorId: citizen.id, action: 'session.sign_in_disabled', targetType: 'user', targetId: citizen.id, detail: { email: 'c@x.cn' } });
    setUserDisabled(admin, citizen.id, false, t.db);
    await expect(signIn(sqliteEngine(t.db), { email: 'c@x.cn', password: 'citizen-pass' }, new Date())).resolves.toBeTruthy();
  });

  it('keeps a disabled account\'s old sessions ended after it is enabled again, and audits both steps', async () => {
    const volunteer = insertTestUser(t.db, 'volunteer');
    const { token } = await createSession(sqliteEngine(t.db), volunteer.id, new Date());
    setUserDisabled(admin, volunteer.id, true, t.db);
    expect(sessionsOf(volunteer.id)).toBe(0);
    setUserDisabled(admin, volunteer.id, false, t.db);
    expect(await validateSessionToken(sqliteEngine(t.db), token, new Date())).toBeNull();
    expect(auditOf(volunteer.id)).toEqual([
      { actorId: admin.id, action: 'user.disable', targetType: 'user', targetId: volunteer.id, detail: null },
      { actorId: admin.id, action: 'user.enable', targetType: 'user', targetId: volunteer.id, detail: null },
    ]);
  });

  it('leaves the sessions of an active account alone when it is enabled', async () => {
    const reviewer = insertTestUser(t.db, 'reviewer');
    const { token } = await createSession(sqliteEngine(t.db), reviewer.id, new Date());
    setUserDisabled(admin, reviewer.id, false, t.db);
    expect((await validateSessionToken(sqliteEngine(t.db), token, new Date()))?.user.id).toBe(reviewer.id);
  });

  it('is for admins only, and names an account that does not exist', () => {
    const reviewer = insertTestUser(t.db, 'reviewer');
    for (const actor of [null, citizen]) {
      expect(() => setUserDisabled(actor, reviewer.id, true, t.db)).toThrow(expect.objectContaining({ code: 'forbidden', message: 'forbidden' }));
    }
    expect(listUsers(admin, t.db).find((u) => u.id === reviewer.id)?.disabled).toBe(false);
    expect(() => setUserDisabled(admin, 'missing', true, t.db)).toThrow(expect.objectContaining({ code: 'not_found', message: 'user_not_found' }));
    expect(auditOf('missing')).toEqual([]);
  });

  it('does not let an admin lock themselves out', () => {
    expect(() => setUserDisabled(admin, admin.id, true, t.db)).toThrow('cannot_disable_self');
  });
});

describe('listUsers', () => {
  // Its own database, so that the whole list is known.
  const listing = freshDatabase();
  afterAll(listing.cleanup);
  /// An account with a chosen e-mail (the order depends on it) and a dummy password hash.
  function account(email: string, role: Role, disabledAt: Date | null = null): CurrentUser {
    const user = { id: crypto.randomUUID(), email, name: email.split('@')[0], role };
    listing.db.insert(users).values({ ...user, passwordHash: 'not-a-real-hash', disabledAt }).run();
    return user;
  }
  const head = account('b-admin@example.com', 'admin');
  account('a-public@example.com', 'public');
  account('c-reviewer@example.com', 'reviewer');
  account('d-drafter@example.com', 'drafter', new Date('2026-01-01T00:00:00Z'));
  account('e-admin@example.com', 'admin');
  account('f-volunteer@example.com', 'volunteer');
  account('g-drafter@example.com', 'drafter');
  account('h-public@example.com', 'public');

  it('lists staff first, by role from admin down to the public, then by e-mail', () => {
    expect(listUsers(head, listing.db).map((u) => u.email)).toEqual([
      'b-admin@example.com',
      'e-admin@example.com',
      'd-drafter@example.com',
      'g-drafter@example.com',
      'c-reviewer@example.com',
      'f-volunteer@example.com',
      'a-public@example.com',
      'h-public@example.com',
    ]);
  });

  it('marks disabled accounts, and only those', () => {
    const list = listUsers(head, listing.db);
    expect(list.filter((u) => u.disabled).map((u) => u.email)).toEqual(['d-drafter@example.com']);
    expect(list.find((u) => u.email === 'b-admin@example.com')).toEqual({ ...head, disabled: false, createdAt: expect.any(Date) });
  });

  it('is for admins only', () => {
    for (const actor of [null, { ...head, role: 'drafter' as const }, { ...head, role: 'public' as const }]) {
      expect(() => listUsers(actor, listing.db)).toThrow(expect.objectContaining({ code: 'forbidden', message: 'forbidden' }));
    }
  });
});

describe('the operator console (accountsWithPassword, setPasswordByEmail)', () => {
  // Its own database: accountsWithPassword checks the password of every active account.
  const op = freshDatabase();
  afterAll(op.cleanup);
  const demo = 'lawbench-demo';
  let chen: CurrentUser;
  let wang: CurrentUser;
  const auditOfOp = (action: string) => auditEntries(op.db, eq(auditEvents.action, action));

  beforeAll(async () => {
    chen = await insertUser(op.db, { email: 'chen@example.com', name: '陈', password: demo, role: 'drafter' }, null);
    wang = await insertUser(op.db, { email: 'wang@example.com', name: '王', password: 'wang-own-password', role: 'reviewer' }, null);
    const gone = await insertUser(op.db, { email: 'gone@example.com', name: '离职', password: demo, role: 'drafter' }, null);
    op.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, gone.id)).run();
    insertTestUser(op.db, 'public');
  });

  it('names the active accounts still using a given password (e.g. the published demo one), and only those', async () => {
    expect(await accountsWithPassword(demo, op.db)).toEqual(['chen@example.com']);
    expect(await accountsWithPassword('nobody-has-this-one', op.db)).toEqual([]);
  });

  it('sets the password of the account an operator names (any case, stray spaces), ends its sessions, and audits it', async () => {
    const { token } = await createSession(sqliteEngine(op.db), wang.id, new Date());
    await setPasswordByEmail('  WANG@Example.com ', 'a-long-new-password', op.db);
    expect(await accountsWithPassword('a-long-new-password', op.db)).toEqual(['wang@example.com']);
    expect(op.db.select().from(sessions).where(eq(sessions.userId, wang.id)).all()).toEqual([]);
    expect(await validateSessionToken(sqliteEngine(op.db), token, new Date())).toBeNull();
    expect(auditOfOp('user.password')).toEqual([{ actorId: null, action: 'user.password', targetType: 'user', targetId: wang.id, detail: { by: 'console' } }]);
    // Nobody else's password changed.
    expect(await accountsWithPassword(demo, op.db)).toEqual([chen.email]);
  });

  it('refuses an address without an account, and a password out of bounds', async () => {
    await expect(setPasswordByEmail('ghost@example.com', 'a-long-new-password', op.db)).rejects.toMatchObject({ code: 'not_found', message: 'user_not_found' });
    await expect(setPasswordByEmail('chen@example.com', 'short', op.db)).rejects.toMatchObject({ code: 'validation_failed', message: 'password_length' });
  });
});
