import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { sqliteEngine } from '@/db/engine';
import { engines } from '@/db/engineTesting';
import { freshDatabase } from '@/db/testing';
import { withTransaction } from '@/db/withTransaction';
import { accountTokenLifetimeMs, issueAccountToken, readAccountToken, useAccountTokens } from './accountToken';
import { createSession } from './createSession';
import { generateSessionToken, hashSessionSecret, sameHash, sessionIdleMs, sessionLifetimeMs, splitSessionToken } from './sessionToken';
import type { CurrentUser } from './roles';
import { insertTestAccount } from './testing';
import { validateSessionToken } from './validateSessionToken';

// Session cookies and one-time e-mail links share one token format. Sessions and links are made
// directly here (no password is checked), so nothing in this file waits for argon2. Sessions and
// one-time links are tested on both engines; the prepared statements on a SQLite file of their own.
const t = freshDatabase();
afterAll(t.cleanup);

// A well-formed id (16 to 40 base32 characters) and secret (16 to 64).
const id = 'abcdefgh234567ab';
const secret = 'qrstuvwxyz234567qrstuvwxyz234567';

describe('session token format', () => {
  it('issues id.secret tokens in lower-case base32 that read back into their parts', () => {
    const made = generateSessionToken();
    expect(made.token).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{32}$/);
    expect(made.token).toBe(`${made.id}.${made.secret}`);
    expect(splitSessionToken(made.token)).toEqual({ id: made.id, secret: made.secret });
    expect(generateSessionToken().token).not.toBe(made.token);
  });

  it('reads the shortest and longest well-formed tokens', () => {
    expect(splitSessionToken(`${id}.${secret.slice(0, 16)}`)).toEqual({ id, secret: secret.slice(0, 16) });
    expect(splitSessionToken(`${'a'.repeat(40)}.${'b'.repeat(64)}`)).toEqual({ id: 'a'.repeat(40), secret: 'b'.repeat(64) });
  });

  it.each([
    ['nothing', undefined],
    ['an empty cookie', ''],
    ['a token without a secret', id],
    ['a third part after the secret', `${id}.${secret}.${secret}`],
    ['an id with a foreign character in front', `X${id}.${secret}`],
    ['an id with a foreign character behind', `${id}X.${secret}`],
    ['an id in upper case', `${id.toUpperCase()}.${secret}`],
    ['an id that is too short', `${id.slice(1)}.${secret}`],
    ['an id that is too long', `${'a'.repeat(41)}.${secret}`],
    ['a secret with a foreign character in front', `${id}.1${secret}`],
    ['a secret with a foreign character behind', `${id}.${secret}8`],
    ['a secret that is too short', `${id}.${secret.slice(0, 15)}`],
    ['a secret that is too long', `${id}.${'b'.repeat(65)}`],
    ['an oversized cookie', `${id}.${'b'.repeat(300)}`],
  ])('reads nothing from %s', (_, token) => {
    expect(splitSessionToken(token)).toBeNull();
  });

  it('compares stored secret hashes exactly', () => {
    const h = hashSessionSecret(secret);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(sameHash(h, hashSessionSecret(secret))).toBe(true);
    expect(sameHash(h, hashSessionSecret(`${secret}a`))).toBe(false);
    expect(sameHash(h, h.slice(0, 63))).toBe(false);
  });
});

describe.each(engines())('validateSessionToken on $name', ({ engine }) => {
  let user: CurrentUser;
  beforeAll(async () => {
    user = await insertTestAccount(engine(), { role: 'drafter' });
  });
  const start = new Date('2026-09-01T00:00:00Z');
  const at = (ms: number) => new Date(start.getTime() + ms);
  const storedSessions = async () => (await engine().db.select().from(engine().t.sessions).where(eq(engine().t.sessions.userId, user.id))).length;

  it('ends a session at the very millisecond its idle time runs out, deleting it', async () => {
    const { token, expiresAt } = await createSession(engine(), user.id, start);
    expect(expiresAt).toEqual(at(sessionIdleMs));
    const before = await storedSessions();
    expect(await validateSessionToken(engine(), token, expiresAt)).toBeNull();
    expect(await storedSessions()).toBe(before - 1);
    expect(await validateSessionToken(engine(), token, start)).toBeNull();
  });

  it('extends a session only once less than half its idle time is left, and keeps the new expiry', async () => {
    const { token } = await createSession(engine(), user.id, start);
    const half = await validateSessionToken(engine(), token, at(sessionIdleMs / 2));
    expect(half).toMatchObject({ renewed: false, expiresAt: at(sessionIdleMs) });
    const past = await validateSessionToken(engine(), token, at(sessionIdleMs / 2 + 1));
    expect(past).toMatchObject({ renewed: true, expiresAt: at(sessionIdleMs / 2 + 1 + sessionIdleMs) });
    expect(past?.user).toEqual(user);
    // Stored: the session still works just before its new expiry, when the old one had passed.
    expect(await validateSessionToken(engine(), token, at(sessionIdleMs + 1))).toMatchObject({ sessionId: token.split('.')[0] });
  });

  it('ends a session 30 days after sign-in even when its stored expiry says later', async () => {
    // E.g. a session written before the absolute lifetime was shortened.
    const made = generateSessionToken();
    const { db, t } = engine();
    await db.insert(t.sessions).values({ id: made.id, userId: user.id, secretHash: hashSessionSecret(made.secret), createdAt: start, expiresAt: at(sessionLifetimeMs + sessionIdleMs) });
    expect(await validateSessionToken(engine(), made.token, at(sessionLifetimeMs - 1))).toMatchObject({ user, renewed: false });
    expect(await validateSessionToken(engine(), made.token, at(sessionLifetimeMs))).toBeNull();
    expect(await db.select().from(t.sessions).where(eq(t.sessions.id, made.id))).toEqual([]);
  });

  it('refuses the session of a disabled account, and deletes it', async () => {
    const other = await insertTestAccount(engine());
    const { token } = await createSession(engine(), other.id, start);
    const { db, t } = engine();
    await db.update(t.users).set({ disabledAt: start }).where(eq(t.users.id, other.id));
    expect(await validateSessionToken(engine(), token, at(1000))).toBeNull();
    expect(await db.select().from(t.sessions).where(eq(t.sessions.userId, other.id))).toEqual([]);
  });
});

describe('validateSessionToken on SQLite', () => {
  it('prepares its statements once per connection, not on every request (it runs on every request)', async () => {
    const engine = sqliteEngine(t.db);
    const user = await insertTestAccount(engine, { role: 'drafter' });
    const start = new Date('2026-09-01T00:00:00Z');
    const { token } = await createSession(engine, user.id, start);
    await validateSessionToken(engine, token, new Date(start.getTime() + 1000));
    const prepare = vi.spyOn(t.db.$client, 'prepare');
    try {
      expect((await validateSessionToken(sqliteEngine(t.db), token, new Date(start.getTime() + 2000)))?.user).toEqual(user);
      expect(await validateSessionToken(sqliteEngine(t.db), `${id}.${secret}`, new Date(start.getTime() + 2000))).toBeNull();
      expect(prepare).not.toHaveBeenCalled();
    } finally {
      prepare.mockRestore();
    }
  });
});

describe.each(engines())('one-time links on $name', ({ engine }) => {
  const issued = new Date('2026-07-01T08:00:00Z');
  const at = (ms: number) => new Date(issued.getTime() + ms);
  const refused = expect.objectContaining({ code: 'link_invalid', message: 'link_invalid' });

  it('work for a day (registration) or an hour (password reset), up to the last millisecond and not at the deadline', async () => {
    expect(accountTokenLifetimeMs).toEqual({ register: 24 * 3600_000, reset: 3600_000 });
    for (const purpose of ['register', 'reset'] as const) {
      const token = await issueAccountToken(engine(), purpose, `${purpose}@example.com`, null, issued);
      const lifetime = accountTokenLifetimeMs[purpose];
      expect((await readAccountToken(engine(), token, purpose, at(lifetime - 1))).email).toBe(`${purpose}@example.com`);
      await expect(readAccountToken(engine(), token, purpose, at(lifetime))).rejects.toThrow(refused);
    }
  });

  it('are good only for what they were sent for', async () => {
    const registration = await issueAccountToken(engine(), 'register', 'both@example.com', null, issued);
    const reset = await issueAccountToken(engine(), 'reset', 'both@example.com', null, issued);
    await expect(readAccountToken(engine(), registration, 'reset', issued)).rejects.toThrow(refused);
    await expect(readAccountToken(engine(), reset, 'register', issued)).rejects.toThrow(refused);
    expect((await readAccountToken(engine(), reset, 'reset', issued)).purpose).toBe('reset');
  });

  it('refuse a used, forged or malformed link alike', async () => {
    const token = await issueAccountToken(engine(), 'reset', 'used@example.com', null, issued);
    const [tokenId] = token.split('.');
    for (const wrong of [`${tokenId}.${'a'.repeat(32)}`, 'not-a-token', null]) {
      await expect(readAccountToken(engine(), wrong, 'reset', issued)).rejects.toThrow(refused);
    }
    await useAccountTokens(engine(), await readAccountToken(engine(), token, 'reset', issued), issued);
    await expect(readAccountToken(engine(), token, 'reset', issued)).rejects.toThrow(refused);
  });

  it('end together: using one link of an address uses its other links for the same purpose, and only those', async () => {
    const first = await issueAccountToken(engine(), 'reset', 'twice@example.com', null, issued);
    const second = await issueAccountToken(engine(), 'reset', 'twice@example.com', null, issued);
    const registration = await issueAccountToken(engine(), 'register', 'twice@example.com', null, issued);
    const elsewhere = await issueAccountToken(engine(), 'reset', 'other@example.com', null, issued);
    const row = await readAccountToken(engine(), first, 'reset', issued);
    await useAccountTokens(engine(), row, issued);
    await expect(readAccountToken(engine(), second, 'reset', issued)).rejects.toThrow(refused);
    expect((await readAccountToken(engine(), registration, 'register', issued)).email).toBe('twice@example.com');
    expect((await readAccountToken(engine(), elsewhere, 'reset', issued)).email).toBe('other@example.com');
    // A link read before another use ended it cannot be used any more.
    await expect(useAccountTokens(engine(), row, issued)).rejects.toThrow(refused);
  });

  it('refuse a link read before it was used even when a newer link of the address is still open', async () => {
    const first = await issueAccountToken(engine(), 'reset', 'stale@example.com', null, issued);
    const stale = await readAccountToken(engine(), first, 'reset', issued);
    await useAccountTokens(engine(), stale, issued);
    const newer = await issueAccountToken(engine(), 'reset', 'stale@example.com', null, issued);
    // Used, as always, inside the transaction that acts on the link: the stale copy would mark the
    // newer link; it is refused, the transaction rolls back, and the newer link still works.
    await expect(withTransaction(engine(), (tx) => useAccountTokens(tx, stale, issued))).rejects.toThrow(refused);
    expect((await readAccountToken(engine(), newer, 'reset', issued)).email).toBe('stale@example.com');
  });
});
