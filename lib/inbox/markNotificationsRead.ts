import { and, eq, inArray, isNull } from 'drizzle-orm';
import { notifications } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import type { CurrentUser } from '@/lib/auth';

/// Marks the person's notices read: the ones named, or all of them. Others' notices are never
/// touched, whatever ids are sent. Returns how many changed.
export function markNotificationsRead(actor: CurrentUser, ids: string[] | 'all', db: Db = getDatabase(), now: Date = new Date()): number {
  const mine = and(eq(notifications.userId, actor.id), isNull(notifications.readAt));
  const where = ids === 'all' ? mine : and(mine, inArray(notifications.id, ids.slice(0, 500)));
  return db.update(notifications).set({ readAt: now }).where(where).run().changes;
}
