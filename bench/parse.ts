import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { BodyNode, Chapter, RegulationText } from '@/lib/legal-text';
import { parseRegulation, renderMarkdown, toParseJson } from '@/lib/legal-text';
import { median, printTable, timeRounds } from './report';

/// The dev split of the corpus, kept in the repository (testdata/corpus/README.md).
const CORPUS = path.resolve(process.cwd(), 'testdata/corpus');
const CORPUS_ROUNDS = 9;
const LARGE_ROUNDS = 3;
const LARGE_TARGET_BYTES = 10_000_000;
const MB = 1_000_000;
// What a minimal importer does: split lines and classify each with one regular expression.
const BASELINE_LINE = /^(?:#+\s*)?第[零〇一二两三四五六七八九十百千万]+[编章节条]|^[（(][零〇一二三四五六七八九十]+[)）]|^\d+[.．、]/;

interface Figure {
  label: string;
  bytes: number;
  rounds: number;
  medianMs: number;
  mbPerSec: number;
  baselineMs: number;
  baselineMbPerSec: number;
  ratio: number;
}

/// `npm run bench -- parse`: parser throughput over the dev corpus (median of several rounds)
/// and the time to parse one ~10 MB text made of the corpus bodies renumbered into one valid
/// regulation, each beside a split-and-regex baseline over the same bytes.
export async function run(): Promise<void> {
  const texts = readDevTexts();
  const encoder = new TextEncoder();
  const corpusBytes = texts.reduce((n, t) => n + encoder.encode(t).length, 0);
  const corpus = measure(`dev corpus (${texts.length} files)`, corpusBytes, CORPUS_ROUNDS, () => {
    for (const text of texts) parseRegulation(text);
  }, () => {
    for (const text of texts) classifyBaseline(text);
  });

  const large = buildLargeText(texts.map((t) => parseRegulation(t)));
  const largeBytes = encoder.encode(large).length;
  const check = toParseJson(parseRegulation(large));
  if (check.warnings.length > 0) throw new Error(`the generated text is not valid: ${check.warnings[0].message}`);
  const single = measure(`one ${(largeBytes / MB).toFixed(1)} MB text`, largeBytes, LARGE_ROUNDS, () => {
    parseRegulation(large);
  }, () => {
    classifyBaseline(large);
  });

  printFigures([corpus, single]);
  console.log(`generated text: ${check.counts.chapters} chapters, ${check.counts.articles} articles (last ${check.articles[check.articles.length - 1].label}), 0 warnings`);
  console.log(JSON.stringify({ bench: 'parse', unit: 'MB = 10^6 bytes of UTF-8', corpus: rounded(corpus), large: { ...rounded(single), articles: check.counts.articles } }));
}

function readDevTexts(): string[] {
  if (!existsSync(CORPUS)) throw new Error(`corpus not found at ${CORPUS}`);
  const dev = readdirSync(path.join(CORPUS, 'dev')).filter((f) => f.endsWith('.md')).map((f) => path.join(CORPUS, 'dev', f));
  const revisions = readdirSync(path.join(CORPUS, 'revisions'))
    .filter((d) => d.startsWith('dev-'))
    .flatMap((d) => ['old.md', 'new.md'].map((f) => path.join(CORPUS, 'revisions', d, f)));
  return [...dev, ...revisions].sort().map((f) => readFileSync(f, 'utf8'));
}

function measure(label: string, bytes: number, rounds: number, work: () => void, baselineWork: () => void): Figure {
  const medianMs = median(timeRounds(work, rounds));
  const baselineMs = median(timeRounds(baselineWork, rounds));
  return {
    label, bytes, rounds, medianMs, mbPerSec: bytes / MB / (medianMs / 1000),
    baselineMs, baselineMbPerSec: bytes / MB / (baselineMs / 1000), ratio: medianMs / baselineMs,
  };
}



let sink = 0;
function classifyBaseline(text: string): void {
  for (const line of text.split('\n')) if (BASELINE_LINE.test(line)) sink++;
}

/// Concatenates the corpus bodies, each as one or more chapters, until the Markdown rendering
/// passes the target size; the renderer derives one continuous numbering for the whole text.
function buildLargeText(docs: RegulationText[]): string {
  const body: BodyNode[] = [];
  const encoder = new TextEncoder();
  const approxBytes = docs.map((d) => encoder.encode(renderMarkdown(d)).length);
  let bytes = 0;
  while (bytes < LARGE_TARGET_BYTES) {
    docs.forEach((doc, i) => {
      if (bytes >= LARGE_TARGET_BYTES) return;
      body.push(...asChapters(structuredClone(doc)));
      bytes += approxBytes[i];
    });
  }
  return renderMarkdown({ title: '基准测试合并文本', info: ['2025年1月1日 基准测试通过'], events: [], body, warnings: [] });
}

function asChapters(doc: RegulationText): Chapter[] {
  const chapters: Chapter[] = [];
  let loose: Chapter | undefined;
  const add = (nodes: BodyNode[]) => {
    for (const node of nodes) {
      if (node.kind === 'part') {
        add(node.children);
      } else if (node.kind === 'chapter') {
        chapters.push(node);
        loose = undefined;
      } else {
        if (!loose) {
          loose = { kind: 'chapter', eid: 'chp_bench', heading: doc.title, children: [] };
          chapters.push(loose);
        }
        loose.children.push(node);
      }
    }
  };
  add(doc.body);
  return chapters;
}

function rounded(f: Figure) {
  const r = (x: number, d = 2) => Number(x.toFixed(d));
  return {
    bytes: f.bytes, rounds: f.rounds, medianMs: r(f.medianMs, 1), mbPerSec: r(f.mbPerSec),
    baselineMs: r(f.baselineMs, 1), baselineMbPerSec: r(f.baselineMbPerSec), ratio: r(f.ratio, 1),
  };
}

function printFigures(figures: Figure[]): void {
  const rows = [
    ['input', 'bytes', 'rounds', 'parse ms (median)', 'parse MB/s', 'baseline ms', 'baseline MB/s', 'parse/baseline'],
    ...figures.map((f) => [
      f.label, String(f.bytes), String(f.rounds), f.medianMs.toFixed(1), f.mbPerSec.toFixed(2),
      f.baselineMs.toFixed(1), f.baselineMbPerSec.toFixed(2), `${f.ratio.toFixed(1)}x`,
    ]),
  ];
  printTable(rows);
  console.log(`baseline: split('\\n') + one regex per line (sink ${sink > 0 ? 'ok' : 'empty'})`);
}


