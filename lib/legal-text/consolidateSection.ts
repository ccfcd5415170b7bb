import { CHINESE_NUMERAL_CHARS } from './numerals';
import { CLAUSE_START, parseAmendmentDecision } from './parseAmendmentDecision';

/// The heading of one regulation's part of a decision that amends several: 一、对《甲条例》作如下
/// 修改：, 一、《甲条例》, 一、对《甲条例》作出修改.
const SECTION = new RegExp(`^[${CHINESE_NUMERAL_CHARS}]+[、．.]\\s*对?《([^》]+)》(?:作(?:如下|出|以下)修改|的修改|修改如下)?[：:。]?$`);

/// The part of a decision that amends several regulations (关于修改《甲条例》等五部地方性法规的决定)
/// that amends `title`, written as a decision of its own: the title and preamble of the whole,
/// the clauses of its part (numbered （一）（二）… or 1. 2. …) and the closing of the whole. Null
/// for a decision without such parts; `found` false (and no clauses) when none names `title`.
export function consolidateSection(decision: string, title: string): { decision: string; found: boolean; named: string[] } | null {
  const lines = decision.split(/\r\n|\r|\n/);
  const starts = lines.flatMap((line, k) => (SECTION.test(line.trim()) ? [k] : []));
  if (starts.length === 0) return null;
  const named = starts.map((k) => SECTION.exec(lines[k].trim())![1]);
  const own = named.indexOf(title);
  const last = own === starts.length - 1;
  const body = own === -1 ? [] : [`对《${title}》作如下修改：`, ...clauses(lines.slice(starts[own] + 1, starts[own + 1] ?? lines.length))];
  // The closing follows the last part, and is read off it.
  const closing = last ? [] : [parseAmendmentDecision(clauses(lines.slice(starts[starts.length - 1] + 1)).join('\n')).closing];
  return { decision: [...lines.slice(0, starts[0]), ...body, ...closing].join('\n'), found: own !== -1, named };
}

/// The lines of a part, the first read as clause 一 when the part does not number its clauses (a
/// part of one amendment: 一、对《甲条例》作如下修改：\n将第三条……。), so that neither it nor the
/// closing after it is read as preamble.
function clauses(part: string[]): string[] {
  const k = part.findIndex((line) => line.trim() !== '');
  return k === -1 || CLAUSE_START.test(part[k].trim()) ? part : [...part.slice(0, k), `一、${part[k].trim()}`, ...part.slice(k + 1)];
}
