import { inArray } from 'drizzle-orm';
import type { BillMember } from '@/db/schema';
import type { Engine } from '@/db/engine';
import { collabCloseCodes } from '@/lib/editor';
import { accessAmong, type CollabAccess } from './authorizeCollabConnection';

/// One open socket as the recheck sees it.
export type OpenCollabSocket = { userId: string; draftId: string; sessionId: string | null };

/// The verdict on one open socket.
export type CollabRecheck = { ok: true; access: 'write' | 'read' } | Extract<CollabAccess, { ok: false }>;

/// SQLite takes at most 32,766 bound values a statement; lists are read in slices well under it.
const sliceSize = 500;

/// Rows of `read(ids)` for every id in `ids`, a slice at a time.
async function inSlices<T>(ids: string[], read: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += sliceSize) rows.push(...(await read(ids.slice(i, i + sliceSize))));
  return rows;
}

/// Asks again, for sockets that are already open, what each one's person may do with its draft
/// now: an account disabled or role changed, a session signed out or expired, a member removed
/// from the bill or turned from editor into reviewer all show here. The collaboration server runs
/// it every second over all its sockets and closes (4401 / 4403) or downgrades them accordingly.
/// The whole batch costs four reads (users, sessions, drafts, memberships), however many sockets:
/// per-socket queries made a 1,000-socket server stall ~100 ms every second. Runs on either engine.
export async function recheckCollabAccess(engine: Engine, sockets: OpenCollabSocket[], now: Date = new Date()): Promise<CollabRecheck[]> {
  if (sockets.length === 0) return [];
  const { db, t } = engine;
  const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];
  const people = new Map(
    (
      await inSlices(unique(sockets.map((s) => s.userId)), (ids) =>
        db.select({ id: t.users.id, email: t.users.email, name: t.users.name, role: t.users.role, disabledAt: t.users.disabledAt }).from(t.users).where(inArray(t.users.id, ids)),
      )
    ).map((u) => [u.id, u]),
  );
  const expiry = new Map(
    (await inSlices(unique(sockets.map((s) => s.sessionId)), (ids) => db.select({ id: t.sessions.id, expiresAt: t.sessions.expiresAt }).from(t.sessions).where(inArray(t.sessions.id, ids)))).map((s) => [
      s.id,
      s.expiresAt,
    ]),
  );
  const billOf = new Map(
    (await inSlices(unique(sockets.map((s) => s.draftId)), (ids) => db.select({ id: t.drafts.id, billId: t.drafts.billId }).from(t.drafts).where(inArray(t.drafts.id, ids)))).map((d) => [d.id, d.billId]),
  );
  const membersOf = new Map<string, { userId: string; role: BillMember['role'] }[]>();
  for (const m of await inSlices(unique([...billOf.values()]), (ids) =>
    db.select({ billId: t.billMembers.billId, userId: t.billMembers.userId, role: t.billMembers.role }).from(t.billMembers).where(inArray(t.billMembers.billId, ids)),
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
