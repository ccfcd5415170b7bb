import { inArray } from 'drizzle-orm';
import { billMembers, drafts, sessions, users, type BillMember } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { collabCloseCodes } from '@/lib/editor';
import { accessAmong, type CollabAccess } from './authorizeCollabConnection';

/// One open socket as the recheck sees it.
export type OpenCollabSocket = { userId: string; draftId: string; sessionId: string | null };

/// The verdict on one open socket.
export type CollabRecheck = { ok: true; access: 'write' | 'read' } | Extract<CollabAccess, { ok: false }>;

/// SQLite takes at most 32,766 bound values a statement; lists are read in slices well under it.
const sliceSize = 500;

/// Rows of `read(ids)` for every id in `ids`, a slice at a time.
function inSlices<T>(ids: string[], read: (slice: string[]) => T[]): T[] {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += sliceSize) rows.push(...read(ids.slice(i, i + sliceSize)));
  return rows;
}

/// Asks again, for sockets that are already open, what each one's person may do with its draft
/// now: an account disabled or role changed, a session signed out or expired, a member removed
/// from the bill or turned from editor into reviewer all show here. The collaboration server runs
/// it every second over all its sockets and closes (4401 / 4403) or downgrades them accordingly.
/// The whole batch costs four reads (users, sessions, drafts, memberships), however many sockets:
/// per-socket queries made a 1,000-socket server stall ~100 ms every second.
export function recheckCollabAccess(sockets: OpenCollabSocket[], now: Date = new Date(), db: Db = getDatabase()): CollabRecheck[] {
  if (sockets.length === 0) return [];
  const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];
  const people = new Map(
    inSlices(unique(sockets.map((s) => s.userId)), (ids) =>
      db.select({ id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt }).from(users).where(inArray(users.id, ids)).all(),
    ).map((u) => [u.id, u]),
  );
  const expiry = new Map(
    inSlices(unique(sockets.map((s) => s.sessionId)), (ids) => db.select({ id: sessions.id, expiresAt: sessions.expiresAt }).from(sessions).where(inArray(sessions.id, ids)).all()).map((s) => [s.id, s.expiresAt]),
  );
  const billOf = new Map(
    inSlices(unique(sockets.map((s) => s.draftId)), (ids) => db.select({ id: drafts.id, billId: drafts.billId }).from(drafts).where(inArray(drafts.id, ids)).all()).map((d) => [d.id, d.billId]),
  );
  const membersOf = new Map<string, { userId: string; role: BillMember['role'] }[]>();
  for (const m of inSlices(unique([...billOf.values()]), (ids) =>
    db.select({ billId: billMembers.billId, userId: billMembers.userId, role: billMembers.role }).from(billMembers).where(inArray(billMembers.billId, ids)).all(),
  )) {
    membersOf.set(m.billId, [...(membersOf.get(m.billId) ?? []), { userId: m.userId, role: m.role }]);
  }

  return sockets.map((socket): CollabRecheck => {
    const person = people.get(socket.userId);
    if (!person || person.disabledAt) return { ok: false, code: collabCloseCodes.notAuthenticated, reason: 'account disabled' };
    if (socket.sessionId) {
      const expiresAt = expiry.get(socket.sessionId);
      if (!expiresAt || expiresAt.getTime() <= now.getTime()) return { ok: false, code: collabCloseCodes.notAuthenticated, reason: 'signed out' };
    }
    const billId = billOf.get(socket.draftId);
    if (!billId) return { ok: false, code: collabCloseCodes.noSuchDraft, reason: 'no such draft' };
    const access = accessAmong({ id: person.id, email: person.email, name: person.name, role: person.role }, membersOf.get(billId) ?? []);
    return access ? { ok: true, access } : { ok: false, code: collabCloseCodes.forbidden, reason: 'no longer a member of this bill' };
  });
}
