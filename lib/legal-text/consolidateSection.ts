import { CHINESE_NUMERAL_CHARS } from './numerals';
import { namedIn, parseAmendmentDecision, splitDecision } from './parseAmendmentDecision';

/// The heading of one regulation's part of a decision that amends several: 一、对《甲条例》作如下
/// 修改：, 一、《甲条例》, 一、对《甲条例》作出修改; also with the part's first amendment on the same
/// line (一、对《甲条例》作如下修改：将第三条……。), which is then read as the part's first line.
const SECTION = new RegExp(`^[${CHINESE_NUMERAL_CHARS}]+[、．.]\\s*对?《([^》]+)》(?:(?:作(?:如下|出|以下)修改|的修改|修改如下)?[：:。]?|(?:作(?:如下|出|以下)修改|修改如下)[：:]\\s*(\\S.*))$`);

/// The part of a decision that amends several regulations (关于修改《甲条例》等五部地方性法规的决定)
/// that amends `title`, written as a decision of its own: the title and preamble of the whole,
/// 对《title》作如下修改：, the clauses of its part (numbered （一）（二）…, 1. 2. …, or unnumbered
/// lines, which `parseAmendmentDecision` reads as clauses in order) and the closing of the whole.
/// A decision in clauses that each name the regulation they amend (一、将《甲条例》第三条……。
/// 二、删去《乙条例》第五条。) is cut in `byClause`. Null for a decision without such parts;
/// `found` false (and no clauses) when none names `title`.
export function consolidateSection(decision: string, title: string): { decision: string; found: boolean; named: string[] } | null {
  const lines = decision.split(/\r\n|\r|\n/);
  const headings = lines.map((line) => SECTION.exec(line.trim()));
  const starts = headings.flatMap((m, k) => (m ? [k] : []));
  if (starts.length === 0) return byClause(decision, title);
  const named = starts.map((k) => headings[k]![1]);
  const part = (i: number) => [...(headings[starts[i]]![2] ? [headings[starts[i]]![2]] : []), ...lines.slice(starts[i] + 1, starts[i + 1] ?? lines.length)];
  const own = named.indexOf(title);
  const last = own === starts.length - 1;
  const body = own === -1 ? [] : [`对《${title}》作如下修改：`, ...part(own)];
  // The closing follows the last part, and is read off it.
  const closing = last ? [] : [parseAmendmentDecision([`对《${named[named.length - 1]}》作如下修改：`, ...part(starts.length - 1)].join('\n')).closing];
  return { decision: [...lines.slice(0, starts[0]), ...body, ...closing].join('\n'), found: own !== -1, named };
}

/// A decision whose clauses name between them several regulations, each clause the one it amends
/// (一、将《甲条例》第三条……。二、删去《乙条例》第五条。), as a decision for `title`: when every clause
/// names exactly one regulation, the clauses naming `title`, with their numbers as in the decision.
/// When a clause names none or several, which regulation it amends is not guessed: all the clauses
/// are kept, and `parseAmendmentDecision` reads those naming `title` and reports the others
/// (`title_mismatch`). Null for a decision whose clauses name one regulation at most.
function byClause(decision: string, title: string): { decision: string; found: boolean; named: string[] } | null {
  const { head, clauses, tail } = splitDecision(decision);
  const names = clauses.map((c) => namedIn(c.text));
  const named = [...new Set(names.flat())];
  if (named.length < 2) return null;
  const clear = names.every((n) => n.length === 1);
  const found = named.includes(title) || !clear;
  const kept = !found ? [] : clauses.filter((_, k) => !clear || names[k][0] === title);
  const body = found ? [`对《${title}》作如下修改：`, ...kept.flatMap((c) => c.lines)] : [];
  return { decision: [...head, ...body, ...tail].join('\n'), found, named };
}
