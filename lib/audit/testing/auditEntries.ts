import type { SQL } from 'drizzle-orm';
import { auditEvents } from '@/db/schema';
import type { Db } from '@/db/client';
import type { Engine } from '@/db/engine';

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

/// Test support on either engine: auditEntries, with `where` built from the engine's tables.
export async function auditEntriesOn({ db, t }: Engine, where: (tables: Engine['t']) => SQL) {
  const e = t.auditEvents;
  return db.select({ actorId: e.actorId, action: e.action, targetType: e.targetType, targetId: e.targetId, detail: e.detail }).from(e).where(where(t)).orderBy(e.id);
}
