import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
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

/// Reads a bill's record of moves and votes. Either engine.
export async function readBillRecord({ db, t }: Engine, billId: string): Promise<BillRecord> {
  const moves = await db.select().from(t.billTransitions).where(eq(t.billTransitions.billId, billId)).orderBy(asc(t.billTransitions.seq));
  const enteredOn = stageEntryDays(moves);
  let votedVersionId: string | null = null;
  let consultationId: string | null = null;
  for (const m of moves) {
    if (m.toStage === 'vote') votedVersionId = m.versionId;
    if (m.consultationId) consultationId = m.consultationId;
  }
  const [vote] = await db
    .select({ at: t.billVotes.at })
    .from(t.billVotes)
    .where(and(eq(t.billVotes.billId, billId), eq(t.billVotes.passed, true), isNotNull(t.billVotes.at)))
    .orderBy(desc(t.billVotes.at))
    .limit(1);
  return { enteredOn, passedVoteOn: vote?.at ? todayInChina(vote.at) : null, votedVersionId, consultationId };
}
