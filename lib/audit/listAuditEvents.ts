import { and, desc, eq } from 'drizzle-orm';
import { auditEvents, type AuditEvent } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';

/// The newest audit rows, optionally for one target, newest first.
export function listAuditEvents(
  filter: { targetType?: string; targetId?: string; limit?: number } = {},
  db: Db = getDatabase(),
): AuditEvent[] {
  const conditions = [];
  if (filter.targetType) conditions.push(eq(auditEvents.targetType, filter.targetType));
  if (filter.targetId) conditions.push(eq(auditEvents.targetId, filter.targetId));
  return db
    .select()
    .from(auditEvents)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(filter.limit ?? 100)
    .all();
}
