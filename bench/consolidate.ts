import {
  articleLabel, articleText, compareTexts, consolidateText, draftAmendmentDecision, parseRegulation, renderDecisionText, renumberReferences, toChineseNumeral, toParseJson, type ParseJson,
} from '@/lib/legal-text';
import { devArticles } from './corpus';
import { median, printTable, timeRounds } from './report';

const ROUNDS = 9;
const ARTICLES = 1000;
const OPERATIONS = 200;
const PER_CHAPTER = 50;

interface Figure {
  label: string;
  articles: number;
  operations: number;
  medianMs: number;
  maxMs: number;
  baselineMs: number;
  ratio: number;
  exact: boolean;
}

/// `npm run bench -- consolidate`: time to read a 修改决定 of 200 operations and apply it to a
/// 1,000-article text (articles drawn in turn from the dev corpus, 50 to a chapter), beside the
/// time to parse the same text with `parseRegulation`. The decision is the one the repository
/// generates for a new version with every fifth article changed (a phrase, a 款 rewritten, the
/// article deleted, or one added after it); the result is checked against that version.
export async function run(): Promise<void> {
  const source = syntheticSource(ARTICLES);
  const before = toParseJson(parseRegulation(source));
  const after = changeEvery(before, ARTICLES / OPERATIONS);
  const decision = draftAmendmentDecision(compareTexts(before, after, { alignment: 'eid' }));
  const decisionText = renderDecisionText(decision);

  const result = consolidateText(before, decisionText);
  if (result.problems.length > 0) throw new Error(`the generated decision did not apply: ${result.problems[0].message}`);
  const exact = JSON.stringify(result.text.articles.map(articleText)) === JSON.stringify(after.articles.map(articleText));
  const ours = timeRounds(() => consolidateText(before, decisionText), ROUNDS);
  const baseline = timeRounds(() => toParseJson(parseRegulation(source)), ROUNDS);
  const medianMs = median(ours);
  const baselineMs = median(baseline);
  const figure: Figure = {
    label: `synthetic ${ARTICLES} articles, generated decision`,
    articles: before.articles.length,
    operations: result.applied.length,
    medianMs,
    maxMs: Math.max(...ours),
    baselineMs,
    ratio: medianMs / baselineMs,
    exact,
  };
  printTable([
    ['scenario', 'articles', 'operations', 'consolidate p50 ms', 'max ms', 'parse p50 ms', 'ratio', 'result = new text'],
    [figure.label, String(figure.articles), String(figure.operations), medianMs.toFixed(2), figure.maxMs.toFixed(2), baselineMs.toFixed(2), figure.ratio.toFixed(2), exact ? 'yes' : 'NO'],
  ]);
  console.log(JSON.stringify({ bench: 'consolidate', rounds: ROUNDS, figures: [{ ...figure, medianMs: round(medianMs), maxMs: round(figure.maxMs), baselineMs: round(baselineMs), ratio: round(figure.ratio) }] }));
}

/// The Markdown of a text of `count` articles drawn in turn from the dev corpus, renumbered,
/// `PER_CHAPTER` to a chapter.
function syntheticSource(count: number): string {
  const pool = devArticles();
  const lines = ['# 合成条例', '', '<!-- INFO END -->', ''];
  for (let i = 0; i < count; i++) {
    if (i % PER_CHAPTER === 0) lines.push(`## 第${toChineseNumeral(i / PER_CHAPTER + 1)}章 第${i / PER_CHAPTER + 1}部分`, '');
    const [first, ...rest] = articleText(pool[i % pool.length]).split('\n');
    lines.push(`第${toChineseNumeral(i + 1)}条 ${first}`, '', ...rest.flatMap((l) => [l.trim(), '']));
  }
  return lines.join('\n');
}

/// A new version with every `step`-th article changed, in turn: a phrase appended to its first 款,
/// its last 款 rewritten, the article deleted, an article added after it, its first 款 rewritten.
function changeEvery(text: ParseJson, step: number): ParseJson {
  const copy: ParseJson = structuredClone(text);
  const articles: ParseJson['articles'] = [];
  copy.articles.forEach((article, i) => {
    if (i % step !== step - 1) return articles.push(article);
    const k = Math.floor(i / step) % 5;
    if (k === 2) return;
    if (k === 3) {
      articles.push(article, { ...structuredClone(article), eid: `added_${i}`, paragraphs: [{ eid: `added_${i}_p1`, text: `本条例所称第${i}类事项，由市人民政府另行规定。`, items: [], subitems: [] }] });
      return;
    }
    const target = k === 1 ? article.paragraphs[article.paragraphs.length - 1] : article.paragraphs[0];
    target.text = k === 0 ? `${target.text}有关部门应当加强监督。` : `经修改的第${i}项规定，由有关部门组织实施。`;
    articles.push(article);
  });
  // Citations follow the articles they cite, as they do in an edited draft.
  const numbers = new Map(text.articles.map((a): [number, number] => [a.number, articles.findIndex((b) => b.eid === a.eid) + 1]).filter(([, n]) => n > 0));
  for (const a of articles) {
    for (const p of a.paragraphs) {
      p.text = renumberReferences(p.text, numbers);
      for (const item of p.items) item.text = renumberReferences(item.text, numbers);
    }
  }
  return { ...copy, articles: articles.map((a, i) => ({ ...a, number: i + 1, label: articleLabel(i + 1) })) };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
