import { and, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import { billSignoffs, billTransitions, billVotes } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { can, type CurrentUser } from '@/lib/auth';
import { normalClosingDay, openConsultationOn } from '@/lib/consultation';
import { draftTextMark, getBill } from '@/lib/drafting';
import { AppError } from '@/lib/errors';
import { notify } from '@/lib/inbox';
import { parseInput, todayInChina, type BillStage } from '@/lib/shared';
import { freezeDraftVersion } from '@/lib/versioning';
import { planTransition } from './planTransition';
import { appendTransition } from './appendTransition';
import { transitionSchema, type TransitionInput } from './schemas';
import { memberIdsOf } from './memberIdsOf';
import { sqliteEngine } from '@/db/engine';

/// What a move did: the stage the bill is now at, and what was frozen and opened on the way.
export interface TransitionResult {
  stage: BillStage;
  transitionId: string;
  versionId: string | null;
  consultationId: string | null;
}

/// Moves a bill to another stage, for its coordinator or an admin, following `planTransition`.
/// In one immediate transaction: the stage is compare-and-set from `expectedStage` (a move that
/// lost a race gets `stage_changed`), the sign-offs the move needs are checked against the
/// current text and used up, a version is frozen where the stage asks for one (一审稿, 征求意见稿,
/// 表决稿), the public consultation is opened on entering 征求意见, and the move is recorded with
/// its audit entry and a notice to the bill's other members. On any refusal nothing changes.
export async function transitionBill(actor: CurrentUser | null, billId: string, input: TransitionInput | unknown, db: Db = getDatabase(), now: Date = new Date()): Promise<TransitionResult> {
  const bill = await getBill(sqliteEngine(db), actor, billId);
  if (!can(actor, 'bill:transition', bill.resource)) throw new AppError('forbidden', 'transition_forbidden');
  const data = parseInput(transitionSchema, input);
  if (bill.stage !== data.expectedStage) throw new AppError('stage_changed', 'stage_changed', { details: { stage: bill.stage } });
  const plan = planTransition(bill.kind, bill.stage, data.to);
  if (plan.needsReason && !data.reason) throw new AppError('validation_failed', 'transition_reason_required', { details: { fields: [{ path: 'reason', message: 'transition_reason_required' }] } });
  return db.transaction(
    (tx) => {
      const mark = draftTextMark(tx, bill.draftId);
      const used: string[] = [];
      for (const need of plan.signoffs) {
        const approval = tx
          .select({ id: billSignoffs.id })
          .from(billSignoffs)
          .where(and(eq(billSignoffs.billId, billId), eq(billSignoffs.stage, need.stage), eq(billSignoffs.decision, 'approve'), eq(billSignoffs.textMark, mark), isNull(billSignoffs.transitionId)))
          .orderBy(desc(billSignoffs.decidedAt))
          .get();
        if (!approval) throw new AppError('signoff_required', 'signoff_required', { details: { stage: need.stage, rule: need.rule } });
        used.push(approval.id);
      }
      if (plan.needsPassedVote) {
        const entered = tx.select({ at: billTransitions.at }).from(billTransitions).where(and(eq(billTransitions.billId, billId), eq(billTransitions.toStage, 'vote'))).orderBy(desc(billTransitions.seq)).get();
        const vote = tx
          .select({ passed: billVotes.passed })
          .from(billVotes)
          .where(and(eq(billVotes.billId, billId), gte(billVotes.at, entered?.at ?? new Date(0))))
          .orderBy(desc(billVotes.at), desc(sql`bill_votes.rowid`))
          .get();
        if (!vote?.passed) throw new AppError('conflict', 'vote_required');
      }
      const versionId = plan.freeze ? freezeDraftVersion(actor, bill, { name: plan.freeze, kind: 'frozen', reason: `stage:${data.to}` }, db).id : null;
      let consultationId: string | null = null;
      if (plan.opensConsultation) {
        const today = todayInChina(now);
        const c = data.consultation ?? {};
        consultationId = openConsultationOn(
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
          db,
          now,
        ).id;
      }
      // The stage is compared and set here, last; the immediate transaction holds the write lock
      // throughout, so a bill moved by someone else since it was read is refused and all of the
      // above rolls back.
      const id = appendTransition(tx, { billId, from: bill.stage, to: data.to, note: data.note, reason: data.reason, actorId: actor!.id, versionId, consultationId, at: now });
      for (const signoffId of used) tx.update(billSignoffs).set({ transitionId: id }).where(eq(billSignoffs.id, signoffId)).run();
      recordAudit(
        tx,
        { actorId: actor!.id, action: 'bill.transition', targetType: 'bill', targetId: billId, detail: { billId, from: bill.stage, to: data.to, kind: plan.kind, note: data.note, reason: data.reason || null, versionId, consultationId, signoffs: used } },
        now,
      );
      const others = memberIdsOf(tx, billId, actor!.id);
      notify(tx, { userIds: others, billId, kind: 'stage_changed', detail: { from: bill.stage, to: data.to, by: actor!.name } }, now);
      return { stage: data.to, transitionId: id, versionId, consultationId };
    },
    { behavior: 'immediate' },
  );
}
