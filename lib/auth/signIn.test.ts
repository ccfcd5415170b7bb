import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { registerUser } from './registerUser';
import { signIn } from './signIn';
import { validateSessionToken } from './validateSessionToken';
import { invalidateSession } from './invalidateSession';
import { throttleRules } from './loginThrottle';
import { sessionLifetimeMs } from './sessionToken';
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
    expect(wrong.code).toBe('invalid_credentials');
    expect(unknown.code).toBe(wrong.code);
    expect(unknown.message).toBe(wrong.message);
  });

  it('locks an account after repeated failures, even for the right password, then lets it in later', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    for (let i = 0; i < throttleRules.email.maxFailures; i++) {
      await failure(signIn({ email: 'victim@example.com', password: 'guess-' + i, ip: `10.0.0.${i}` }, now, t.db));
    }
    const locked = await failure(signIn({ email: 'victim@example.com', password: 'correct horse' }, now, t.db));
    expect(locked.code).toBe('too_many_attempts');
    expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    const later = new Date(now.getTime() + throttleRules.email.lockMs + 1000);
    const ok = await signIn({ email: 'victim@example.com', password: 'correct horse' }, later, t.db);
    expect(ok.user.name).toBe('受害者');
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
  it('extends a session used in the second half of its life and drops an expired one', async () => {
    const start = new Date('2026-03-01T00:00:00Z');
    const { token } = await signIn({ email: 'chen@example.com', password: 'correct horse' }, start, t.db);
    const early = validateSessionToken(token, new Date(start.getTime() + 1000), t.db);
    expect(early?.renewed).toBe(false);
    const late = new Date(start.getTime() + sessionLifetimeMs * 0.75);
    const renewed = validateSessionToken(token, late, t.db);
    expect(renewed?.renewed).toBe(true);
    expect(renewed!.expiresAt.getTime()).toBe(late.getTime() + sessionLifetimeMs);
    const gone = new Date(renewed!.expiresAt.getTime() + 1);
    expect(validateSessionToken(token, gone, t.db)).toBeNull();
    expect(validateSessionToken(token, late, t.db)).toBeNull();
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
