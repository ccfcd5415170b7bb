import type { Engine } from '@/db/engine';
import { can, type CurrentUser } from '@/lib/auth';
import { draftTextMark, getBill } from '@/lib/drafting';
import { isAppError } from '@/lib/errors';
import { billStages, todayInChina, type BillStage } from '@/lib/shared';
import { billDeadlines } from './billDeadlines';
import { describePath } from './describePath';
import { planTransition, type TransitionPlan } from './planTransition';
import { readBillEvents } from './readBillEvents';

/// A bill's workflow as its page and `GET /api/v1/bills/{id}` show it: the path with each stage's
/// state, the deadlines running today, the history of moves, sign-offs (with whether each still
/// holds for the current text) and votes, and the moves the reader may make from here. Either engine.
export async function getBillWorkflow(engine: Engine, actor: CurrentUser | null, billId: string, now: Date = new Date()) {
  const bill = await getBill(engine, actor, billId);
  const today = todayInChina(now);
  const events = await readBillEvents(engine, billId);
  const mark = await draftTextMark(engine, bill.draftId);
  const deadlines = await billDeadlines(engine, bill, today);
  const coordinator = bill.members.find((m) => m.role === 'coordinator') ?? null;
  const moves: { to: BillStage; plan: TransitionPlan }[] = [];
  for (const to of billStages) {
    try {
      moves.push({ to, plan: planTransition(bill.kind, bill.stage, to) });
    } catch (e) {
      if (!isAppError(e)) throw e;
    }
  }
  const signoffStages = [...new Set(moves.filter((m) => m.plan.kind === 'forward' || m.plan.kind === 'skip').flatMap((m) => m.plan.signoffs.map((s) => s.stage)))];
  const askedOfMe = events.signoffs.filter((s) => s.reviewerId === actor!.id && s.decision === null && signoffStages.includes(s.stage)).map((s) => s.stage);
  const mayDecide = can(actor, 'bill:signoff', bill.resource) && bill.members.some((m) => m.userId === actor!.id);
  const decidable = mayDecide ? (askedOfMe.length > 0 ? askedOfMe : signoffStages) : [];
  // The next stage first, then a skip, then back (nearest first), then the ends.
  const rank = { forward: 0, skip: 1, back: 2, end: 3 } as const;
  const order = billStages.indexOf.bind(billStages);
  moves.sort((a, b) => rank[a.plan.kind] - rank[b.plan.kind] || (a.plan.kind === 'back' ? order(b.to) - order(a.to) : order(a.to) - order(b.to)));
  return {
    id: bill.id,
    title: bill.title,
    kind: bill.kind,
    stage: bill.stage,
    draftId: bill.draftId,
    coordinator: coordinator && { userId: coordinator.userId, name: coordinator.name },
    path: describePath(bill.kind, bill.stage, events.history.map((h) => ({ fromStage: h.from, toStage: h.to }))),
    deadlines,
    history: events.history,
    signoffs: events.signoffs.map((s) => ({
      id: s.id,
      stage: s.stage,
      reviewer: s.reviewerName,
      reviewerId: s.reviewerId,
      requestedBy: s.requesterName,
      requestNote: s.requestNote,
      decision: s.decision,
      note: s.note,
      requestedAt: s.requestedAt.toISOString(),
      decidedAt: s.decidedAt?.toISOString() ?? null,
      used: s.transitionId !== null,
      holds: s.decision === 'approve' && s.transitionId === null && s.textMark === mark,
    })),
    attachments: events.attachments,
    votes: events.votes.map((v) => ({ at: v.at.toISOString(), composition: v.composition, present: v.present, for: v.votesFor, against: v.votesAgainst, abstain: v.abstentions, passed: v.passed, articles: v.articles })),
    moves: can(actor, 'bill:transition', bill.resource) ? moves : [],
    /// The stages a sign-off can be given for now: those the next moves need.
    signoffStages,
    /// The stages the reader may sign off now: those asked of them, else any that is needed, for a
    /// reviewer on the bill.
    decidable,
    mayTransition: can(actor, 'bill:transition', bill.resource),
    maySignoff: can(actor, 'bill:signoff', bill.resource),
    members: bill.members,
  };
}

/// What `getBillWorkflow` returns.
export type BillWorkflow = Awaited<ReturnType<typeof getBillWorkflow>>;
