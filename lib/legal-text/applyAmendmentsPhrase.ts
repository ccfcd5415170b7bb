import type { ConsolidationProblemCode } from './consolidateModel';
import { itemLabel, subitemLabel } from './labels';
import type { Item, Paragraph, Subitem } from './model';

/// Why an operation cannot be applied (caught by `applyAmendments` and reported).
export class Failure extends Error {
  constructor(readonly code: ConsolidationProblemCode, message: string) {
    super(message);
  }
}

/// One line of an article as `articleText` writes it (label and indentation included), with the
/// way to write it back: a phrase is looked for in these lines, exactly as the 修改决定 that
/// quotes it was written from them. `node` is what the line writes (so that a line reached
/// through two scopes is edited once).
export interface Line {
  prefix: string;
  text: string;
  node: object;
  set: (text: string) => void;
}

export function paragraphLines(p: Paragraph): Line[] {
  return [
    { prefix: '', text: p.text, node: p, set: (t) => { p.text = t; } },
    ...subitemLines(p.subitems, 0, false),
    ...p.items.flatMap((item, i) => itemLines(item, i)),
  ];
}

export function itemLines(item: Item, index: number): Line[] {
  return [{ prefix: itemLabel(index + 1), text: item.text, node: item, set: (t) => { item.text = t; } }, ...subitemLines(item.subitems, 1, false)];
}

function subitemLines(subitems: Subitem[], depth: number, nested: boolean): Line[] {
  return subitems.flatMap((s, k) => [
    { prefix: `${'  '.repeat(depth)}${subitemLabel(k + 1, s.style ?? (nested ? 'paren' : 'dot'))}`, text: s.text, node: s, set: (t: string) => { s.text = t; } },
    ...subitemLines(s.subitems, depth + 1, true),
  ]);
}

/// Finds `phrase` once in the lines (labels included, as the decision was written from them)
/// and rewrites that line with `edit`; the line's label must come out unchanged.
export function editPhrase(lines: Line[], phrase: string, edit: (line: string, at: number) => string): void {
  const hits: { line: Line; at: number }[] = [];
  for (const line of lines) {
    const full = line.prefix + line.text;
    for (let at = full.indexOf(phrase); at !== -1 && phrase !== ''; at = full.indexOf(phrase, at + 1)) hits.push({ line, at });
  }
  if (hits.length === 0) throw new Failure('phrase_not_found', `未找到“${phrase}”`);
  if (hits.length > 1) throw new Failure('phrase_ambiguous', `“${phrase}”出现了${hits.length}次，无法确定修改哪一处`);
  const { line, at } = hits[0];
  const changed = edit(line.prefix + line.text, at);
  if (!changed.startsWith(line.prefix)) throw new Failure('label_changed', `修改会改动编号“${line.prefix.trim()}”`);
  line.set(changed.slice(line.prefix.length));
}

/// Rewrites every occurrence of `phrase` in every scope (`scopes`: the lines of each, with the
/// name a problem gives it); each scope must hold one at least, and no occurrence may touch a
/// line's label. Nothing is changed unless all of it can be.
export function editPhraseThroughout(scopes: { name: string; lines: Line[] }[], phrase: string, rewrite: (occurrence: string) => string): void {
  const lines = new Map<object, Line>();
  for (const scope of scopes) {
    const found = scope.lines.filter((l) => phrase !== '' && (l.prefix + l.text).includes(phrase));
    if (found.length === 0) throw new Failure('phrase_not_found', `${scope.name}未找到“${phrase}”`);
    for (const line of found) lines.set(line.node, line);
  }
  for (const line of lines.values()) {
    if ((line.prefix + line.text).indexOf(phrase) < line.prefix.length) throw new Failure('label_changed', `修改会改动编号“${line.prefix.trim()}”`);
  }
  for (const line of lines.values()) line.set(line.text.split(phrase).join(rewrite(phrase)));
}
