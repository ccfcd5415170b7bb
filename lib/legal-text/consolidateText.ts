import { applyAmendments } from './applyAmendments';
import type { ConsolidationResult } from './consolidateModel';
import { consolidateSection } from './consolidateSection';
import { parseAmendmentDecision } from './parseAmendmentDecision';
import type { ParseJson } from './toParseJson';

/// Consolidates a text with a 修改决定: reads the decision (`parseAmendmentDecision`), applies
/// its operations in order to the text being amended (`applyAmendments`) and returns the
/// consolidated text, numbered again from position, with the operations applied, those that
/// could not be (problems, nothing guessed) and the decision's title, preamble and closing.
/// A decision that names another regulation in its title or preamble is reported
/// (`title_mismatch`), and still applied. A decision that amends several regulations (一、对《甲条例》
/// 作如下修改：（一）……) is read for the part that amends the text's title (`consolidateSection`);
/// when no part does, that is reported and nothing is applied.
export function consolidateText(text: ParseJson, decision: string): ConsolidationResult {
  const section = consolidateSection(decision, text.title);
  const parsed = parseAmendmentDecision(section?.decision ?? decision);
  const { text: consolidated, applied, problems } = applyAmendments(text, parsed.operations);
  const named = section ? (section.found ? undefined : section.named.map((n) => `《${n}》`).join(''))
    : /《(.+?)》/.exec(`${parsed.title}\n${parsed.preamble}`)?.[1];
  const mismatch = named !== undefined && text.title !== '' && named !== text.title
    ? [{ code: 'title_mismatch' as const, clause: 0, text: named, clauseText: '', message: section ? `决定修改的是${named}，没有《${text.title}》` : `决定修改的是《${named}》，而文本是《${text.title}》` }]
    : [];
  return {
    text: consolidated,
    applied,
    problems: [...mismatch, ...parsed.problems, ...problems].sort((a, b) => rank(a) - rank(b)),
    title: parsed.title,
    preamble: parsed.preamble,
    closing: parsed.closing,
  };
}

/// Problems in the order of the decision: the title first, the clauses, then the closing.
function rank(p: ConsolidationResult['problems'][number]): number {
  if (p.code === 'title_mismatch') return -1;
  return p.clause === 0 ? Number.MAX_SAFE_INTEGER : p.clause;
}
