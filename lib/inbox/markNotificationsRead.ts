import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import type { CurrentUser } from '@/lib/auth';

/// Marks the person's notices read: the ones named, or all of them. Others' notices are never
/// touched, whatever ids are sent. Returns how many changed. Runs on either engine.
export async function markNotificationsRead({ db, t }: Engine, actor: CurrentUser, ids: string[] | 'all', now: Date = new Date()): Promise<number> {
  const mine = and(eq(t.notifications.userId, actor.id), isNull(t.notifications.readAt));
  const where = ids === 'all' ? mine : and(mine, inArray(t.notifications.id, ids.slice(0, 500)));
  const changed = await db.update(t.notifications).set({ readAt: now }).where(where).returning({ id: t.notifications.id });
  return changed.length;
}
