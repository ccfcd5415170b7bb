import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { billTransitions, consultations } from '@/db/schema';
import type { Db } from '@/db/client';
import type { BillStage, BillKind } from '@/lib/shared';
import { stageEntryDays } from './readBillRecord';
import { computeDeadlines, type Deadline } from './computeDeadlines';

/// The deadlines of one bill today, from the two things its clocks run on: the China date each
/// stage was last entered, and the closing date of its consultation open today.
export function billDeadlines(db: Pick<Db, 'select'>, bill: { id: string; kind: BillKind; stage: BillStage }, today: string): Deadline[] {
  const moves = db.select({ toStage: billTransitions.toStage, at: billTransitions.at }).from(billTransitions).where(eq(billTransitions.billId, bill.id)).orderBy(asc(billTransitions.seq)).all();
  const enteredOn = stageEntryDays(moves);
  const open = db
    .select({ closesOn: consultations.closesOn })
    .from(consultations)
    .where(and(eq(consultations.billId, bill.id), lte(consultations.opensOn, today), gte(consultations.closesOn, today)))
    .get();
  return computeDeadlines({ kind: bill.kind, stage: bill.stage, enteredOn, openConsultationClosesOn: open?.closesOn, today });
}
