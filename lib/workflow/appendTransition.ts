import { and, count, eq } from 'drizzle-orm';
import * as schema from '@/db/schema';
import type { Db } from '@/db/client';
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

type Tables = Pick<typeof schema, 'bills' | 'billTransitions'>;

// The statements of a move, built once for both ways of running them.
const setStage = (db: Pick<Db, 'update'>, t: Tables, m: MoveRecord) => db.update(t.bills).set({ stage: m.to }).where(and(eq(t.bills.id, m.billId), eq(t.bills.stage, m.from)));
const countMoves = (db: Pick<Db, 'select'>, t: Tables, billId: string) => db.select({ n: count() }).from(t.billTransitions).where(eq(t.billTransitions.billId, billId));
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
  const moved = await setStage(tx.db, tx.t, m).returning({ id: tx.t.bills.id });
  if (moved.length !== 1) throw new AppError('stage_changed', 'stage_changed');
  const [last] = await countMoves(tx.db, tx.t, m.billId);
  const id = crypto.randomUUID();
  await tx.db.insert(tx.t.billTransitions).values(moveRow(id, (last?.n ?? 0) + 1, m));
  return id;
}

/// `appendTransitionOn` synchronously, inside a SQLite transaction (publication and filing, until
/// they are converted). The same statements.
export function appendTransition(tx: Pick<Db, 'insert' | 'update' | 'select'>, m: MoveRecord): string {
  const moved = setStage(tx, schema, m).run();
  if (moved.changes !== 1) throw new AppError('stage_changed', 'stage_changed');
  const last = countMoves(tx, schema, m.billId).get()?.n ?? 0;
  const id = crypto.randomUUID();
  tx.insert(schema.billTransitions).values(moveRow(id, last + 1, m)).run();
  return id;
}
