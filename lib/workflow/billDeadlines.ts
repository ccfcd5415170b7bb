import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import type { BillStage, BillKind } from '@/lib/shared';
import { stageEntryDays } from './readBillRecord';
import { computeDeadlines, type Deadline } from './computeDeadlines';

/// The deadlines of one bill today, from the two things its clocks run on: the China date each
/// stage was last entered, and the closing date of its consultation open today. Either engine.
export async function billDeadlines({ db, t }: Engine, bill: { id: string; kind: BillKind; stage: BillStage }, today: string): Promise<Deadline[]> {
  const moves = await db.select({ toStage: t.billTransitions.toStage, at: t.billTransitions.at }).from(t.billTransitions).where(eq(t.billTransitions.billId, bill.id)).orderBy(asc(t.billTransitions.seq));
  const enteredOn = stageEntryDays(moves);
  const c = t.consultations;
  const [open] = await db
    .select({ closesOn: c.closesOn })
    .from(c)
    .where(and(eq(c.billId, bill.id), lte(c.opensOn, today), gte(c.closesOn, today)))
    .limit(1);
  return computeDeadlines({ kind: bill.kind, stage: bill.stage, enteredOn, openConsultationClosesOn: open?.closesOn, today });
}
