import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { can, type CurrentUser } from '@/lib/auth';
import { getBill } from '@/lib/drafting';
import { AppError } from '@/lib/errors';
import { sendNotice } from '@/lib/inbox';
import { orderedId, parseInput } from '@/lib/shared';
import { voteSchema, type VoteInput } from './schemas';
import { membersToTell } from './membersToTell';

/// The outcome of a recorded vote.
export interface VoteResult {
  id: string;
  passed: boolean;
  articles: { eid: string; passed: boolean }[];
}

/// Records the vote (表决) on a bill at `vote`, for its coordinator or an admin: the text passes
/// with more than half of all members of the body (全体组成人员的过半数), and so does each article
/// voted on separately. A failed vote leaves the bill at `vote`; the coordinator then shelves it
/// or sends it back. The vote's id sorts in the order votes were recorded: of two in one
/// millisecond, the later counts. Either engine.
export async function recordVote(engine: Engine, actor: CurrentUser | null, billId: string, input: VoteInput | unknown, now: Date = new Date()): Promise<VoteResult> {
  const bill = await getBill(engine, actor, billId);
  if (!can(actor, 'bill:transition', bill.resource)) throw new AppError('forbidden', 'transition_forbidden');
  if (bill.stage !== 'vote') throw new AppError('conflict', 'vote_not_open', { details: { stage: bill.stage } });
  const v = parseInput(voteSchema, input);
  const present = v.present ?? v.for + v.against + v.abstain;
  const composition = v.composition ?? present;
  const carries = (votesFor: number) => votesFor * 2 > composition;
  const articles = v.articles.map((a) => ({ ...a, passed: carries(a.for) }));
  const id = orderedId();
  const passed = carries(v.for);
  await withTransaction(engine, async (tx) => {
    await tx.db
      .insert(tx.t.billVotes)
      .values({ id, billId, composition, present, votesFor: v.for, votesAgainst: v.against, abstentions: v.abstain, passed, articles, recordedBy: actor!.id, at: now });
    await appendAudit(tx, { actorId: actor!.id, action: 'bill.vote', targetType: 'bill', targetId: billId, detail: { billId, composition, present, for: v.for, against: v.against, abstain: v.abstain, passed, articles } }, now);
    const others = await membersToTell(tx, billId, actor!.id);
    await sendNotice(tx, { userIds: others, billId, kind: 'stage_changed', detail: { from: 'vote', to: 'vote', vote: passed ? 'passed' : 'failed', by: actor!.name } }, now);
  });
  return { id, passed, articles: articles.map((a) => ({ eid: a.eid, passed: a.passed })) };
}
