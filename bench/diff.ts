import { diffChars } from 'diff';
import {
  articleLabel, articleText, compareTexts, type ArticleJson, type ComparableText, type ParseJson,
} from '@/lib/legal-text';
import { devArticles, devFiles, loadCorpusText } from './corpus';
import { median, printTable, timeRounds } from './report';

const ROUNDS = 9;
const CHANGED_SHARE = 0.05;

interface Scenario {
  label: string;
  before: ComparableText;
  after: ComparableText;
  alignment: 'eid' | 'content';
}

interface Figure {
  label: string;
  articles: number;
  alignment: string;
  medianMs: number;
  maxMs: number;
  baselineMs: number;
  ratio: number;
  changed: number;
}

/// `npm run bench -- diff`: time to compare two versions article by article (alignment plus
/// word-level diffs of the modified articles), beside `diffChars` over the whole texts, for the
/// longest dev text with 5 % of its articles changed, a real revision pair, and a synthetic
/// 1,000-article text with 5 % changed.
export async function run(): Promise<void> {
  const longest = longestDevText();
  const pair = ['old.md', 'new.md'].map((f) => loadCorpusText(`revisions/dev-01-sh-residential-property/${f}`));
  const synthetic = syntheticText(1000);
  const scenarios: Scenario[] = [
    { label: `longest dev text (${longest.title}), 5 % changed`, before: longest, after: changeShare(longest, CHANGED_SHARE), alignment: 'content' },
    { label: `same, aligned by eid`, before: longest, after: changeShare(longest, CHANGED_SHARE), alignment: 'eid' },
    { label: 'real revision pair dev-01 (修正)', before: pair[0], after: pair[1], alignment: 'content' },
    { label: 'synthetic 1,000 articles, 5 % changed', before: synthetic, after: changeShare(synthetic, CHANGED_SHARE), alignment: 'content' },
    { label: 'same, aligned by eid', before: synthetic, after: changeShare(synthetic, CHANGED_SHARE), alignment: 'eid' },
  ];
  const figures = scenarios.map(measure);
  printFigures(figures);
  const dev = figures[0];
  console.log(`target: under 100 ms for the dev text: ${dev.medianMs < 100 ? 'met' : 'missed'} (${dev.medianMs.toFixed(2)} ms)`);
  console.log(JSON.stringify({ bench: 'diff', rounds: ROUNDS, figures: figures.map((f) => ({ ...f, medianMs: round(f.medianMs), maxMs: round(f.maxMs), baselineMs: round(f.baselineMs), ratio: round(f.ratio) })) }));
}

function measure(s: Scenario): Figure {
  const result = compareTexts(s.before, s.after, { alignment: s.alignment });
  const changed = result.summary.modified + result.summary.added + result.summary.deleted;
  const oldWhole = wholeText(s.before);
  const newWhole = wholeText(s.after);
  const ours = timeRounds(() => compareTexts(s.before, s.after, { alignment: s.alignment }), ROUNDS);
  const baseline = timeRounds(() => diffChars(oldWhole, newWhole), ROUNDS);
  const medianMs = median(ours);
  const baselineMs = median(baseline);
  return { label: s.label, articles: s.before.articles.length, alignment: s.alignment, medianMs, maxMs: Math.max(...ours), baselineMs, ratio: medianMs / baselineMs, changed };
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
function syntheticText(count: number): ComparableText {
  const pool = devArticles();
  const articles = Array.from({ length: count }, (_, i) => renumber(structuredClone(pool[i % pool.length]), i));
  return { title: '合成条例', outline: [], articles };
}

function renumber(article: ArticleJson, index: number): ArticleJson {
  return { ...article, number: index + 1, label: articleLabel(index + 1), eid: `art_${index + 1}`, part: undefined, chapter: undefined, section: undefined };
}

/// A new version with `share` of the articles changed, spread evenly: three in five reworded
/// (a phrase replaced and a sentence appended), one deleted, one added after it.
function changeShare(text: ComparableText, share: number): ComparableText {
  const step = Math.max(1, Math.round(1 / share));
  const articles: ArticleJson[] = [];
  text.articles.forEach((article, i) => {
    const k = Math.floor(i / step);
    if (i % step !== step - 1) return articles.push(article);
    if (k % 5 === 3) return; // deleted
    if (k % 5 === 4) {
      articles.push(article, { ...structuredClone(article), eid: `added_${i}`, paragraphs: [{ eid: `added_${i}_p1`, text: `本条例所称第${i}类事项，由市人民政府另行规定并向社会公布。`, items: [], subitems: [] }] });
      return;
    }
    const copy = structuredClone(article);
    const first = copy.paragraphs[0];
    first.text = `${first.text.replace(/应当/, '必须')}有关部门应当加强监督检查。`;
    articles.push(copy);
  });
  return { ...text, articles: articles.map((a, i) => ({ ...a, number: i + 1, label: articleLabel(i + 1) })) };
}



function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function printFigures(figures: Figure[]): void {
  const rows = [
    ['scenario', 'articles', 'align', 'changed', 'compare p50 ms', 'max ms', 'diffChars p50 ms', 'ratio'],
    ...figures.map((f) => [f.label, String(f.articles), f.alignment, String(f.changed), f.medianMs.toFixed(2), f.maxMs.toFixed(2), f.baselineMs.toFixed(2), f.ratio.toFixed(2)]),
  ];
  printTable(rows);
}
