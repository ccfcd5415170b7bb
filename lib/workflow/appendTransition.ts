import { and, count, eq } from 'drizzle-orm';
import { billTransitions, bills } from '@/db/schema';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import type { BillStage } from '@/lib/shared';

/// One move as the record keeps it.
export interface MoveRecord {
  billId: string;
  from: BillStage;
  to: BillStage;
  note: string;
  reason?: string | null;
  actorId: string;
  versionId?: string | null;
  consultationId?: string | null;
  at: Date;
}

/// Inside the caller's transaction: sets the bill's stage from `from` to `to` (compare-and-set: a
/// bill no longer at `from` gets `stage_changed`) and appends the move to its record as the next
/// seq. Returns the move's id. Every writer of a stage change goes through here.
export function appendTransition(tx: Pick<Db, 'insert' | 'update' | 'select'>, m: MoveRecord): string {
  const moved = tx.update(bills).set({ stage: m.to }).where(and(eq(bills.id, m.billId), eq(bills.stage, m.from))).run();
  if (moved.changes !== 1) throw new AppError('stage_changed', 'stage_changed');
  const last = tx.select({ n: count() }).from(billTransitions).where(eq(billTransitions.billId, m.billId)).get()?.n ?? 0;
  const id = crypto.randomUUID();
  tx.insert(billTransitions)
    .values({ id, billId: m.billId, seq: last + 1, fromStage: m.from, toStage: m.to, note: m.note, reason: m.reason || null, actorId: m.actorId, versionId: m.versionId ?? null, consultationId: m.consultationId ?? null, at: m.at })
    .run();
  return id;
}
