import { AppError } from '@/lib/errors';
import type { BillStage, BillKind } from '@/lib/shared';
import { endStages, frozenOnEntry, isClosedStage, signoffsNeeded, workflowPaths } from './paths';

/// What a move of a bill is, as the rules see it before anything is written.
export interface TransitionPlan {
  /// forward: to the next stage; skip: past optional stages; back: to an earlier stage for
  /// rework (退回修改); end: withdrawn or shelved.
  kind: 'forward' | 'skip' | 'back' | 'end';
  /// Optional stages passed over by a skip.
  skipped: BillStage[];
  /// A back move, a skip and an end need a stated reason.
  needsReason: boolean;
  signoffs: ReturnType<typeof signoffsNeeded>;
  /// Leaving 表决 forward needs a vote that passed.
  needsPassedVote: boolean;
  /// The version frozen on entering the stage, if any.
  freeze: string | null;
  /// Entering 征求意见 opens the public consultation on the frozen version.
  opensConsultation: boolean;
}

const refuse = (from: BillStage, to: BillStage, why: string) =>
  new AppError('transition_not_allowed', 'transition_not_allowed', { details: { from, to, why } });

/// Decides whether a bill of `kind` at `from` may move to `to`, and what the move needs: one
/// stage forward; past optional stages (三审) with a reason; back to any earlier stage with a
/// reason; or to an end from any open stage with a reason. Anything else is refused with
/// `transition_not_allowed` naming why.
export function planTransition(kind: BillKind, from: BillStage, to: BillStage): TransitionPlan {
  if (isClosedStage(from)) throw refuse(from, to, 'closed');
  const plan = (p: Pick<TransitionPlan, 'kind' | 'skipped' | 'needsReason'>): TransitionPlan => ({
    ...p,
    signoffs: p.kind === 'forward' || p.kind === 'skip' ? signoffsNeeded(from, to) : [],
    needsPassedVote: from === 'vote' && (p.kind === 'forward' || p.kind === 'skip'),
    freeze: p.kind === 'end' ? null : (frozenOnEntry[to] ?? null),
    opensConsultation: to === 'consultation' && p.kind !== 'end',
  });
  const path = workflowPaths[kind];
  const i = path.findIndex((s) => s.stage === from);
  if (i < 0) throw refuse(from, to, 'not_on_path');
  if ((endStages as readonly BillStage[]).includes(to)) return plan({ kind: 'end', skipped: [], needsReason: true });
  const j = path.findIndex((s) => s.stage === to);
  if (j < 0) throw refuse(from, to, 'not_on_path');
  if (j === i) throw refuse(from, to, 'same_stage');
  if (j < i) return plan({ kind: 'back', skipped: [], needsReason: true });
  // Leaving 公布 is the publication itself (publishBill), leaving 备案 the filing (recordFiling):
  // a bare move would leave the library or the filing record behind.
  if (from === 'promulgation') throw refuse(from, to, 'publish_instead');
  if (from === 'filing') throw refuse(from, to, 'file_instead');
  if (j === i + 1) return plan({ kind: 'forward', skipped: [], needsReason: false });
  const between = path.slice(i + 1, j);
  if (between.every((s) => s.optional)) return plan({ kind: 'skip', skipped: between.map((s) => s.stage), needsReason: true });
  throw refuse(from, to, 'skips_stage');
}
