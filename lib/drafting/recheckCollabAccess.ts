import { eq } from 'drizzle-orm';
import { drafts, sessions, users } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { collabCloseCodes } from '@/lib/editor';
import { accessToDraft, type CollabAccess } from './authorizeCollabConnection';

/// Asks again, for a socket that is already open, what its person may do with the draft now:
/// an account disabled or role changed, a session signed out or expired, a member removed from
/// the bill or turned from editor into reviewer all show here. The collaboration server runs it
/// every second and closes (4401 / 4403) or downgrades the socket accordingly.
export function recheckCollabAccess(
  socket: { userId: string; draftId: string; sessionId: string | null },
  now: Date = new Date(),
  db: Db = getDatabase(),
): { ok: true; access: 'write' | 'read' } | Extract<CollabAccess, { ok: false }> {
  const row = db.select({ id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.id, socket.userId)).get();
  if (!row || row.disabledAt) return { ok: false, code: collabCloseCodes.notAuthenticated, reason: 'account disabled' };
  if (socket.sessionId) {
    const session = db.select({ expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.id, socket.sessionId)).get();
    if (!session || session.expiresAt.getTime() <= now.getTime()) return { ok: false, code: collabCloseCodes.notAuthenticated, reason: 'signed out' };
  }
  const draft = db.select({ billId: drafts.billId }).from(drafts).where(eq(drafts.id, socket.draftId)).get();
  if (!draft) return { ok: false, code: collabCloseCodes.noSuchDraft, reason: 'no such draft' };
  const access = accessToDraft(db, { id: row.id, email: row.email, name: row.name, role: row.role }, draft.billId);
  return access ? { ok: true, access } : { ok: false, code: collabCloseCodes.forbidden, reason: 'no longer a member of this bill' };
}
