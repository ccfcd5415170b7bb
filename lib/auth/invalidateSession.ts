import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { splitSessionToken } from './sessionToken';

/// Ends the session a cookie token names (signing out), audited in the same transaction; unknown
/// tokens are ignored. Runs on either engine.
export async function invalidateSession(engine: Engine, token: string | undefined | null, now: Date = new Date()): Promise<void> {
  const parts = splitSessionToken(token);
  if (!parts) return;
  await withTransaction(engine, async (tx) => {
    const { sessions } = tx.t;
    const ended = await tx.db.delete(sessions).where(eq(sessions.id, parts.id)).returning({ userId: sessions.userId });
    for (const s of ended) await appendAudit(tx, { actorId: s.userId, action: 'session.sign_out', targetType: 'user', targetId: s.userId }, now);
  });
}
