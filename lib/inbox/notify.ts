import { notifications } from '@/db/schema';
import type { Db } from '@/db/client';
import type { NotificationKind } from '@/lib/shared';

/// Puts a notice in each person's inbox; call it in the same transaction as the event it tells
/// of. A `dedupeKey` makes a notice that may be raised again (a deadline) arrive only once per
/// person.
export function notify(
  tx: Pick<Db, 'insert'>,
  notice: { userIds: string[]; billId: string | null; kind: NotificationKind; detail: Record<string, string | number>; dedupeKey?: string },
  now: Date = new Date(),
): void {
  for (const userId of new Set(notice.userIds)) {
    tx.insert(notifications)
      .values({
        id: crypto.randomUUID(),
        userId,
        billId: notice.billId,
        kind: notice.kind,
        detail: notice.detail,
        dedupeKey: notice.dedupeKey ? `${notice.dedupeKey}:${userId}` : null,
        createdAt: now,
      })
      .onConflictDoNothing()
      .run();
  }
}
