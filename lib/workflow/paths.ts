import type { BillStage, BillKind } from '@/lib/shared';

/// One stage of a path; an optional one may be passed over (with a stated reason).
export interface PathStep {
  stage: BillStage;
  optional?: true;
}

/// The statutory path of each kind of text, from 立项 to the end (立法法 2023; 规章制定程序条例).
export const workflowPaths: Record<BillKind, readonly PathStep[]> = {
  local_regulation: [
    { stage: 'proposal' },
    { stage: 'drafting' },
    { stage: 'submission' },
    { stage: 'first_reading' },
    { stage: 'consultation' },
    { stage: 'second_reading' },
    { stage: 'third_reading', optional: true },
    { stage: 'vote' },
    { stage: 'approval' },
    { stage: 'promulgation' },
    { stage: 'filing' },
    { stage: 'done' },
  ],
  government_rule: [
    { stage: 'proposal' },
    { stage: 'drafting' },
    { stage: 'consultation' },
    { stage: 'legality_review' },
    { stage: 'executive_meeting' },
    { stage: 'promulgation' },
    { stage: 'filing' },
    { stage: 'done' },
  ],
  industry_norm: [
    { stage: 'proposal' },
    { stage: 'drafting' },
    { stage: 'consultation' },
    { stage: 'adoption' },
    { stage: 'promulgation' },
    { stage: 'done' },
  ],
};

/// Where a bill may end early, from any open stage, with a reason: 撤回 and 搁置.
export const endStages = ['withdrawn', 'shelved'] as const satisfies readonly BillStage[];

/// Stages after which nothing moves any more.
export function isClosedStage(stage: BillStage): boolean {
  return stage === 'done' || stage === 'withdrawn' || stage === 'shelved';
}

/// The stages of a kind's path, in order.
export function stagesOf(kind: BillKind): BillStage[] {
  return workflowPaths[kind].map((s) => s.stage);
}

/// The version frozen automatically on entering a stage, by its name (一审稿, 征求意见稿, 表决稿).
export const frozenOnEntry: Partial<Record<BillStage, string>> = {
  first_reading: '一审稿',
  consultation: '征求意见稿',
  vote: '表决稿',
};

/// The sign-offs a move needs. Entering 表决, 常务会议决定 or 审议通过 needs a reviewer's approval
/// of the current text, never given by the person who asked for it (four eyes); leaving
/// 合法性审查 needs its opinion signed by a reviewer who is not an editor of the bill.
export function signoffsNeeded(from: BillStage, to: BillStage): { stage: BillStage; rule: 'four_eyes' | 'independent' }[] {
  const needed: { stage: BillStage; rule: 'four_eyes' | 'independent' }[] = [];
  if (from === 'legality_review') needed.push({ stage: 'legality_review', rule: 'independent' });
  if (to === 'vote' || to === 'executive_meeting' || to === 'adoption') needed.push({ stage: to, rule: 'four_eyes' });
  return needed;
}
