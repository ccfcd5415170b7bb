import { eq } from 'drizzle-orm';
import type { BillMember } from '@/db/schema';
import type { Engine } from '@/db/engine';
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
/// Runs on either engine.
export async function authorizeCollabConnection(
  engine: Engine,
  input: { room: string; ticket?: string | null; cookieHeader?: string | null; origin?: string | null; host?: string | null; web?: WebAppOrigin },
  now: Date = new Date(),
): Promise<CollabAccess> {
  const { db, t } = engine;
  let user: CurrentUser | null = null;
  let ticketDraft: string | null = null;
  let sessionId: string | null = null;
  if (input.ticket) {
    const redeemed = await redeemCollabTicket(engine, input.ticket, now);
    if (!redeemed) return { ok: false, code: collabCloseCodes.notAuthenticated, reason: 'invalid or expired ticket' };
    const [row] = await db.select().from(t.users).where(eq(t.users.id, redeemed.userId));
    if (!row || row.disabledAt) return { ok: false, code: collabCloseCodes.notAuthenticated, reason: 'account disabled' };
    // A ticket dies with the session that asked for it; the socket it opens is watched with it.
    if (redeemed.sessionId) {
      const [session] = await db.select({ expiresAt: t.sessions.expiresAt }).from(t.sessions).where(eq(t.sessions.id, redeemed.sessionId));
      if (!session || session.expiresAt.getTime() <= now.getTime()) return { ok: false, code: collabCloseCodes.notAuthenticated, reason: 'signed out' };
      sessionId = redeemed.sessionId;
    }
    user = { id: row.id, email: row.email, name: row.name, role: row.role };
    ticketDraft = redeemed.draftId;
  } else {
    // A cookie rides along with any page's request: a browser page of another site must not be
    // able to open a colleague's draft with it (the web app and this server share a host name).
    if (input.origin && !originAllowed(input.origin, input.host ?? null, input.web)) return { ok: false, code: collabCloseCodes.forbidden, reason: 'cross-site origin' };
    const session = await validateSessionToken(engine, readCookie(input.cookieHeader ?? null, sessionCookieName), now);
    user = session?.user ?? null;
    sessionId = session?.sessionId ?? null;
    if (!user) return { ok: false, code: collabCloseCodes.notAuthenticated, reason: 'not signed in' };
  }
  const [draft] = await db.select({ id: t.drafts.id, billId: t.drafts.billId }).from(t.drafts).where(eq(t.drafts.id, input.room));
  if (!draft) return { ok: false, code: collabCloseCodes.noSuchDraft, reason: 'no such draft' };
  if (ticketDraft !== null && ticketDraft !== draft.id) return { ok: false, code: collabCloseCodes.forbidden, reason: 'ticket is for another draft' };
  const access = await accessToDraft(engine, user, draft.billId);
  return access ? { ok: true, user, draftId: draft.id, access, sessionId } : { ok: false, code: collabCloseCodes.forbidden, reason: 'not a member of this bill' };
}

/// What bill membership gives `user` on a draft of `billId`: write, read, or nothing. Runs on
/// either engine.
export async function accessToDraft({ db, t }: Engine, user: CurrentUser, billId: string): Promise<'write' | 'read' | null> {
  const members = await db.select({ userId: t.billMembers.userId, role: t.billMembers.role }).from(t.billMembers).where(eq(t.billMembers.billId, billId));
  return accessAmong(user, members);
}

/// What `user` may do with the draft of a bill that has `members`: write, read, or nothing.
export function accessAmong(user: CurrentUser, members: { userId: string; role: BillMember['role'] }[]): 'write' | 'read' | null {
  const bill = { type: 'bill' as const, members };
  if (can(user, 'draft:edit', bill)) return 'write';
  if (can(user, 'bill:view', bill)) return 'read';
  return null;
}
