import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import { billTransitions, billVotes } from '@/db/schema';
import type { Db } from '@/db/client';
import { todayInChina, type BillStage } from '@/lib/shared';

/// What a bill's record says that publication needs: the China date each stage was last entered,
/// the day of the passing vote, the version frozen for the vote (表决稿) and the last
/// consultation opened.
export interface BillRecord {
  enteredOn: Partial<Record<BillStage, string>>;
  passedVoteOn: string | null;
  votedVersionId: string | null;
  consultationId: string | null;
}

/// The China date each stage of a bill was last entered, from its moves.
export function stageEntryDays(moves: { toStage: BillStage; at: Date | null }[]): Partial<Record<BillStage, string>> {
  const enteredOn: Partial<Record<BillStage, string>> = {};
  for (const m of moves) enteredOn[m.toStage] = todayInChina(m.at!);
  return enteredOn;
}

/// Reads a bill's record of moves and votes.
export function readBillRecord(db: Pick<Db, 'select'>, billId: string): BillRecord {
  const moves = db.select().from(billTransitions).where(eq(billTransitions.billId, billId)).orderBy(asc(billTransitions.seq)).all();
  const enteredOn = stageEntryDays(moves);
  let votedVersionId: string | null = null;
  let consultationId: string | null = null;
  for (const m of moves) {
    if (m.toStage === 'vote') votedVersionId = m.versionId;
    if (m.consultationId) consultationId = m.consultationId;
  }
  const vote = db.select({ at: billVotes.at }).from(billVotes).where(and(eq(billVotes.billId, billId), eq(billVotes.passed, true), isNotNull(billVotes.at))).orderBy(desc(billVotes.at)).get();
  return { enteredOn, passedVoteOn: vote?.at ? todayInChina(vote.at) : null, votedVersionId, consultationId };
}
