import { sessions } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { generateSessionToken, hashSessionSecret, sessionIdleMs } from './sessionToken';

/// Starts a session for a user and returns the token for the cookie (shown once, never stored).
export function createSession(userId: string, now: Date = new Date(), db: Db = getDatabase()): { token: string; expiresAt: Date } {
  const { id, secret, token } = generateSessionToken();
  const expiresAt = new Date(now.getTime() + sessionIdleMs);
  db.insert(sessions).values({ id, userId, secretHash: hashSessionSecret(secret), createdAt: now, expiresAt }).run();
  return { token, expiresAt };
}
