import type { AmendmentDecision } from './comparison';

/// The 修改决定 as plain text to paste into a report or an e-mail: the title, a blank line, the
/// preamble, one clause per line, then the closing sentence when there is one.
export function renderDecisionText(decision: AmendmentDecision): string {
  const lines = [decision.title, '', decision.preamble, ...decision.clauses];
  if (decision.closing) lines.push(decision.closing);
  return `${lines.join('\n')}\n`;
}
