import { and, desc, eq, gte, isNull } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { can, type CurrentUser } from '@/lib/auth';
import { normalClosingDay, openConsultationIn } from '@/lib/consultation';
import { draftTextMark, getBill, lockBill } from '@/lib/drafting';
import { AppError } from '@/lib/errors';
import { sendNotice } from '@/lib/inbox';
import { parseInput, todayInChina, type BillStage } from '@/lib/shared';
import { freezeDraftVersionOn } from '@/lib/versioning';
import { planTransition } from './planTransition';
import { appendTransitionOn } from './appendTransition';
import { transitionSchema, type TransitionInput } from './schemas';
import { membersToTell } from './membersToTell';

/// What a move did: the stage the bill is now at, and what was frozen and opened on the way.
export interface TransitionResult {
  stage: BillStage;
  transitionId: string;
  versionId: string | null;
  consultationId: string | null;
}

/// Moves a bill to another stage, for its coordinator or an admin, following `planTransition`.
/// In one transaction: the sign-offs the move needs are checked against the current text and used
/// up, a version is frozen where the stage asks for one (一审稿, 征求意见稿, 表决稿), the public
/// consultation is opened on entering 征求意见, the stage is compare-and-set from `expectedStage`
/// (a move that lost a race gets `stage_changed`), and the move is recorded with its audit entry
/// and a notice to the bill's other members. On any refusal nothing changes. Either engine.
export async function transitionBill(engine: Engine, actor: CurrentUser | null, billId: string, input: TransitionInput | unknown, now: Date = new Date()): Promise<TransitionResult> {
  const bill = await getBill(engine, actor, billId);
  if (!can(actor, 'bill:transition', bill.resource)) throw new AppError('forbidden', 'transition_forbidden');
  const data = parseInput(transitionSchema, input);
  if (bill.stage !== data.expectedStage) throw new AppError('stage_changed', 'stage_changed', { details: { stage: bill.stage } });
  const plan = planTransition(bill.kind, bill.stage, data.to);
  if (plan.needsReason && !data.reason) throw new AppError('validation_failed', 'transition_reason_required', { details: { fields: [{ path: 'reason', message: 'transition_reason_required' }] } });
  return withTransaction(engine, async (tx) => {
    // The bill first, then (freezing a version) its draft: the order every writer takes them in.
    await lockBill(tx, billId);
    const { db, t } = tx;
    const mark = await draftTextMark(tx, bill.draftId);
    const used: string[] = [];
    for (const need of plan.signoffs) {
      const s = t.billSignoffs;
      const [approval] = await db
        .select({ id: s.id })
        .from(s)
        .where(and(eq(s.billId, billId), eq(s.stage, need.stage), eq(s.decision, 'approve'), eq(s.textMark, mark), isNull(s.transitionId)))
        .orderBy(desc(s.decidedAt))
        .limit(1);
      if (!approval) throw new AppError('signoff_required', 'signoff_required', { details: { stage: need.stage, rule: need.rule } });
      used.push(approval.id);
    }
    if (plan.needsPassedVote) {
      const m = t.billTransitions;
      const [entered] = await db.select({ at: m.at }).from(m).where(and(eq(m.billId, billId), eq(m.toStage, 'vote'))).orderBy(desc(m.seq)).limit(1);
      const v = t.billVotes;
      // The latest vote since the bill entered 表决; of votes recorded in the same millisecond, the
      // one recorded last (vote ids sort in the order they were made).
      const [vote] = await db
        .select({ passed: v.passed })
        .from(v)
        .where(and(eq(v.billId, billId), gte(v.at, entered?.at ?? new Date(0))))
        .orderBy(desc(v.at), desc(v.id))
        .limit(1);
      if (!vote?.passed) throw new AppError('conflict', 'vote_required');
    }
    const versionId = plan.freeze ? (await freezeDraftVersionOn(tx, actor, bill, { name: plan.freeze, kind: 'frozen', reason: `stage:${data.to}` })).id : null;
    let consultationId: string | null = null;
    if (plan.opensConsultation) {
      const today = todayInChina(now);
      const c = data.consultation ?? {};
      const opened = await openConsultationIn(
        tx,
        actor,
        bill,
        {
          title: c.title || bill.title,
          description: c.description || data.note,
          explanation: c.explanation || data.note,
          questions: c.questions ?? [],
          opensOn: c.opensOn || today,
          closesOn: c.closesOn || normalClosingDay(c.opensOn || today),
          shortReason: c.shortReason || undefined,
          moderation: c.moderation ?? 'pre',
          versionId: versionId ?? undefined,
        },
        now,
      );
      consultationId = opened.id;
    }
    // The stage is compared and set here: a bill moved by someone else since it was read is
    // refused, and all of the above rolls back. (SQLite holds the write lock throughout; on
    // PostgreSQL the update waits for the other move's commit, then finds the stage changed.)
    const id = await appendTransitionOn(tx, { billId, from: bill.stage, to: data.to, note: data.note, reason: data.reason, actorId: actor!.id, versionId, consultationId, at: now });
    for (const signoffId of used) await db.update(t.billSignoffs).set({ transitionId: id }).where(eq(t.billSignoffs.id, signoffId));
    await appendAudit(
      tx,
      { actorId: actor!.id, action: 'bill.transition', targetType: 'bill', targetId: billId, detail: { billId, from: bill.stage, to: data.to, kind: plan.kind, note: data.note, reason: data.reason || null, versionId, consultationId, signoffs: used } },
      now,
    );
    const others = await membersToTell(tx, billId, actor!.id);
    await sendNotice(tx, { userIds: others, billId, kind: 'stage_changed', detail: { from: bill.stage, to: data.to, by: actor!.name } }, now);
    return { stage: data.to, transitionId: id, versionId, consultationId };
  });
}
