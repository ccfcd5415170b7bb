import { AppError } from '@/lib/errors';
import type { BillStage, BillKind } from '@/lib/shared';
import { signoffsNeeded, workflowPaths } from './paths';

/// The sign-off rule for `stage` of a bill now at `current`: a sign-off is for a stage the bill
/// can enter next (four eyes; past an optional stage too), or for the 合法性审查 it is in
/// (independent). Any other stage needs none and is refused with `signoff_not_needed`.
export function signoffRuleFor(kind: BillKind, current: BillStage, stage: BillStage): 'four_eyes' | 'independent' {
  const path = workflowPaths[kind];
  const ahead: BillStage[] = [];
  for (let i = path.findIndex((s) => s.stage === current) + 1; i > 0 && i < path.length; i++) {
    ahead.push(path[i].stage);
    if (!path[i].optional) break;
  }
  const needs = ahead.flatMap((next) => signoffsNeeded(current, next));
  const found = needs.find((n) => n.stage === stage);
  if (!found) throw new AppError('conflict', 'signoff_not_needed', { details: { stage, current } });
  return found.rule;
}
