import {
  compareTexts, consolidateText, draftAmendmentDecision, renderDecisionText, visibleDifferences,
  type AmendmentDecision, type ConsolidationProblem, type ParseJson, type TextComparison,
} from '@/lib/legal-text';

/// What publishing an amendment found: the generated 修改决定, the 修改对照表 it came from, and
/// whether the decision applied to the text in force gives exactly the bill's final text.
export interface AmendmentCheck {
  decision: AmendmentDecision;
  decisionText: string;
  comparison: TextComparison;
  /// The articles (labels of the final text) where the consolidated text differs from it.
  differing: string[];
  problems: ConsolidationProblem[];
  ok: boolean;
}

/// Generates the 修改决定 from the text in force to the final text, reads it back and applies it
/// to the text in force, and compares the result with the final text as a reader sees them.
/// `effectiveOn` dates the closing 本决定自……起施行 (left blank until publication fixes it).
export function checkAmendment(inForce: ParseJson, final: ParseJson, effectiveOn: string | null = null): AmendmentCheck {
  const comparison = compareTexts(inForce, final, { alignment: 'eid' });
  const decision = draftAmendmentDecision(comparison, inForce.title, { effectiveOn });
  const decisionText = renderDecisionText(decision);
  const result = consolidateText(inForce, decisionText);
  const differing = visibleDifferences(result.text, final);
  return { decision, decisionText, comparison, differing, problems: result.problems, ok: differing.length === 0 && result.problems.length === 0 };
}
