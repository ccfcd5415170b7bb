import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
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
/// written: their ids sort so), unread only if asked, a page at a time. Runs on either engine.
export async function listNotifications({ db, t }: Engine, actor: CurrentUser, opts: { unreadOnly?: boolean; limit?: number; offset?: number } = {}): Promise<NotificationView[]> {
  const mine = eq(t.notifications.userId, actor.id);
  const rows = await db
    .select({ n: t.notifications, billTitle: t.bills.title })
    .from(t.notifications)
    .leftJoin(t.bills, eq(t.bills.id, t.notifications.billId))
    .where(opts.unreadOnly ? and(mine, isNull(t.notifications.readAt)) : mine)
    .orderBy(desc(t.notifications.createdAt), desc(t.notifications.id))
    .limit(opts.limit ?? 50)
    .offset(opts.offset ?? 0);
  return rows.map(({ n, billTitle }) => ({ id: n.id, kind: n.kind, billId: n.billId, billTitle, detail: n.detail, createdAt: n.createdAt.toISOString(), read: n.readAt !== null }));
}

/// How many notices the person has not read yet (the count in the header). Either engine.
export async function countUnread({ db, t }: Engine, actor: CurrentUser): Promise<number> {
  const [row] = await db.select({ n: count() }).from(t.notifications).where(and(eq(t.notifications.userId, actor.id), isNull(t.notifications.readAt)));
  return row?.n ?? 0;
}
