import type { SQL } from 'drizzle-orm';
import { auditEvents } from '@/db/schema';
import type { Db } from '@/db/client';

/// Test support: the audit entries matching `where`, oldest first, as a reader of the log sees
/// them (who, what, about what, and the detail), without the sequence, time and hashes.
export function auditEntries(db: Db, where: SQL) {
  return db
    .select({ actorId: auditEvents.actorId, action: auditEvents.action, targetType: auditEvents.targetType, targetId: auditEvents.targetId, detail: auditEvents.detail })
    .from(auditEvents)
    .where(where)
    .orderBy(auditEvents.id)
    .all();
}
