import type { Engine } from '@/db/engine';
import type { CurrentUser } from '@/lib/auth';
import type { BillStage } from '@/lib/shared';
import { decideSignoff, recordVote, requestSignoff, signoffsNeeded, transitionBill, type TransitionInput } from '@/lib/workflow';

/// One move of a walk: where to, when, and what the record says.
export interface WalkStep {
  to: BillStage;
  at: Date;
  note: string;
  reason?: string;
  consultation?: TransitionInput['consultation'];
}

/// Moves a bill along its path through the real workflow functions, as its coordinator would:
/// before each move that needs them, the reviewer is asked for and gives the sign-offs; at 表决
/// a passing vote is recorded. So everything a walk leaves behind — versions, consultation,
/// record, audit chain — is what the product itself writes. Returns the stage reached. Either engine.
export async function walkBill(engine: Engine, people: { coordinator: CurrentUser; reviewer: CurrentUser; independent?: CurrentUser }, billId: string, from: BillStage, steps: WalkStep[]): Promise<BillStage> {
  let stage = from;
  for (const step of steps) {
    for (const need of signoffsNeeded(stage, step.to)) {
      const signer = need.rule === 'independent' ? (people.independent ?? people.reviewer) : people.reviewer;
      await requestSignoff(engine, people.coordinator, billId, { stage: need.stage, reviewerEmail: signer.email, note: '请审核当前文本。' }, step.at);
      await decideSignoff(engine, signer, billId, { stage: need.stage, decision: 'approve', note: '同意。' }, step.at);
    }
    if (stage === 'vote') await recordVote(engine, people.coordinator, billId, { for: 48, against: 3, abstain: 2, present: 53, composition: 60 }, step.at);
    stage = (await transitionBill(engine, people.coordinator, billId, { to: step.to, expectedStage: stage, note: step.note, reason: step.reason, consultation: step.consultation }, step.at)).stage;
  }
  return stage;
}
