import { and, eq } from 'drizzle-orm';
import { billMembers, drafts, sessions, users, type BillMember } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { can } from '@/lib/auth';
import { validateSessionToken } from '@/lib/auth';
import { sessionCookieName } from '@/lib/auth';
import { readCookie } from '@/lib/shared';
import type { CurrentUser } from '@/lib/auth';
import { redeemCollabTicket } from './collabTicket';
import { collabCloseCodes } from '@/lib/editor';


/// What the collaboration server may do with a connection.
export type CollabAccess =
  | { ok: true; user: CurrentUser; draftId: string; access: 'write' | 'read'; sessionId: string | null }
  | { ok: false; code: (typeof collabCloseCodes)[keyof typeof collabCloseCodes]; reason: string };

/// Where the web app is served, as the collaboration server knows it: its public URL, or the
/// port it listens on beside this server (same host name).
export type WebAppOrigin = { publicUrl?: string | null; port?: number | null };

/// Whether a socket's Origin is the web app's own page: the whole origin — scheme, host and port
/// — equals the configured public URL; without one, the host name is the socket's own and the
/// port the web app's (when known). Anything unreadable is refused.
export function originAllowed(origin: string, host: string | null, web: WebAppOrigin = {}): boolean {
  try {
    const page = new URL(origin);
    if (web.publicUrl) return page.origin === new URL(web.publicUrl).origin;
    if (!host || page.hostname !== new URL(`http://${host}`).hostname) return false;
    if (page.protocol !== 'http:' && page.protocol !== 'https:') return false;
    const port = Number(page.port || (page.protocol === 'https:' ? 443 : 80));
    return !web.port || port === web.port;
  } catch {
    return false;
  }
}

/// Decides, before any document data is exchanged, whether a socket for draft `room` may open:
/// by ticket (which must be for this very draft) or by the session cookie; then bill membership
/// decides — editors (drafters and admins) write, reviewers and admins outside the bill read.
export function authorizeCollabConnection(
  input: { room: string; ticket?: string | null; cookieHeader?: string | null; origin?: string | null; host?: string | null; web?: WebAppOrigin },
  now: Date = new Date(),
  db: Db = getDatabase(),
): CollabAccess {
  let user: CurrentUser | null = null;
  let ticketDraft: string | null = null;
  let sessionId: string | null = null;
  if (input.ticket) {
    const redeemed = redeemCollabTicket(db, input.ticket, now);
    if (!redeemed) return { ok: false, code: collabCloseCodes.notAuthenticated, reason: 'invalid or expired ticket' };
    const row = db.select().from(users).where(eq(users.id, redeemed.userId)).get();
    if (!row || row.disabledAt) return { ok: false, code: collabCloseCodes.notAuthenticated, reason: 'account disabled' };
    // A ticket dies with the session that asked for it; the socket it opens is watched with it.
    if (redeemed.sessionId) {
      const session = db.select({ expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.id, redeemed.sessionId)).get();
      if (!session || session.expiresAt.getTime() <= now.getTime()) return { ok: false, code: collabCloseCodes.notAuthenticated, reason: 'signed out' };
      sessionId = redeemed.sessionId;
    }
    user = { id: row.id, email: row.email, name: row.name, role: row.role };
    ticketDraft = redeemed.draftId;
  } else {
    // A cookie rides along with any page's request: a browser page of another site must not be
    // able to open a colleague's draft with it (the web app and this server share a host name).
    if (input.origin && !originAllowed(input.origin, input.host ?? null, input.web)) return { ok: false, code: collabCloseCodes.forbidden, reason: 'cross-site origin' };
    const session = validateSessionToken(readCookie(input.cookieHeader ?? null, sessionCookieName), now, db);
    user = session?.user ?? null;
    sessionId = session?.sessionId ?? null;
    if (!user) return { ok: false, code: collabCloseCodes.notAuthenticated, reason: 'not signed in' };
  }
  const draft = db.select({ id: drafts.id, billId: drafts.billId }).from(drafts).where(eq(drafts.id, input.room)).get();
  if (!draft) return { ok: false, code: collabCloseCodes.noSuchDraft, reason: 'no such draft' };
  if (ticketDraft !== null && ticketDraft !== draft.id) return { ok: false, code: collabCloseCodes.forbidden, reason: 'ticket is for another draft' };
  const access = accessToDraft(db, user, draft.billId);
  return access ? { ok: true, user, draftId: draft.id, access, sessionId } : { ok: false, code: collabCloseCodes.forbidden, reason: 'not a member of this bill' };
}

/// What bill membership gives `user` on a draft of `billId`: write, read, or nothing.
export function accessToDraft(db: Db, user: CurrentUser, billId: string): 'write' | 'read' | null {
  const members = db.select({ userId: billMembers.userId, role: billMembers.role }).from(billMembers).where(and(eq(billMembers.billId, billId))).all();
  return accessAmong(user, members);
}

/// What `user` may do with the draft of a bill that has `members`: write, read, or nothing.
export function accessAmong(user: CurrentUser, members: { userId: string; role: BillMember['role'] }[]): 'write' | 'read' | null {
  const bill = { type: 'bill' as const, members };
  if (can(user, 'draft:edit', bill)) return 'write';
  if (can(user, 'bill:view', bill)) return 'read';
  return null;
}
