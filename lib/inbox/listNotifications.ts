import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { bills, notifications } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import type { CurrentUser } from '@/lib/auth';
import type { NotificationKind } from '@/lib/shared';

/// A notice as the inbox shows it, with the bill it concerns.
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  billId: string | null;
  billTitle: string | null;
  detail: Record<string, string | number>;
  createdAt: string;
  read: boolean;
}

/// The signed-in person's notices, newest first (those of one moment in the order they were
/// written), unread only if asked, a page at a time.
export function listNotifications(actor: CurrentUser, opts: { unreadOnly?: boolean; limit?: number; offset?: number } = {}, db: Db = getDatabase()): NotificationView[] {
  const mine = eq(notifications.userId, actor.id);
  return db
    .select({ n: notifications, billTitle: bills.title })
    .from(notifications)
    .leftJoin(bills, eq(bills.id, notifications.billId))
    .where(opts.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine)
    .orderBy(desc(notifications.createdAt), desc(sql`notifications.rowid`))
    .limit(opts.limit ?? 50)
    .offset(opts.offset ?? 0)
    .all()
    .map(({ n, billTitle }) => ({ id: n.id, kind: n.kind, billId: n.billId, billTitle, detail: n.detail, createdAt: n.createdAt.toISOString(), read: n.readAt !== null }));
}

/// How many notices the person has not read yet (the count in the header).
export function countUnread(actor: CurrentUser, db: Db = getDatabase()): number {
  return db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt))).get()?.n ?? 0;
}
