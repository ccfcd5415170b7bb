import { and, count, eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
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

const moveRow = (id: string, seq: number, m: MoveRecord) => ({
  id,
  billId: m.billId,
  seq,
  fromStage: m.from,
  toStage: m.to,
  note: m.note,
  reason: m.reason || null,
  actorId: m.actorId,
  versionId: m.versionId ?? null,
  consultationId: m.consultationId ?? null,
  at: m.at,
});

/// Inside the caller's transaction (`tx` of withTransaction): sets the bill's stage from `from`
/// to `to` (compare-and-set: a bill no longer at `from` gets `stage_changed`) and appends the
/// move to its record as the next seq. Returns the move's id. Every writer of a stage change goes
/// through here. On PostgreSQL the update locks the bill's row: a second move waits, then finds
/// the stage changed and is refused.
export async function appendTransitionOn(tx: Engine, m: MoveRecord): Promise<string> {
  const { bills, billTransitions } = tx.t;
  const moved = await tx.db
    .update(bills)
    .set({ stage: m.to })
    .where(and(eq(bills.id, m.billId), eq(bills.stage, m.from)))
    .returning({ id: bills.id });
  if (moved.length !== 1) throw new AppError('stage_changed', 'stage_changed');
  const [last] = await tx.db.select({ n: count() }).from(billTransitions).where(eq(billTransitions.billId, m.billId));
  const id = crypto.randomUUID();
  await tx.db.insert(billTransitions).values(moveRow(id, (last?.n ?? 0) + 1, m));
  return id;
}
