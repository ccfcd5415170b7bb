import { diffChars } from 'diff';
import {
  articleLabel, articleText, compareTexts, type ArticleJson, type ComparableText, type ParseJson, type TextComparison,
} from '@/lib/legal-text';
import { checkChangesFound, compareChanges, type ArticleChangeRef } from './checks';
import { devArticles, devFiles, loadCorpusText } from './corpus';
import { positionalWordDiff } from './positionalWordDiff';
import { failOnProblems, median, printChecks, printTable, timeRounds } from './report';

const ROUNDS = 9;
const CHANGED_SHARE = 0.05;

interface Scenario {
  label: string;
  before: ComparableText;
  after: ComparableText;
  alignment: 'eid' | 'content';
  /// The changes made to `before` to get `after`; null for a real revision (nothing planted).
  planted: ArticleChangeRef[] | null;
}

interface Figure {
  label: string;
  articles: number;
  alignment: string;
  medianMs: number;
  maxMs: number;
  /// Changes planted (null for a real revision) and changes our comparison found.
  planted: number | null;
  changed: number;
  /// The positional word diff: its median time, the changes it reports, the planted changes it
  /// does not report where they were made (misattributed) and those it reports that were not made.
  positionalMs: number;
  positionalChanged: number;
  misattributed: number | null;
  spurious: number | null;
  /// `diffChars` over the whole texts.
  baselineMs: number;
  ratio: number;
  /// What the cross-check found wrong (null when the changes found are the changes planted).
  problem: string | null;
}

/// `npm run bench -- diff`: time to compare two versions article by article (alignment plus
/// word-level diffs of the modified articles), beside two baselines: what a team would write
/// without alignment (a word diff of article i against article i, bench/positionalWordDiff.ts) and
/// `diffChars` over the whole texts; for the longest dev text with 5 % of its articles changed, a
/// real revision pair, and a synthetic 1,000-article text with 5 % changed. Where the changes are
/// planted, the comparison must find exactly them (else the bench fails, exit 1, after its figures),
/// and the table counts the planted changes the positional diff puts on the wrong articles.
export async function run(): Promise<void> {
  const longest = longestDevText();
  const pair = ['old.md', 'new.md'].map((f) => loadCorpusText(`revisions/dev-01-sh-residential-property/${f}`));
  const synthetic = syntheticText(1000);
  const longestChanged = plantChanges(longest, CHANGED_SHARE);
  const syntheticChanged = plantChanges(synthetic, CHANGED_SHARE);
  const scenarios: Scenario[] = [
    { label: `longest dev text (${longest.title}), 5 % changed`, before: longest, after: longestChanged.text, alignment: 'content', planted: longestChanged.planted },
    { label: `same, aligned by eid`, before: longest, after: longestChanged.text, alignment: 'eid', planted: longestChanged.planted },
    { label: 'real revision pair dev-01 (修正)', before: pair[0], after: pair[1], alignment: 'content', planted: null },
    { label: 'synthetic 1,000 articles, 5 % changed', before: synthetic, after: syntheticChanged.text, alignment: 'content', planted: syntheticChanged.planted },
    { label: 'same, aligned by eid', before: synthetic, after: syntheticChanged.text, alignment: 'eid', planted: syntheticChanged.planted },
  ];
  const figures = scenarios.map(measure);
  printFigures(figures);
  const dev = figures[0];
  console.log(`target: under 100 ms for the dev text: ${dev.medianMs < 100 ? 'met' : 'missed'} (${dev.medianMs.toFixed(2)} ms)`);
  const problems = figures.flatMap((f) => f.problem ?? []);
  printChecks(problems);
  console.log(
    JSON.stringify({
      bench: 'diff',
      rounds: ROUNDS,
      figures: figures.map((f) => ({ ...f, medianMs: round(f.medianMs), maxMs: round(f.maxMs), positionalMs: round(f.positionalMs), baselineMs: round(f.baselineMs), ratio: round(f.ratio) })),
      problems,
    }),
  );
  failOnProblems(problems);
}

function measure(s: Scenario): Figure {
  const result = compareTexts(s.before, s.after, { alignment: s.alignment });
  const found = changesOf(result);
  const positional = positionalWordDiff(s.before, s.after);
  const attribution = s.planted ? compareChanges(s.planted, positional) : null;
  const oldWhole = wholeText(s.before);
  const newWhole = wholeText(s.after);
  const ours = timeRounds(() => compareTexts(s.before, s.after, { alignment: s.alignment }), ROUNDS);
  const positionalMs = median(timeRounds(() => positionalWordDiff(s.before, s.after), ROUNDS));
  const baseline = timeRounds(() => diffChars(oldWhole, newWhole), ROUNDS);
  const medianMs = median(ours);
  const baselineMs = median(baseline);
  return {
    label: s.label,
    articles: s.before.articles.length,
    alignment: s.alignment,
    medianMs,
    maxMs: Math.max(...ours),
    planted: s.planted?.length ?? null,
    changed: found.length,
    positionalMs,
    positionalChanged: positional.length,
    misattributed: attribution?.missing.length ?? null,
    spurious: attribution?.extra.length ?? null,
    baselineMs,
    ratio: medianMs / baselineMs,
    problem: s.planted ? checkChangesFound(s.label, s.planted, found) : null,
  };
}

/// The modified, added and deleted rows of a comparison, named by their articles' labels.
function changesOf(result: TextComparison): ArticleChangeRef[] {
  return result.articles.flatMap((row) =>
    row.change === 'modified' || row.change === 'added' || row.change === 'deleted' ? [{ change: row.change, old: row.before?.label ?? null, new: row.after?.label ?? null }] : [],
  );
}

/// The whole text as a reader sees it, for the character-diff baseline.
function wholeText(text: ComparableText): string {
  return text.articles.map((a) => `${a.label}　${articleText(a)}`).join('\n');
}

function longestDevText(): ParseJson {
  const texts = devFiles().map((f) => loadCorpusText(`dev/${f}`));
  return texts.sort((a, b) => b.articles.length - a.articles.length)[0];
}

/// A flat text of `count` articles drawn in turn from the dev corpus, renumbered.
export function syntheticText(count: number): ComparableText {
  const pool = devArticles();
  const articles = Array.from({ length: count }, (_, i) => renumber(structuredClone(pool[i % pool.length]), i));
  return { title: '合成条例', outline: [], articles };
}

function renumber(article: ArticleJson, index: number): ArticleJson {
  return { ...article, number: index + 1, label: articleLabel(index + 1), eid: `art_${index + 1}`, part: undefined, chapter: undefined, section: undefined };
}

/// A new version with `share` of the articles changed, spread evenly, in cycles of five: one
/// article added after its neighbour, then three reworded (a phrase replaced and a sentence
/// appended), then one deleted. The addition comes first so that the rewordings fall where the
/// numbering has shifted, as after any article inserted into a real text. Returns the new text
/// and the changes planted, named by label (old labels as they were, new ones as renumbered).
export function plantChanges(text: ComparableText, share: number): { text: ComparableText; planted: ArticleChangeRef[] } {
  if (new Set(text.articles.map((a) => a.label)).size !== text.articles.length) throw new Error(`${text.title}: article labels repeat, so changes cannot be named by label`);
  const step = Math.max(1, Math.round(1 / share));
  const articles: ArticleJson[] = [];
  const planted: ArticleChangeRef[] = [];
  // The label an article gets at the next place of the new text, once renumbered.
  const nextLabel = () => articleLabel(articles.length + 1);
  text.articles.forEach((article, i) => {
    const k = Math.floor(i / step);
    if (i % step !== step - 1) return articles.push(article);
    if (k % 5 === 4) return planted.push({ change: 'deleted', old: article.label, new: null });
    if (k % 5 === 0) {
      articles.push(article);
      planted.push({ change: 'added', old: null, new: nextLabel() });
      articles.push({ ...structuredClone(article), eid: `added_${i}`, paragraphs: [{ eid: `added_${i}_p1`, text: `本条例所称第${i}类事项，由市人民政府另行规定并向社会公布。`, items: [], subitems: [] }] });
      return;
    }
    const copy = structuredClone(article);
    const first = copy.paragraphs[0];
    first.text = `${first.text.replace(/应当/, '必须')}有关部门应当加强监督检查。`;
    planted.push({ change: 'modified', old: article.label, new: nextLabel() });
    articles.push(copy);
  });
  return { text: { ...text, articles: articles.map((a, i) => ({ ...a, number: i + 1, label: articleLabel(i + 1) })) }, planted };
}



function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function printFigures(figures: Figure[]): void {
  const count = (n: number | null) => (n === null ? '–' : String(n));
  const rows = [
    ['scenario', 'articles', 'align', 'planted', 'found', 'compare p50 ms', 'max ms', 'per-article p50 ms', 'its changes', 'misattributed', 'spurious', 'diffChars p50 ms', 'ratio'],
    ...figures.map((f) => [
      f.label, String(f.articles), f.alignment, count(f.planted), String(f.changed), f.medianMs.toFixed(2), f.maxMs.toFixed(2),
      f.positionalMs.toFixed(2), String(f.positionalChanged), count(f.misattributed), count(f.spurious), f.baselineMs.toFixed(2), f.ratio.toFixed(2),
    ]),
  ];
  printTable(rows);
  console.log(
    'per-article: the word diff of article i against article i in document order (diffWords, zh segmenter), no alignment; misattributed: planted changes it does not report on the articles changed; ' +
      'spurious: changes it reports that were not made; ratio: compare / diffChars over the whole texts.',
  );
}
