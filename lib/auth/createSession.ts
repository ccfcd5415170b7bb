import type { Engine } from '@/db/engine';
import { generateSessionToken, hashSessionSecret, sessionIdleMs } from './sessionToken';

/// Starts a session for a user and returns the token for the cookie (shown once, never stored).
/// Runs on either engine.
export async function createSession(engine: Engine, userId: string, now: Date = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const { id, secret, token } = generateSessionToken();
  const expiresAt = new Date(now.getTime() + sessionIdleMs);
  await engine.db.insert(engine.t.sessions).values({ id, userId, secretHash: hashSessionSecret(secret), createdAt: now, expiresAt });
  return { token, expiresAt };
}
