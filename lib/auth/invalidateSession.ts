import { eq } from 'drizzle-orm';
import { sessions } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { splitSessionToken } from './sessionToken';

/// Ends the session a cookie token names (signing out), audited; unknown tokens are ignored.
export function invalidateSession(token: string | undefined | null, db: Db = getDatabase(), now: Date = new Date()): void {
  const parts = splitSessionToken(token);
  if (!parts) return;
  db.transaction((tx) => {
    const ended = tx.delete(sessions).where(eq(sessions.id, parts.id)).returning({ userId: sessions.userId }).all();
    for (const s of ended) recordAudit(tx, { actorId: s.userId, action: 'session.sign_out', targetType: 'user', targetId: s.userId }, now);
  });
}
