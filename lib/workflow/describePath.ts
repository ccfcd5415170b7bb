import type { BillStage, BillKind } from '@/lib/shared';
import { endStages, workflowPaths } from './paths';

/// How a stage of a bill's path stands: passed, where the bill is, the one it goes to next,
/// passed over (an optional stage skipped), or still ahead.
export type StageState = 'done' | 'current' | 'next' | 'skipped' | 'later';

/// The bill's path as its page and the API show it: every stage of its kind with its state; a
/// bill that ended early (撤回, 搁置) shows where it stopped and the end as current.
export function describePath(
  kind: BillKind,
  stage: BillStage,
  transitions: { fromStage: BillStage; toStage: BillStage }[],
): { stage: BillStage; state: StageState }[] {
  const path = workflowPaths[kind].map((s) => s.stage);
  const ended = (endStages as readonly BillStage[]).includes(stage);
  const at = ended ? path.indexOf(transitions.at(-1)?.fromStage ?? path[0]) : path.indexOf(stage);
  // A stage counts as skipped when the bill jumped over it and never came back to it.
  const visited = new Set(transitions.map((t) => t.toStage));
  const jumped = new Set<BillStage>();
  for (const t of transitions) {
    const from = path.indexOf(t.fromStage);
    const to = path.indexOf(t.toStage);
    if (from >= 0 && to > from + 1) for (const s of path.slice(from + 1, to)) jumped.add(s);
  }
  const states = path.map((s, i): { stage: BillStage; state: StageState } => {
    if (i < at || (ended && i === at)) return { stage: s, state: jumped.has(s) && !visited.has(s) ? 'skipped' : 'done' };
    if (i === at) return { stage: s, state: 'current' };
    if (i === at + 1 && !ended && s !== 'done') return { stage: s, state: 'next' };
    return { stage: s, state: 'later' };
  });
  return ended ? [...states, { stage, state: 'current' }] : states;
}
