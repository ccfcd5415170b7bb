import { eq } from 'drizzle-orm';
import { sessions, users } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import type { CurrentUser } from './roles';
import { hashSessionSecret, sameHash, sessionLifetimeMs, splitSessionToken } from './sessionToken';

/// The user behind a session cookie, or null. Expired sessions and sessions of disabled accounts
/// are deleted; a session used in the second half of its life is extended (sliding expiry).
export function validateSessionToken(
  token: string | undefined | null,
  now: Date = new Date(),
  db: Db = getDatabase(),
): { user: CurrentUser; sessionId: string; expiresAt: Date; renewed: boolean } | null {
  const parts = splitSessionToken(token);
  if (!parts) return null;
  const row = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, parts.id))
    .get();
  if (!row) return null;
  if (!sameHash(row.session.secretHash, hashSessionSecret(parts.secret))) return null;
  if (row.session.expiresAt.getTime() <= now.getTime() || row.user.disabledAt) {
    db.delete(sessions).where(eq(sessions.id, parts.id)).run();
    return null;
  }
  let expiresAt = row.session.expiresAt;
  let renewed = false;
  if (expiresAt.getTime() - now.getTime() < sessionLifetimeMs / 2) {
    expiresAt = new Date(now.getTime() + sessionLifetimeMs);
    db.update(sessions).set({ expiresAt }).where(eq(sessions.id, parts.id)).run();
    renewed = true;
  }
  const { id, email, name, role } = row.user;
  return { user: { id, email, name, role }, sessionId: parts.id, expiresAt, renewed };
}
