import { billVotes } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { can, type CurrentUser } from '@/lib/auth';
import { getBill } from '@/lib/drafting';
import { AppError } from '@/lib/errors';
import { notify } from '@/lib/inbox';
import { parseInput } from '@/lib/shared';
import { voteSchema, type VoteInput } from './schemas';
import { memberIdsOf } from './memberIdsOf';
import { sqliteEngine } from '@/db/engine';

/// The outcome of a recorded vote.
export interface VoteResult {
  id: string;
  passed: boolean;
  articles: { eid: string; passed: boolean }[];
}

/// Records the vote (表决) on a bill at `vote`, for its coordinator or an admin: the text passes
/// with more than half of all members of the body (全体组成人员的过半数), and so does each article
/// voted on separately. A failed vote leaves the bill at `vote`; the coordinator then shelves it
/// or sends it back.
export async function recordVote(actor: CurrentUser | null, billId: string, input: VoteInput | unknown, db: Db = getDatabase(), now: Date = new Date()): Promise<VoteResult> {
  const bill = await getBill(sqliteEngine(db), actor, billId);
  if (!can(actor, 'bill:transition', bill.resource)) throw new AppError('forbidden', 'transition_forbidden');
  if (bill.stage !== 'vote') throw new AppError('conflict', 'vote_not_open', { details: { stage: bill.stage } });
  const v = parseInput(voteSchema, input);
  const present = v.present ?? v.for + v.against + v.abstain;
  const composition = v.composition ?? present;
  const carries = (votesFor: number) => votesFor * 2 > composition;
  const articles = v.articles.map((a) => ({ ...a, passed: carries(a.for) }));
  const id = crypto.randomUUID();
  const passed = carries(v.for);
  db.transaction((tx) => {
    tx.insert(billVotes)
      .values({ id, billId, composition, present, votesFor: v.for, votesAgainst: v.against, abstentions: v.abstain, passed, articles, recordedBy: actor!.id, at: now })
      .run();
    recordAudit(tx, { actorId: actor!.id, action: 'bill.vote', targetType: 'bill', targetId: billId, detail: { billId, composition, present, for: v.for, against: v.against, abstain: v.abstain, passed, articles } }, now);
    const others = memberIdsOf(tx, billId, actor!.id);
    notify(tx, { userIds: others, billId, kind: 'stage_changed', detail: { from: 'vote', to: 'vote', vote: passed ? 'passed' : 'failed', by: actor!.name } }, now);
  });
  return { id, passed, articles: articles.map((a) => ({ eid: a.eid, passed: a.passed })) };
}
