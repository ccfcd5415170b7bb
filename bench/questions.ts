import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { migrateDatabase, openDatabase, type Db } from '@/db/client';
import { sqliteEngine } from '@/db/engine';
import { importRegulation, readRegulationFile } from '@/lib/library';
import { answerQuery, readQuestion, type SearchHit } from '@/lib/search';
import { bigramBaseline } from './bigramBaseline';
import { percentile, printTable } from './report';

/// Citizens' questions with the articles that answer them, and the laws those articles are in
/// (testdata/questions/README.md); the dev texts of the corpus are imported beside them.
const QUESTIONS = path.resolve(process.cwd(), 'testdata/questions');
const CORPUS = path.resolve(process.cwd(), 'testdata/corpus/dev');

/// Hits looked at per question: the first page a volunteer sees.
const K = 10;

/// One question of testdata/questions/qrels.json: the text and the articles that answer it
/// (law title, printed article number, N of 之N or 0).
export interface Question {
  id: number;
  q: string;
  relevant: [string, number, number][];
}

/// The half a question belongs to: `dev` questions may be looked at to choose words, stopwords,
/// thesaurus entries and weights; `heldOut` questions are only measured.
export type Half = 'dev' | 'heldOut';

/// Splits the questions in two by a hash of their id (murmur3's finaliser, top bit), so that the
/// split does not follow the order or the topic runs of the file and never changes.
export function splitQuestions<T extends { id: number }>(questions: T[]): Record<Half, T[]> {
  const halves: Record<Half, T[]> = { dev: [], heldOut: [] };
  for (const q of questions) halves[halfOf(q.id)].push(q);
  return halves;
}

function halfOf(id: number): Half {
  let h = id >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 31 ? 'heldOut' : 'dev';
}

interface Options {
  /// Print the development questions missed (for choosing thesaurus entries), at most this many.
  misses: number;
  keep: boolean;
}

interface Outcome {
  half: Half;
  /// 1-based rank of the first answering article among the first K hits, or 0.
  rank: number;
  zero: boolean;
}

/// `npm run bench -- questions [--misses N] [--keep]`: imports the laws of testdata/questions and
/// the dev corpus into a fresh library in a temporary SQLite file, sends every question to
/// `answerQuery` as typed, and reports Recall@10, MRR@10 and the share of questions with no result
/// beside plain BM25 over character bigrams of the same articles, for the development half, the
/// held-out half and all questions, with the latency of `answerQuery`.
export async function run(args: string[]): Promise<void> {
  const opts = parseArgs(args);
  const questions = JSON.parse(readFileSync(path.join(QUESTIONS, 'qrels.json'), 'utf8')) as Question[];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lawbench-questions-bench-'));
  const file = path.join(dir, 'bench.db');
  const db = openDatabase(file);
  try {
    migrateDatabase(db);
    let t = performance.now();
    const imported = await importTexts(db);
    const importMs = performance.now() - t;
    const articles = currentArticles(db);
    console.log(`library: ${imported.laws} laws of testdata/questions + ${imported.corpus} corpus regulations, ${articles.length} articles indexed in ${(importMs / 1000).toFixed(1)} s (${file})`);

    t = performance.now();
    const baseline = bigramBaseline(articles);
    console.log(`bigram BM25 baseline built in ${(performance.now() - t).toFixed(0)} ms`);
    const byId = new Map(articles.map((a) => [a.id, a]));

    readQuestion('预热'); // loads the segmenter's dictionary outside the timings
    const ours: Outcome[] = [];
    const plain: Outcome[] = [];
    const ms: number[] = [];
    const modes = { phrase: 0, question: 0 };
    const misses: string[] = [];
    for (const question of questions) {
      const half = halfOf(question.id);
      const start = performance.now();
      const result = await answerQuery(sqliteEngine(db), { q: question.q, limit: K });
      ms.push(performance.now() - start);
      modes[result.mode]++;
      const rank = firstAnswer(result.hits, question);
      ours.push({ half, rank, zero: result.hits.length === 0 });
      const top = baseline(question.q, K).map((id) => byId.get(id)!);
      plain.push({ half, rank: firstAnswer(top, question), zero: top.length === 0 });
      if (half === 'dev' && rank === 0 && misses.length < opts.misses) {
        const want = question.relevant.map(([law, n, sub]) => `${law}${n}${sub ? `之${sub}` : ''}`).join(' ');
        const got = result.hits.slice(0, 3).map((h) => `${h.regulationTitle}${h.eid.slice(4)}`).join(' ');
        misses.push(`#${question.id} ${question.q}\n  terms ${result.terms.join(' ')}\n  want ${want}\n  got  ${got}`);
      }
    }
    if (misses.length) console.log(`development questions missed (first ${misses.length}):\n${misses.join('\n')}\n`);
    report({ ours, plain, ms, modes, articles: articles.length, imported });
  } finally {
    db.$client.close();
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  }
}

function parseArgs(args: string[]): Options {
  const opts: Options = { misses: 0, keep: false };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--misses') {
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n < 0) throw new Error('--misses needs a whole number');
      opts.misses = n;
    } else if (args[i] === '--keep') opts.keep = true;
    else throw new Error(`unknown option ${args[i]} (usage: npm run bench -- questions [--misses N] [--keep])`);
  }
  return opts;
}

/// Imports every law of testdata/questions/laws and every regulation of the dev corpus, as
/// `lawbench import` would (which also indexes each for search).
async function importTexts(db: Db): Promise<{ laws: number; corpus: number }> {
  const importDir = async (dir: string) => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
    for (const f of files) {
      const bytes = readFileSync(path.join(dir, f));
      const json = await readRegulationFile(new Uint8Array(bytes), f);
      await importRegulation(sqliteEngine(db), json, { sourceText: bytes.toString('utf8') });
    }
    return files.length;
  };
  const laws = await importDir(path.join(QUESTIONS, 'laws'));
  const corpus = await importDir(CORPUS);
  return { laws, corpus };
}

/// The indexed articles of the library (the version of each regulation that search sees).
function currentArticles(db: Db): { id: number; text: string; regulationTitle: string; eid: string; number: number }[] {
  return db.$client
    .prepare(
      'SELECT a.id, a.text, r.title AS regulationTitle, a.eid, a.number FROM regulation_articles AS a JOIN regulations AS r ON r.id = a.regulation_id' +
        ' WHERE a.version_id IN (SELECT version_id FROM search_versions) ORDER BY a.id',
    )
    .all() as { id: number; text: string; regulationTitle: string; eid: string; number: number }[];
}

/// 1-based rank of the first hit that answers the question, or 0. Articles are matched by law
/// title and eid (`art_N`, `art_N_M` for 第N条之M): the laws hold excerpts, whose printed numbers
/// only the eids keep (the importer numbers the articles of a text with gaps in sequence).
function firstAnswer(hits: Pick<SearchHit, 'regulationTitle' | 'eid'>[], question: Question): number {
  const i = hits.slice(0, K).findIndex((h) => question.relevant.some(([law, n, sub]) => h.regulationTitle === law && h.eid === (sub ? `art_${n}_${sub}` : `art_${n}`)));
  return i + 1;
}

function figures(outcomes: Outcome[]): { n: number; recall: number; mrr: number; zero: number } {
  const n = outcomes.length;
  return {
    n,
    recall: outcomes.filter((o) => o.rank > 0).length / n,
    mrr: outcomes.reduce((s, o) => s + (o.rank ? 1 / o.rank : 0), 0) / n,
    zero: outcomes.filter((o) => o.zero).length / n,
  };
}

function report(r: { ours: Outcome[]; plain: Outcome[]; ms: number[]; modes: Record<'phrase' | 'question', number>; articles: number; imported: { laws: number; corpus: number } }): void {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const halves: [string, (o: Outcome) => boolean][] = [
    ['development', (o) => o.half === 'dev'],
    ['held-out', (o) => o.half === 'heldOut'],
    ['all', () => true],
  ];
  const rows: string[][] = [['questions', 'n', 'system', 'Recall@10', 'MRR@10', 'no result']];
  const json: Record<string, unknown> = {};
  for (const [label, keep] of halves) {
    const ours = figures(r.ours.filter(keep));
    const plain = figures(r.plain.filter(keep));
    rows.push([label, String(ours.n), 'bigram BM25 (baseline)', pct(plain.recall), plain.mrr.toFixed(3), pct(plain.zero)]);
    rows.push(['', '', 'answerQuery', pct(ours.recall), ours.mrr.toFixed(3), pct(ours.zero)]);
    rows.push(['', '', 'difference', `${((ours.recall - plain.recall) * 100).toFixed(1)} points`, (ours.mrr - plain.mrr).toFixed(3), '']);
    json[label === 'held-out' ? 'heldOut' : label === 'development' ? 'dev' : 'all'] = { n: ours.n, answerQuery: round(ours), baseline: round(plain) };
  }
  printTable(rows, 3);
  const p50 = percentile(r.ms, 50);
  const p95 = percentile(r.ms, 95);
  console.log(`answerQuery latency: p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms over ${r.ms.length} questions (${r.modes.question} read as questions, ${r.modes.phrase} found as phrases)`);
  console.log(JSON.stringify({ bench: 'questions', articles: r.articles, ...r.imported, k: K, ...json, latencyMs: { p50: Number(p50.toFixed(2)), p95: Number(p95.toFixed(2)) }, modes: r.modes }));
}

function round(f: { recall: number; mrr: number; zero: number }): { recall: number; mrr: number; zero: number } {
  return { recall: Number(f.recall.toFixed(4)), mrr: Number(f.mrr.toFixed(4)), zero: Number(f.zero.toFixed(4)) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  run(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`bench questions: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
