import { notifications } from '@/db/schema';
import type { Db } from '@/db/client';
import type { Engine } from '@/db/engine';
import { orderedId, type NotificationKind } from '@/lib/shared';

/// What a notice says, to whom.
export type Notice = { userIds: string[]; billId: string | null; kind: NotificationKind; detail: Record<string, string | number>; dedupeKey?: string };

/// The rows of a notice: one per person, each with its own dedupe key when the notice has one.
/// Their ids sort in the order written (the inbox's tie-break within one moment).
function noticeRows(notice: Notice, now: Date) {
  return [...new Set(notice.userIds)].map((userId) => ({
    id: orderedId(),
    userId,
    billId: notice.billId,
    kind: notice.kind,
    detail: notice.detail,
    dedupeKey: notice.dedupeKey ? `${notice.dedupeKey}:${userId}` : null,
    createdAt: now,
  }));
}

/// Puts a notice in each person's inbox; call it in the same transaction as the event it tells
/// of. A `dedupeKey` makes a notice that may be raised again (a deadline) arrive only once per
/// person. SQLite only: code on an `Engine` calls `sendNotice`.
export function notify(tx: Pick<Db, 'insert'>, notice: Notice, now: Date = new Date()): void {
  for (const row of noticeRows(notice, now)) tx.insert(notifications).values(row).onConflictDoNothing().run();
}

/// `notify` on either engine, for a transaction of `withTransaction`. The rows are written one
/// at a time, in the order of `userIds`, as `notify` writes them.
export async function sendNotice(tx: Engine, notice: Notice, now: Date = new Date()): Promise<void> {
  for (const row of noticeRows(notice, now)) await tx.db.insert(tx.t.notifications).values(row).onConflictDoNothing();
}
