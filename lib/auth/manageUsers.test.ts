import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { engines } from '@/db/engineTesting';
import { insertUser, registerUser } from './registerUser';
import { createStaffUser } from './createStaffUser';
import { changeUserRole } from './changeUserRole';
import { setUserDisabled } from './setUserDisabled';
import { listUsers } from './listUsers';
import { accountsWithPassword, setPasswordByEmail } from './accountsWithPassword';
import { signIn } from './signIn';
import { validateSessionToken } from './validateSessionToken';
import { createSession } from './createSession';
import { insertTestAccount } from './testing';
import { auditEntriesOn } from '@/lib/audit/testing/auditEntries';
import type { CurrentUser, Role } from './roles';

describe.each(engines())('on $name', ({ engine }) => {
  let admin: CurrentUser;
  let citizen: CurrentUser;

  /// The audit entries about one account, oldest first.
  const auditOf = (targetId: string) => auditEntriesOn(engine(), (t) => eq(t.auditEvents.targetId, targetId));
  const roleOf = async (id: string) => {
    const { db, t } = engine();
    return (await db.select({ role: t.users.role }).from(t.users).where(eq(t.users.id, id)))[0]?.role;
  };
  const sessionsOf = async (id: string) => {
    const { db, t } = engine();
    return (await db.select().from(t.sessions).where(eq(t.sessions.userId, id))).length;
  };
  const setDisabledAt = async (id: string, disabledAt: Date | null) => {
    const { db, t } = engine();
    await db.update(t.users).set({ disabledAt }).where(eq(t.users.id, id));
  };

  beforeAll(async () => {
    admin = await insertUser(engine(), { email: 'admin@x.cn', name: '管理员', password: 'admin-pass', role: 'admin' }, null);
    citizen = await registerUser(engine(), { email: 'c@x.cn', name: '市民', password: 'citizen-pass' });
  });

  describe('registerUser', () => {
    it('takes at most ten registrations an hour from one address, whatever their e-mails', async () => {
      const at = new Date('2026-06-01T08:00:00Z');
      for (let i = 0; i < 10; i++) await registerUser(engine(), { email: `bulk${i}@x.cn`, name: 'x', password: 'long-enough' }, { ip: '198.51.100.7', now: at });
      await expect(registerUser(engine(), { email: 'bulk10@x.cn', name: 'x', password: 'long-enough' }, { ip: '198.51.100.7', now: at })).rejects.toMatchObject({ code: 'too_many_attempts' });
      // Walking addresses to find registered ones counts too.
      await expect(registerUser(engine(), { email: 'c@x.cn', name: 'x', password: 'long-enough' }, { ip: '198.51.100.7', now: at })).rejects.toMatchObject({ code: 'too_many_attempts' });
      await expect(registerUser(engine(), { email: 'bulk11@x.cn', name: 'x', password: 'long-enough' }, { ip: '198.51.100.8', now: at })).resolves.toBeTruthy();
      await expect(registerUser(engine(), { email: 'bulk12@x.cn', name: 'x', password: 'long-enough' }, { ip: '198.51.100.7', now: new Date(at.getTime() + 61 * 60_000) })).resolves.toBeTruthy();
    });

    it('creates a public account, audited as created by nobody (the person themselves)', async () => {
      expect(citizen.role).toBe('public');
      expect((await auditOf(citizen.id))[0]).toEqual({ actorId: null, action: 'user.create', targetType: 'user', targetId: citizen.id, detail: { role: 'public' } });
    });

    it('refuses a taken address, a bad address and a short password, naming the problem', async () => {
      await expect(registerUser(engine(), { email: 'C@x.cn', name: 'x', password: 'long-enough' })).rejects.toMatchObject({ code: 'email_taken', message: 'email_taken' });
      await expect(registerUser(engine(), { email: 'not-an-email', name: 'x', password: 'long-enough' })).rejects.toMatchObject({
        code: 'validation_failed',
        message: 'email_invalid',
      });
      await expect(registerUser(engine(), { email: 'n@x.cn', name: 'x', password: 'short' })).rejects.toMatchObject({ message: 'password_length' });
    });
  });

  describe('createStaffUser', () => {
    it('lets an admin create a drafter, audited, and refuses everyone else', async () => {
      const d = await createStaffUser(engine(), admin, { email: 'wang@x.cn', name: '王', password: 'drafter-pass', role: 'drafter' });
      expect(d.role).toBe('drafter');
      expect(await auditOf(d.id)).toEqual([{ actorId: admin.id, action: 'user.create', targetType: 'user', targetId: d.id, detail: { role: 'drafter' } }]);
      await expect(createStaffUser(engine(), citizen, { email: 'z@x.cn', name: 'z', password: 'zzzzzzzz', role: 'admin' })).rejects.toMatchObject({ code: 'forbidden', message: 'forbidden' });
      await expect(createStaffUser(engine(), null, { email: 'z@x.cn', name: 'z', password: 'zzzzzzzz', role: 'admin' })).rejects.toMatchObject({ code: 'forbidden', message: 'forbidden' });
      await expect(createStaffUser(engine(), admin, { email: 'p@x.cn', name: 'p', password: 'pppppppp', role: 'public' })).rejects.toMatchObject({ code: 'validation_failed' });
    });
  });

  describe('changeUserRole', () => {
    it('changes a role, ending the account\'s sessions (it signs in again under the new role), and keeps at least one admin', async () => {
      const { token } = await signIn(engine(), { email: 'c@x.cn', password: 'citizen-pass' }, new Date());
      expect((await validateSessionToken(engine(), token, new Date()))?.user.role).toBe('public');
      await changeUserRole(engine(), admin, citizen.id, 'volunteer');
      expect(await validateSessionToken(engine(), token, new Date())).toBeNull();
      expect((await listUsers(engine(), admin)).find((u) => u.id === citizen.id)?.role).toBe('volunteer');
      await expect(changeUserRole(engine(), admin, admin.id, 'drafter')).rejects.toThrow('last_admin');
      await expect(changeUserRole(engine(), admin, citizen.id, 'emperor')).rejects.toThrow(/./);
      await expect(changeUserRole(engine(), admin, 'missing', 'drafter')).rejects.toThrow('user_not_found');
    });

    it('is for admins only', async () => {
      const drafter = await insertTestAccount(engine(), { role: 'drafter' });
      for (const actor of [null, drafter, citizen]) {
        await expect(changeUserRole(engine(), actor, drafter.id, 'admin')).rejects.toThrow(expect.objectContaining({ code: 'forbidden', message: 'forbidden' }));
      }
      expect(await roleOf(drafter.id)).toBe('drafter');
    });

    it('demotes an admin while another admin remains, audited with the old and the new role', async () => {
      const second = await insertTestAccount(engine(), { role: 'admin' });
      await changeUserRole(engine(), admin, second.id, 'reviewer');
      expect(await roleOf(second.id)).toBe('reviewer');
      expect(await auditOf(second.id)).toEqual([{ actorId: admin.id, action: 'user.role', targetType: 'user', targetId: second.id, detail: { from: 'admin', to: 'reviewer' } }]);
    });

    it('does nothing for the role an account already has: no error for the last admin, sessions kept, nothing audited', async () => {
      const reviewer = await insertTestAccount(engine(), { role: 'reviewer' });
      const { token } = await createSession(engine(), reviewer.id, new Date());
      await changeUserRole(engine(), admin, reviewer.id, 'reviewer');
      await expect(changeUserRole(engine(), admin, admin.id, 'admin')).resolves.toBeUndefined();
      expect((await validateSessionToken(engine(), token, new Date()))?.user.role).toBe('reviewer');
      expect(await auditOf(reviewer.id)).toEqual([]);
      expect((await auditOf(admin.id)).filter((e) => e.action === 'user.role')).toEqual([]);
    });

    it('guards only the demotion of admins: anyone else\'s role changes even when no other admin is active', async () => {
      // No admin account is active while this runs (the only one is switched off in the database
      // directly): a change that demotes no admin must not be refused as leaving none.
      const volunteer = await insertTestAccount(engine(), { role: 'volunteer' });
      await setDisabledAt(admin.id, new Date());
      try {
        await changeUserRole(engine(), admin, volunteer.id, 'reviewer');
      } finally {
        await setDisabledAt(admin.id, null);
      }
      expect(await roleOf(volunteer.id)).toBe('reviewer');
    });
  });

  describe('setUserDisabled', () => {
    it('ends the sessions of a disabled account and stops it signing in until re-enabled', async () => {
      const { token } = await signIn(engine(), { email: 'c@x.cn', password: 'citizen-pass' }, new Date());
      await setUserDisabled(engine(), admin, citizen.id, true);
      expect(await validateSessionToken(engine(), token, new Date())).toBeNull();
      await expect(signIn(engine(), { email: 'c@x.cn', password: 'citizen-pass' }, new Date())).rejects.toMatchObject({ code: 'account_disabled', message: 'account_disabled' });
      expect((await auditOf(citizen.id)).at(-1)).toEqual({ actorId: citizen.id, action: 'session.sign_in_disabled', targetType: 'user', targetId: citizen.id, detail: { email: 'c@x.cn' } });
      await setUserDisabled(engine(), admin, citizen.id, false);
      await expect(signIn(engine(), { email: 'c@x.cn', password: 'citizen-pass' }, new Date())).resolves.toBeTruthy();
    });

    it('keeps a disabled account\'s old sessions ended after it is enabled again, and audits both steps', async () => {
      const volunteer = await insertTestAccount(engine(), { role: 'volunteer' });
      const { token } = await createSession(engine(), volunteer.id, new Date());
      await setUserDisabled(engine(), admin, volunteer.id, true);
      expect(await sessionsOf(volunteer.id)).toBe(0);
      await setUserDisabled(engine(), admin, volunteer.id, false);
      expect(await validateSessionToken(engine(), token, new Date())).toBeNull();
      expect(await auditOf(volunteer.id)).toEqual([
        { actorId: admin.id, action: 'user.disable', targetType: 'user', targetId: volunteer.id, detail: null },
        { actorId: admin.id, action: 'user.enable', targetType: 'user', targetId: volunteer.id, detail: null },
      ]);
    });

    it('leaves the sessions of an active account alone when it is enabled', async () => {
      const reviewer = await insertTestAccount(engine(), { role: 'reviewer' });
      const { token } = await createSession(engine(), reviewer.id, new Date());
      await setUserDisabled(engine(), admin, reviewer.id, false);
      expect((await validateSessionToken(engine(), token, new Date()))?.user.id).toBe(reviewer.id);
    });

    it('is for admins only, and names an account that does not exist', async () => {
      const reviewer = await insertTestAccount(engine(), { role: 'reviewer' });
      for (const actor of [null, citizen]) {
        await expect(setUserDisabled(engine(), actor, reviewer.id, true)).rejects.toThrow(expect.objectContaining({ code: 'forbidden', message: 'forbidden' }));
      }
      expect((await listUsers(engine(), admin)).find((u) => u.id === reviewer.id)?.disabled).toBe(false);
      await expect(setUserDisabled(engine(), admin, 'missing', true)).rejects.toThrow(expect.objectContaining({ code: 'not_found', message: 'user_not_found' }));
      expect(await auditOf('missing')).toEqual([]);
    });

    it('does not let an admin lock themselves out', async () => {
      await expect(setUserDisabled(engine(), admin, admin.id, true)).rejects.toThrow('cannot_disable_self');
    });
  });
});

// Its own database, so that the two admins below are the only ones.
describe.each(engines())('changeUserRole, two demotions at once, on $name', ({ engine }) => {
  it('lets one of two admins demoting each other at the same moment through, never both', async () => {
    const first = await insertTestAccount(engine(), { role: 'admin' });
    const second = await insertTestAccount(engine(), { role: 'admin' });
    const outcomes = await Promise.allSettled([changeUserRole(engine(), first, second.id, 'drafter'), changeUserRole(engine(), second, first.id, 'drafter')]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { code: 'conflict', message: 'last_admin' } });
    const admins = (await listUsers(engine(), first)).filter((u) => u.role === 'admin');
    expect(admins).toHaveLength(1);
  });
});

// Its own database, so that the whole list is known.
describe.each(engines())('listUsers on $name', ({ engine }) => {
  let head: CurrentUser;
  /// An account with a chosen e-mail (the order depends on it) and a dummy password hash.
  async function account(email: string, role: Role, disabledAt: Date | null = null): Promise<CurrentUser> {
    const user = { id: crypto.randomUUID(), email, name: email.split('@')[0], role };
    await engine().db.insert(engine().t.users).values({ ...user, passwordHash: 'not-a-real-hash', disabledAt });
    return user;
  }
  beforeAll(async () => {
    head = await account('b-admin@example.com', 'admin');
    await account('a-public@example.com', 'public');
    await account('c-reviewer@example.com', 'reviewer');
    await account('d-drafter@example.com', 'drafter', new Date('2026-01-01T00:00:00Z'));
    await account('e-admin@example.com', 'admin');
    await account('f-volunteer@example.com', 'volunteer');
    await account('g-drafter@example.com', 'drafter');
    await account('h-public@example.com', 'public');
  });

  it('lists staff first, by role from admin down to the public, then by e-mail', async () => {
    expect((await listUsers(engine(), head)).map((u) => u.email)).toEqual([
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

  it('marks disabled accounts, and only those', async () => {
    const list = await listUsers(engine(), head);
    expect(list.filter((u) => u.disabled).map((u) => u.email)).toEqual(['d-drafter@example.com']);
    expect(list.find((u) => u.email === 'b-admin@example.com')).toEqual({ ...head, disabled: false, createdAt: expect.any(Date) });
  });

  it('is for admins only', async () => {
    for (const actor of [null, { ...head, role: 'drafter' as const }, { ...head, role: 'public' as const }]) {
      await expect(listUsers(engine(), actor)).rejects.toThrow(expect.objectContaining({ code: 'forbidden', message: 'forbidden' }));
    }
  });
});

// Its own database: accountsWithPassword checks the password of every active account.
describe.each(engines())('the operator console (accountsWithPassword, setPasswordByEmail) on $name', ({ engine }) => {
  const demo = 'lawbench-demo';
  let chen: CurrentUser;
  let wang: CurrentUser;
  const auditOfAction = (action: string) => auditEntriesOn(engine(), (t) => eq(t.auditEvents.action, action));

  beforeAll(async () => {
    chen = await insertUser(engine(), { email: 'chen@example.com', name: '陈', password: demo, role: 'drafter' }, null);
    wang = await insertUser(engine(), { email: 'wang@example.com', name: '王', password: 'wang-own-password', role: 'reviewer' }, null);
    const gone = await insertUser(engine(), { email: 'gone@example.com', name: '离职', password: demo, role: 'drafter' }, null);
    await engine().db.update(engine().t.users).set({ disabledAt: new Date() }).where(eq(engine().t.users.id, gone.id));
    await insertTestAccount(engine());
  });

  it('names the active accounts still using a given password (e.g. the published demo one), and only those', async () => {
    expect(await accountsWithPassword(engine(), demo)).toEqual(['chen@example.com']);
    expect(await accountsWithPassword(engine(), 'nobody-has-this-one')).toEqual([]);
  });

  it('sets the password of the account an operator names (any case, stray spaces), ends its sessions, and audits it', async () => {
    const { token } = await createSession(engine(), wang.id, new Date());
    await setPasswordByEmail(engine(), '  WANG@Example.com ', 'a-long-new-password');
    expect(await accountsWithPassword(engine(), 'a-long-new-password')).toEqual(['wang@example.com']);
    expect(await engine().db.select().from(engine().t.sessions).where(eq(engine().t.sessions.userId, wang.id))).toEqual([]);
    expect(await validateSessionToken(engine(), token, new Date())).toBeNull();
    expect(await auditOfAction('user.password')).toEqual([{ actorId: null, action: 'user.password', targetType: 'user', targetId: wang.id, detail: { by: 'console' } }]);
    // Nobody else's password changed.
    expect(await accountsWithPassword(engine(), demo)).toEqual([chen.email]);
  });

  it('refuses an address without an account, and a password out of bounds', async () => {
    await expect(setPasswordByEmail(engine(), 'ghost@example.com', 'a-long-new-password')).rejects.toMatchObject({ code: 'not_found', message: 'user_not_found' });
    await expect(setPasswordByEmail(engine(), 'chen@example.com', 'short')).rejects.toMatchObject({ code: 'validation_failed', message: 'password_length' });
  });
});
