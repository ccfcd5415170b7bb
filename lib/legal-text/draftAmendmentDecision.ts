import type { AmendmentDecision, ArticleComparison, ArticleSide, DiffToken, TextComparison } from './comparison';
import { chineseDate } from '@/lib/shared/dates';
import { toChineseNumeral } from './numerals';
import { snapToWords } from './snapToWords';
import { wordSegmenter } from './wordDiff';

/// What the heading of each kind is called in a decision (将第三章的章名修改为…).
const headingNoun = { part: '编名', chapter: '章名', section: '节名' } as const;

/// Longest phrase (in characters) quoted in a "将…中的“甲”修改为“乙”" clause; longer changes
/// restate the 款 or the article.
const MAX_PHRASE = 40;
/// Most phrase changes in one article before the article is restated instead.
const MAX_PHRASES = 3;
/// Largest share of a 款 a phrase change may rewrite before the 款 is restated instead.
const MAX_REWRITTEN_SHARE = 0.5;

/// A run of changes between two unchanged stretches of an article.
interface Hunk {
  removed: string;
  inserted: string;
  /// Unchanged text before and after, on the same line.
  before: string;
  after: string;
  /// Index of the 款 the change sits in (counted on the old side).
  paragraph: number;
}

/// Generates the 修改决定 for a comparison in statutory phrasing: 将第五条第二款修改为：“……”,
/// 删去第八条。, 增加一条，作为第九条：“……”, 将第十二条中的“……”修改为“……”, then the closing clauses
/// (see decisionClosing). Articles are cited by their old numbers, new articles by the number
/// they will have.
export function draftAmendmentDecision(comparison: TextComparison, title = comparison.oldTitle, options: { effectiveOn?: string | null } = {}): AmendmentDecision {
  const name = decisionName(title);
  // Each clause with where it applies in the old text, so heading clauses fall into place.
  const placed: { at: number; text: string }[] = [];
  let lastOld = 0;
  for (const row of comparison.articles) {
    if (row.old !== null) lastOld = row.old;
    const at = row.old ?? lastOld + 0.5;
    if (row.change === 'deleted' && row.before) placed.push({ at, text: `删去${row.before.label}。` });
    if (row.change === 'added' && row.after) placed.push({ at, text: `增加一条，作为${row.after.label}：${quote(row.after.text)}` });
    // A change of cited numbers only is covered by the closing 对条文顺序作相应调整.
    if (row.change === 'modified' && !row.referencesOnly) placed.push({ at, text: modificationClause(row) });
  }
  for (const h of comparison.headings ?? []) {
    placed.push({ at: (h.firstArticle ?? lastOld + 1) - 0.25, text: `将${h.label}的${headingNoun[h.kind]}修改为${quote(h.after)}。` });
  }
  const sentences = placed.sort((a, b) => a.at - b.at).map((p) => p.text);
  const shifted = comparison.articles.some((r) => r.before && r.after && r.before.label !== r.after.label);
  return {
    title: `关于修改《${name}》的决定`,
    preamble: `对《${name}》作如下修改：`,
    clauses: sentences.map((s, i) => `${toChineseNumeral(i + 1)}、${s}`),
    closing: decisionClosing(name, shifted, options.effectiveOn ?? null).join('\n'),
  };
}

/// The title as the decision names it inside 《》: without 《》 around the whole of it, and with
/// the 《》 of a law named inside it turned into 〈〉 (书名号里边还要用书名号时，里边一层用单书名号):
/// 舟山市实施《中华人民共和国动物防疫法》办法 → 舟山市实施〈中华人民共和国动物防疫法〉办法. A title that
/// starts with one law's name and ends with another's is not wrapped as a whole.
function decisionName(title: string): string {
  const inner = /^《.*》$/.test(title) ? title.slice(1, -1) : title;
  const wrapped = inner !== title && balanced(inner, '《', '》');
  return (wrapped ? inner : title).replace(/《/g, '〈').replace(/》/g, '〉');
}

/// A blank date for staff to fill in, as printed drafts leave it: 本决定自　　年　　月　　日起施行。
const BLANK_DATE = '　　年　　月　　日';

/// The closing clauses of a decision, one per line: 此外，对条文顺序作相应调整。 when article numbers
/// shift; 本决定自2025年3月1日起施行。 (the date left blank until it is known); and
/// 《……》根据本决定作相应修改，重新公布。
export function decisionClosing(name: string, shifted: boolean, effectiveOn: string | null): string[] {
  const date = effectiveOn ? chineseDate(effectiveOn) : BLANK_DATE;
  return [...(shifted ? ['此外，对条文顺序作相应调整。'] : []), `本决定自${date}起施行。`, `《${name}》根据本决定作相应修改，重新公布。`];
}

function quote(text: string): string {
  return `“${text}”`;
}

function modificationClause(row: ArticleComparison): string {
  const before = row.before!;
  const after = row.after!;
  return phraseClause(before, row.tokens ?? []) ?? paragraphClause(before, after) ?? `将${before.label}修改为：${quote(after.text)}`;
}

/// 将第十二条（第二款）中的“甲”修改为“乙”, joined with “；” for several changes; null when the
/// changes are too many, too long, span lines, or cannot be quoted unambiguously.
function phraseClause(before: ArticleSide, tokens: DiffToken[]): string | null {
  const hunks = hunksOf(tokens, before);
  if (!hunks || hunks.length === 0 || hunks.length > MAX_PHRASES) return null;
  const rewritten = new Map<number, number>();
  for (const h of hunks) rewritten.set(h.paragraph, (rewritten.get(h.paragraph) ?? 0) + h.removed.length);
  if ([...rewritten].some(([p, n]) => n > MAX_REWRITTEN_SHARE * before.paragraphs[p].length)) return null;
  const parts: string[] = [];
  // The parts of a clause are applied one after another: each phrase must be unique in the 款 (or
  // article) as the parts before it left it, not as it was.
  const applied = new Map<number, string>();
  for (const hunk of hunks) {
    const cite = before.paragraphs.length > 1 ? `${before.label}第${toChineseNumeral(hunk.paragraph + 1)}款` : before.label;
    const scope = applied.get(hunk.paragraph) ?? (before.paragraphs.length > 1 ? before.paragraphs[hunk.paragraph] : before.text);
    const part = phrasePart(cite, scope, hunk);
    if (!part) return null;
    parts.push(part.text);
    applied.set(hunk.paragraph, part.result);
  }
  return `${parts.join('；')}。`;
}

/// One part of a phrase clause, and the 款 (or article) text once it is applied; null when no
/// phrase can be quoted unambiguously.
function phrasePart(cite: string, scope: string, hunk: Hunk): { text: string; result: string } | null {
  const { removed, inserted } = hunk;
  if (removed) {
    const context = uniqueContext(scope, removed, hunk.before);
    if (context === null) return null;
    const [from, to] = [context + removed, context + inserted];
    if (!quotable(from, to)) return null;
    const text = inserted || context ? `将${cite}中的${quote(from)}修改为${quote(to)}` : `删去${cite}中的${quote(from)}`;
    return { text, result: scope.replace(from, to) };
  }
  // A single word next to the insertion reads best; longer runs of words only when needed.
  const preceding = segmentWords(hunk.before).reverse();
  const following = segmentWords(hunk.after);
  for (const maxWords of [1, 4]) {
    const before = uniqueAnchor(scope, preceding, maxWords, (words) => words.reverse().join(''));
    if (before && quotable(before, inserted)) return { text: `在${cite}中的${quote(before)}后增加${quote(inserted)}`, result: scope.replace(before, before + inserted) };
    const after = uniqueAnchor(scope, following, maxWords, (words) => words.join(''));
    if (after && quotable(after, inserted)) return { text: `在${cite}中的${quote(after)}前增加${quote(inserted)}`, result: scope.replace(after, inserted + after) };
  }
  return null;
}

/// Whether phrases can be quoted in a clause and read back: each opens and closes its own inner
/// quotation marks (“斗犬”, not 犬” or “斗鸡). A phrase that cuts a quotation in half leaves the
/// change to a clause that restates the 款 or the article.
function quotable(...phrases: string[]): boolean {
  return phrases.every((p) => balanced(p, '“', '”') && balanced(p, '「', '」') && balanced(p, '‘', '’'));
}

function balanced(text: string, open: string, close: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === open) depth++;
    else if (ch === close && --depth < 0) return false;
  }
  return depth === 0;
}

/// The shortest run of whole words next to an insertion (nearest first in `words`) that is at
/// least two characters long and occurs once in `scope`; null when there is none.
function uniqueAnchor(scope: string, words: string[], maxWords: number, join: (words: string[]) => string): string | null {
  for (let n = 1; n <= Math.min(words.length, maxWords); n++) {
    const anchor = join(words.slice(0, n));
    if (anchor.length >= 2 && occurrences(scope, anchor) === 1) return anchor;
  }
  return null;
}

/// The shortest run of words from the end of `preceding` that makes `context + removed` occur
/// once in `scope` ('' when `removed` is already unique); null when no such run is found.
function uniqueContext(scope: string, removed: string, preceding: string): string | null {
  const words = segmentWords(preceding);
  for (let n = 0; n <= Math.min(words.length, 4); n++) {
    const context = words.slice(words.length - n).join('');
    if ((context + removed).length >= 2 && occurrences(scope, context + removed) === 1) return context;
  }
  return null;
}

/// Longest unchanged run between two changes that is quoted as part of one change (物权法 →
/// 民法典 is one change, not 物权 → 民 and 法 → 法典).
const MAX_BRIDGE = 2;

/// Treats a short unchanged run between two changes as removed and re-inserted, so that the
/// changes around it are quoted as one phrase.
function bridgeShortRuns(tokens: DiffToken[]): DiffToken[] {
  return tokens.flatMap((t, k) => {
    const between = k > 0 && k < tokens.length - 1 && tokens[k - 1].op !== 'equal' && tokens[k + 1].op !== 'equal';
    if (t.op !== 'equal' || !between || t.text.length > MAX_BRIDGE || t.text.includes('\n')) return [t];
    return [{ op: 'delete', text: t.text }, { op: 'insert', text: t.text }];
  });
}

function hunksOf(diff: DiffToken[], before: ArticleSide): Hunk[] | null {
  const tokens = bridgeShortRuns(snapToWords(diff));
  const hunks: Hunk[] = [];
  let oldOffset = 0;
  let current: Hunk | null = null;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    if (token.op === 'equal') {
      if (current) {
        current.after = token.text.split('\n')[0];
        hunks.push(current);
        current = null;
      }
      oldOffset += token.text.length;
      continue;
    }
    if (token.text.includes('\n')) return null;
    if (!current) {
      const previous = k > 0 ? tokens[k - 1].text : '';
      current = { removed: '', inserted: '', before: previous.slice(previous.lastIndexOf('\n') + 1), after: '', paragraph: paragraphAt(before, oldOffset) };
    }
    if (token.op === 'delete') {
      current.removed += token.text;
      oldOffset += token.text.length;
    } else current.inserted += token.text;
    if (current.removed.length > MAX_PHRASE || current.inserted.length > MAX_PHRASE) return null;
  }
  if (current) hunks.push(current);
  return hunks;
}

/// The index of the 款 containing the character at `offset` of the article's text.
function paragraphAt(side: ArticleSide, offset: number): number {
  let end = 0;
  for (let i = 0; i < side.paragraphs.length; i++) {
    end += side.paragraphs[i].length + 1;
    if (offset < end) return i;
  }
  return side.paragraphs.length - 1;
}

/// 将第五条第二款修改为：“……”, 删去第五条第二款。 or 在第五条中增加一款，作为第三款：“……”, when
/// exactly one 款 was rewritten, removed or added; null otherwise.
function paragraphClause(before: ArticleSide, after: ArticleSide): string | null {
  const old = before.paragraphs;
  const neu = after.paragraphs;
  const nth = (i: number) => `第${toChineseNumeral(i + 1)}款`;
  if (old.length === neu.length && old.length > 1) {
    const changed = old.flatMap((p, i) => (p === neu[i] ? [] : [i]));
    return changed.length === 1 ? `将${before.label}${nth(changed[0])}修改为：${quote(neu[changed[0]])}` : null;
  }
  const removedAt = oneRemoved(old, neu);
  if (removedAt !== null) return `删去${before.label}${nth(removedAt)}。`;
  const addedAt = oneRemoved(neu, old);
  if (addedAt !== null) return `在${before.label}中增加一款，作为${nth(addedAt)}：${quote(neu[addedAt])}`;
  return null;
}

/// The index at which `longer` has one entry that `shorter` lacks, the rest equal; else null.
function oneRemoved(longer: string[], shorter: string[]): number | null {
  if (longer.length !== shorter.length + 1) return null;
  let i = 0;
  while (i < shorter.length && longer[i] === shorter[i]) i++;
  return longer.slice(i + 1).every((p, k) => p === shorter[i + k]) ? i : null;
}

function segmentWords(text: string): string[] {
  return [...wordSegmenter().segment(text)].map((s) => s.segment);
}

function occurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}
