import { auditEvents } from '@/db/schema';
import type { Db } from '@/db/client';

/// The part of a database handle (or transaction) that can write audit rows.
type Writer = Pick<Db, 'insert'>;

/// Appends one audit row; call it inside the same transaction as the write it records.
export function recordAudit(
  tx: Writer,
  event: { actorId: string | null; action: string; targetType: string; targetId: string; detail?: Record<string, unknown> },
  now: Date = new Date(),
): void {
  tx.insert(auditEvents)
    .values({ at: now, actorId: event.actorId, action: event.action, targetType: event.targetType, targetId: event.targetId, detail: event.detail ?? null })
    .run();
}
