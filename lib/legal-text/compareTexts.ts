import { alignArticles } from './alignArticles';
import { articleText, paragraphTexts } from './articleText';
import type { ArticleComparison, ArticleSide, HeadingChange, TextComparison } from './comparison';
import { chapterLabel } from './labels';
import { articleHeadingPath } from './headingPath';
import { differsOnlyInReferences } from './renumberReferences';
import type { OutlineEntry, ParseJson } from './toParseJson';
import { keptShare, wordDiff } from './wordDiff';

/// What a comparison needs of a text: the `parse` JSON's title, outline and articles.
export type ComparableText = Pick<ParseJson, 'title' | 'outline' | 'articles'>;

function sidesOf(text: ComparableText): ArticleSide[] {
  return text.articles.map((a) => ({
    number: a.number,
    ...(a.sub ? { sub: a.sub } : {}),
    label: a.label,
    eid: a.eid,
    headingPath: articleHeadingPath(a, text.outline),
    text: articleText(a),
    paragraphs: paragraphTexts(a),
  }));
}

/// Compares two texts article by article. `alignment: 'eid'` pairs articles by identity first
/// (two versions of one draft, or a draft against the text it was started from); `'content'`
/// (the default) pairs by text alone, for texts without shared lineage such as two files. Each
/// row is unchanged, renumbered, modified (with a word-level diff), added or deleted, and aligned
/// articles that left their neighbours' chapter are marked `moved`.
export function compareTexts(before: ComparableText, after: ComparableText, options: { alignment?: 'eid' | 'content' } = {}): TextComparison {
  const alignment = options.alignment ?? 'content';
  const oldSides = sidesOf(before);
  const newSides = sidesOf(after);
  const pairs = alignArticles(oldSides, newSides, alignment === 'eid');
  const oldOf = new Map(pairs.map(([i, j]) => [j, i]));
  const oldPaired = new Set(pairs.map(([i]) => i));
  const numbers = new Map(pairs.filter(([i, j]) => !oldSides[i].sub && !newSides[j].sub).map(([i, j]) => [oldSides[i].number, newSides[j].number]));
  const chapterMap = usualDestinations(pairs.map(([i, j]) => [headingKey(oldSides[i]), headingKey(newSides[j])]));

  const rows: ArticleComparison[] = [];
  let nextOld = 0;
  const flushDeletedBefore = (limit: number) => {
    for (; nextOld < limit; nextOld++) {
      if (!oldPaired.has(nextOld)) rows.push({ change: 'deleted', old: oldSides[nextOld].number, new: null, before: oldSides[nextOld] });
    }
  };
  newSides.forEach((side, j) => {
    const i = oldOf.get(j);
    if (i === undefined) {
      rows.push({ change: 'added', old: null, new: side.number, after: side });
      return;
    }
    if (i >= nextOld) flushDeletedBefore(i);
    rows.push(pairRow(oldSides[i], side, chapterMap, numbers));
  });
  flushDeletedBefore(oldSides.length);

  const summary = { unchanged: 0, renumbered: 0, modified: 0, added: 0, deleted: 0, moved: 0 };
  for (const row of rows) {
    summary[row.change]++;
    if (row.moved) summary.moved++;
  }
  return { summary, alignment, oldTitle: before.title, newTitle: after.title, articles: rows, headings: headingChanges(before.outline, after.outline) };
}

/// Headings reworded in place. Only kinds whose count did not change are compared, so that a
/// chapter inserted or removed (which shifts every later number) is not read as many renames.
function headingChanges(before: OutlineEntry[], after: OutlineEntry[]): HeadingChange[] {
  const key = (e: OutlineEntry) => `${e.kind}:${e.part ?? 0}:${e.chapter ?? 0}:${e.number}`;
  const afterByKey = new Map(after.map((e) => [key(e), e]));
  const countOf = (list: OutlineEntry[], kind: OutlineEntry['kind']) => list.filter((e) => e.kind === kind).length;
  return before.flatMap((e) => {
    const other = afterByKey.get(key(e));
    if (!other || other.heading === e.heading || countOf(before, e.kind) !== countOf(after, e.kind)) return [];
    const label = e.kind === 'section' && e.chapter !== undefined ? `${chapterLabel(e.chapter)}${e.label}` : e.label;
    return [{ kind: e.kind, label, before: e.heading, after: other.heading, firstArticle: e.firstArticle }];
  });
}

function pairRow(before: ArticleSide, after: ArticleSide, chapterMap: Map<string, string>, numbers: Map<number, number>): ArticleComparison {
  const sameNumber = before.number === after.number && (before.sub ?? 0) === (after.sub ?? 0);
  const from = headingKey(before);
  const to = headingKey(after);
  const moved = chapterMap.get(from) !== to ? { moved: { from, to } } : {};
  if (before.text === after.text) {
    return { change: sameNumber ? 'unchanged' : 'renumbered', old: before.number, new: after.number, similarity: 1, before, after, ...moved };
  }
  const tokens = wordDiff(before.text, after.text);
  const referencesOnly = differsOnlyInReferences(before.text, after.text, numbers) ? { referencesOnly: true as const } : {};
  return { change: 'modified', old: before.number, new: after.number, similarity: keptShare(tokens), tokens, ...referencesOnly, before, after, ...moved };
}

function headingKey(side: ArticleSide): string {
  return side.headingPath.join(' ');
}

/// For each old heading, the new heading most of its aligned articles went to: an article is
/// moved only when it went elsewhere, so renaming or renumbering a chapter moves nothing.
function usualDestinations(moves: [string, string][]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const [from, to] of moves) {
    const byTo = counts.get(from) ?? new Map<string, number>();
    byTo.set(to, (byTo.get(to) ?? 0) + 1);
    counts.set(from, byTo);
  }
  const result = new Map<string, string>();
  for (const [from, byTo] of counts) {
    result.set(from, [...byTo].sort((a, b) => b[1] - a[1])[0][0]);
  }
  return result;
}
