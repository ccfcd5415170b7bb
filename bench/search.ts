import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { migrateDatabase, openDatabase, type Db } from '@/db/client';
import { sqliteEngine } from '@/db/engine';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import {
  indexVersion, indexVersions, likeScanSearch, rankArticles, rankExhaustively, searchArticles, unindexVersion, type RankStats, type WeightedTerm,
  configurePostingCache, postingCacheOptionsFromEnv, preloadPostingCache, answerQuery, readQuestion, rankingTerms, type SearchResult,
} from '@/lib/search';
import { checkSamePages, checkSearchTotals } from './checks';
import { buildLibrary, QUERY_SETS, QUESTIONS, readCorpus, type SourceDoc } from './searchLibrary';
import { failOnProblems, percentile, printChecks, printTable } from './report';

interface Options {
  regulations: number;
  batch: number;
  rounds: number;
  likeRounds: number;
  /// The LIKE scan as the baseline of every query, not only of 1- and 2-character ones (no FTS5).
  likeBaseline: boolean;
  keep: boolean;
  /// Only the 1- and 2-character sets (without LIKE) and ranked retrieval.
  onlyRanked: boolean;
  /// A library file to build and keep, or to reuse when it already holds an index (the build is
  /// then skipped and its figures are not reported).
  db?: string;
}


/// What a query's time is set beside: FTS5 trigram + bm25 (the first page and the count of
/// matches, as a team would get them from SQLite) or the LIKE scan (`likeScanSearch`).
type BaselineName = 'FTS5' | 'LIKE';

/// Untimed runs of each side before its timed rounds, the same for ours and for its baseline.
const WARMUP_ROUNDS = 3;

interface QueryFigure {
  set: string;
  q: string;
  ms: number[];
  /// Null with --only-ranked (no baseline timed).
  baseline: BaselineName | null;
  baselineMs: number[];
  /// FTS5's count of matching articles (null for the LIKE baseline, which gives none).
  baselineTotal: number | null;
  total: number | null;
  exact: boolean;
  /// The scan's count of matching articles (`text LIKE '%q%'`), untimed; NaN with --only-ranked.
  likeCount: number;
}

/// `npm run bench -- search [--regulations N] [--batch N] [--rounds N] [--like-rounds N] [--like-baseline] [--keep]`:
/// builds a synthetic library from the dev corpus in a temporary SQLite file, indexes it, and
/// times the ranked first page (top 20) of 1-, 2-, 4-character and phrase queries beside a
/// baseline over the same articles: for three characters or more an FTS5 trigram table ranked by
/// bm25() (first page + count of matches), for fewer (where trigrams cannot match, or for every
/// query with --like-baseline) a `LIKE '%q%'` scan; each side warmed alike. Fails (exit 1) after
/// its figures when an exact total, or FTS5's count, differs from the scan's count of matching
/// articles, or a ranked first page differs from the exhaustive ranking's. `--fts5` is accepted
/// and changes nothing (FTS5 is the default).
export async function run(args: string[]): Promise<void> {
  // `--db postgres`: the same library and queries on PostgreSQL beside SQLite (searchOnEngines.ts).
  if (args.includes('--db') && args[args.indexOf('--db') + 1] === 'postgres') return (await import('./searchOnEngines')).runOnEngines(args.filter((_, i) => i !== args.indexOf('--db') && i !== args.indexOf('--db') + 1));
  const opts = parseArgs(args);
  const docs = readCorpus();
  const dir = opts.db ? null : mkdtempSync(path.join(os.tmpdir(), 'lawbench-search-bench-'));
  const file = opts.db ? path.resolve(opts.db) : path.join(dir!, 'bench.db');
  const reuse = opts.db !== undefined && existsSync(file);
  const db = openDatabase(file);
  try {
    db.$client.pragma('cache_size = -262144');
    migrateDatabase(db);
    let insertMs = NaN;
    let indexMs = NaN;
    let postings: number;
    if (reuse) {
      opts.regulations = count(db, 'SELECT count(*) AS n FROM regulations');
      postings = count(db, 'SELECT sum(postings) AS n FROM search_versions');
      console.log(`reusing the library in ${file} (${opts.regulations} regulations)`);
    } else {
      console.log(`corpus: ${docs.length} regulations, ${docs.reduce((n, d) => n + d.articles.length, 0)} articles; building ${opts.regulations} synthetic regulations in ${file}`);
      let t = performance.now();
      const versionIds = buildLibrary(db, docs, opts.regulations);
      insertMs = performance.now() - t;
      console.log(`inserted ${count(db, 'SELECT count(*) AS n FROM regulation_articles')} articles in ${(insertMs / 1000).toFixed(1)} s`);
      t = performance.now();
      postings = 0;
      for (let i = 0; i < versionIds.length; i += opts.batch) {
        postings += indexVersions(db, versionIds.slice(i, i + opts.batch)).postings;
        process.stderr.write(`\rindexed ${Math.min(i + opts.batch, versionIds.length)}/${versionIds.length} versions`);
      }
      process.stderr.write('\n');
      indexMs = performance.now() - t;
      db.$client.pragma('wal_checkpoint(TRUNCATE)');
      db.$client.exec('ANALYZE');
      console.log(`indexed ${postings} postings in ${(indexMs / 1000).toFixed(1)} s`);
    }
    const articles = count(db, 'SELECT count(*) AS n FROM regulation_articles');

    const incremental = measureIncremental(db, docs);
    const sizes = tableSizes(db);

    let ftsBuildMs: number | null = null;
    const fts5 = usesFts5(opts);
    if (fts5 && !reuse) db.$client.exec('DROP TABLE IF EXISTS bench_fts');
    if (fts5 && !(reuse && count(db, "SELECT count(*) AS n FROM sqlite_master WHERE name = 'bench_fts'") > 0)) {
      const t = performance.now();
      db.$client.exec("CREATE VIRTUAL TABLE bench_fts USING fts5(text, content='regulation_articles', content_rowid='id', tokenize='trigram')");
      db.$client.exec("INSERT INTO bench_fts (bench_fts) VALUES ('rebuild')");
      ftsBuildMs = performance.now() - t;
      sizes.fts5 = tableSizes(db).fts5;
    }

    const figures = measureQueries(db, opts);
    const filtered = measureFiltered(db, opts);
    const { sets: ranked, cache } = await measureRanked(db, docs, opts);
    const problems = [
      ...checkSearchTotals(figures.map((f) => ({ q: f.q, total: f.total, exact: f.exact, scanCount: f.likeCount, baselineTotal: f.baselineTotal }))),
      ...ranked.flatMap((set) => checkSamePages(set.label, set.questions) ?? []),
      ...ranked.flatMap((set) => checkSamePages(`${set.label} (cache)`, set.questions.map((x) => ({ q: x.q, same: x.cachedSame }))) ?? []),
    ];
    report({ opts, file, articles, postings, insertMs, indexMs, ftsBuildMs, sizes, incremental, figures, filtered, ranked, cache, dbBytes: statSync(file).size, problems });
    failOnProblems(problems);
  } finally {
    db.$client.close();
    if (dir && !opts.keep) rmSync(dir, { recursive: true, force: true });
  }
}

function parseArgs(args: string[]): Options {
  const opts: Options = { regulations: 10_000, batch: 1000, rounds: 30, likeRounds: 3, likeBaseline: false, keep: false, onlyRanked: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const num = (name: string) => {
      const v = Number(args[++i]);
      if (!Number.isInteger(v) || v < 1) throw new Error(`${name} needs a positive integer`);
      return v;
    };
    if (a === '--regulations') opts.regulations = num(a);
    else if (a === '--batch') opts.batch = num(a);
    else if (a === '--rounds') opts.rounds = num(a);
    else if (a === '--like-rounds') opts.likeRounds = num(a);
    else if (a === '--like-baseline') opts.likeBaseline = true;
    else if (a === '--fts5') opts.likeBaseline = false;
    else if (a === '--keep') opts.keep = true;
    else if (a === '--only-ranked') opts.onlyRanked = true;
    else if (a === '--db') {
      opts.db = args[++i];
      if (!opts.db) throw new Error('--db needs a file name');
    }
    else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

function count(db: Db, sql: string): number {
  return (db.$client.prepare(sql).get() as { n: number }).n;
}

/// Adds one more regulation of 50 articles to the full index and takes it out again: the cost of
/// publishing a version into a large library.
function measureIncremental(db: Db, docs: SourceDoc[]): { indexMs: number; unindexMs: number; postings: number } {
  const sqlite = db.$client;
  sqlite.prepare("INSERT INTO regulations (id, slug, title, kind) VALUES ('reg-extra', 'reg-extra', '增量测试条例', 'local_regulation')").run();
  sqlite.prepare("INSERT INTO regulation_versions (id, regulation_id, seq, change, title, info_lines, events, structure, source_text) VALUES ('ver-extra', 'reg-extra', 1, 'original', '增量测试条例', '[]', '[]', '{}', '')").run();
  const insert = sqlite.prepare("INSERT INTO regulation_articles (version_id, regulation_id, eid, number, position, text, text_hash) VALUES ('ver-extra', 'reg-extra', ?, ?, ?, ?, '')");
  const all = docs.flatMap((d) => d.articles);
  for (let k = 0; k < 50; k++) insert.run(`art_${k + 1}`, k + 1, k, all[(k * 37) % all.length]);
  let t = performance.now();
  const { postings } = indexVersion(db, 'ver-extra');
  const indexMs = performance.now() - t;
  t = performance.now();
  unindexVersion(db, 'ver-extra');
  const unindexMs = performance.now() - t;
  sqlite.prepare("DELETE FROM regulations WHERE id = 'reg-extra'").run();
  return { indexMs, unindexMs, postings };
}

/// Bytes per B-tree (dbstat): the postings table against the articles table it indexes.
function tableSizes(db: Db): Record<string, number> {
  const rows = db.$client.prepare("SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE aggregate = TRUE GROUP BY name").all() as { name: string; bytes: number }[];
  const by = new Map(rows.map((r) => [r.name, r.bytes]));
  const sum = (pred: (name: string) => boolean) => rows.filter((r) => pred(r.name)).reduce((n, r) => n + r.bytes, 0);
  return {
    articles: by.get('regulation_articles') ?? 0,
    articleIndexes: sum((n) => n.startsWith('regulation_articles_') || n.startsWith('sqlite_autoindex_regulation_articles')),
    postings: by.get('search_postings') ?? 0,
    tokens: sum((n) => n.startsWith('search_tokens') || n.startsWith('sqlite_autoindex_search_tokens')),
    versions: sum((n) => n.startsWith('search_versions') || n.startsWith('sqlite_autoindex_search_versions')),
    fts5: sum((n) => n.startsWith('bench_fts')),
  };
}

function timeIt(work: () => void): number {
  const t = performance.now();
  work();
  return performance.now() - t;
}

/// `timeIt` for work that answers with a promise.
async function timeItAsync(work: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await work();
  return performance.now() - t;
}

/// Whether a run needs the FTS5 table: some query is timed against it.
function usesFts5(opts: Options): boolean {
  return querySets(opts).some((set) => set.queries.some((q) => baselineOf(q, opts) === 'FTS5'));
}

/// The baseline a query is timed against: FTS5 trigram + bm25 where trigrams can match (three
/// characters or more), else, or everywhere with --like-baseline, the LIKE scan; none with --only-ranked.
function baselineOf(q: string, opts: Options): BaselineName | null {
  if (opts.onlyRanked) return null;
  return !opts.likeBaseline && [...q].length >= 3 ? 'FTS5' : 'LIKE';
}

/// `rounds` timings of `work` after WARMUP_ROUNDS untimed runs, and what the first run returned.
function timeWarmed<T>(work: () => T, rounds: number): { ms: number[]; result: T } {
  const result = work();
  for (let i = 1; i < WARMUP_ROUNDS; i++) work();
  return { ms: Array.from({ length: rounds }, () => timeIt(work)), result };
}

/// Each query's first page by `searchArticles` and by its baseline, timed, and the scan's count
/// of matching articles to check the totals against.
function measureQueries(db: Db, opts: Options): QueryFigure[] {
  const figures: QueryFigure[] = [];
  const like = db.$client.prepare('SELECT count(*) AS n FROM regulation_articles WHERE text LIKE ?');
  const fts = usesFts5(opts)
    ? {
        page: db.$client.prepare('SELECT rowid FROM bench_fts WHERE bench_fts MATCH ? ORDER BY bm25(bench_fts) LIMIT 20'),
        count: db.$client.prepare('SELECT count(*) AS n FROM bench_fts WHERE bench_fts MATCH ?'),
      }
    : null;
  for (const set of querySets(opts)) {
    for (const q of set.queries) {
      const { ms, result } = timeWarmed(() => searchArticles(db, { q, limit: 20 }), opts.rounds);
      const baseline = baselineOf(q, opts);
      let baselineMs: number[] = [];
      let baselineTotal: number | null = null;
      if (baseline === 'FTS5') {
        // A phrase query: the trigrams of q in a row, i.e. q as a substring, as LIKE matches it.
        const match = `"${q.replace(/"/g, '""')}"`;
        const timed = timeWarmed(() => {
          fts!.page.all(match);
          return (fts!.count.get(match) as { n: number }).n;
        }, opts.rounds);
        baselineMs = timed.ms;
        baselineTotal = timed.result;
      } else if (baseline === 'LIKE') {
        baselineMs = timeWarmed(() => likeScanSearch(db, q, 20), opts.likeRounds).ms;
      }
      const likeCount = opts.onlyRanked ? NaN : (like.get(`%${q}%`) as { n: number }).n;
      figures.push({ set: set.label, q, ms, baseline, baselineMs, baselineTotal, total: result.total, exact: result.exact, likeCount });
      process.stderr.write(`\r${set.label} ${q}: p50 ${percentile(ms, 50).toFixed(2)} ms, ${baseline ?? 'no baseline'} ${percentile(baselineMs, 50).toFixed(2)} ms        `);
    }
  }
  process.stderr.write('\n');
  return figures;
}

/// The query sets a run measures: all of them, or with --only-ranked the 1- and 2-character ones.
function querySets(opts: Options): typeof QUERY_SETS {
  return opts.onlyRanked ? QUERY_SETS.slice(0, 2) : QUERY_SETS;
}

/// One set of ranked-retrieval questions: each question's weighted terms, and per question the
/// times of `rankArticles` and of the exhaustive baseline, what the walk did, and whether the
/// two first pages were the same.
interface RankedFigure {
  label: string;
  questions: {
    q: string; terms: WeightedTerm[]; ms: number[]; exhaustiveMs: number[]; stats: RankStats; total: number | null; exact: boolean; same: boolean;
    /// With the posting cache, warmed by other questions: the question's first ask, its repeats,
    /// and whether that first page was the exhaustive one too.
    firstMs: number; cachedMs: number[]; cachedSame: boolean;
  }[];
}

/// What the posting cache held after the cached passes.
interface CacheFigure {
  maxBytes: number; bytes: number; lists: number; loads: number; hits: number; evictions: number; warmQuestions: number; warmMs: number;
  /// Lists read ahead of any question (`preloadNext`, as a server does in the background) and how long that took.
  preloaded: number; preloadMs: number;
}

/// Words of a question as a crude reader would give them: jieba's cut, CJK words of 2–4
/// characters and latin/digit words, each once at weight 1, and each 4-character word's two
/// halves at 0.6, standing in for a thesaurus's expansions (the project's own reader,
/// lib/search/readQuestion.ts, is measured for relevance in bench/questions.ts).
function questionWords(jieba: Jieba, q: string): WeightedTerm[] {
  const words = [...new Set(jieba.cut(q, false).filter((w) => /^(?:[\u4e00-\u9fff]{2,4}|[a-z0-9]+)$/i.test(w)))];
  const terms = words.map((text) => ({ text, weight: 1 }));
  for (const w of words) if (w.length === 4) terms.push({ text: w.slice(0, 2), weight: 0.6 }, { text: w.slice(2), weight: 0.6 });
  return terms;
}

/// The same words as character bigrams (a 1- or 2-character word as itself), a bigram shared by
/// several words at the highest of their weights: how lib/search/answerQuery.ts ranks a question.
function questionBigrams(terms: WeightedTerm[]): WeightedTerm[] {
  const weights = new Map<string, number>();
  for (const { text, weight } of terms) {
    const chars = Array.from(text);
    const parts = chars.length <= 2 ? [text] : chars.slice(1).map((ch, i) => chars[i] + ch);
    for (const part of parts) weights.set(part, Math.max(weights.get(part) ?? 0, weight));
  }
  return [...weights].map(([text, weight]) => ({ text, weight }));
}

/// Sentences of the corpus cut to about 30 characters, as a question quoting a statute would be.
function corpusSentences(docs: SourceDoc[], n: number, shift = 0): string[] {
  const all = docs.flatMap((d) => d.articles).filter((a) => a.length >= 40);
  return Array.from({ length: n }, (_, i) => all[Math.floor(((i + shift) * all.length) / n)].replace(/\s+/g, '').slice(0, 30));
}

/// Questions a server has answered before the cached pass is timed (each asked as words and as
/// bigrams): corpus sentences other than the measured ones.
const WARM_QUESTIONS = 150;

/// Ranked retrieval of 30-character questions (top 20), beside the exhaustive baseline that
/// scores every posting of every term; the first pages must be equal. Each set is timed twice:
/// without the posting cache (every list read through SQLite), and with a new cache for each set,
/// preloaded with the longest lists and warmed by `WARM_QUESTIONS` other questions (corpus
/// sentences not among the measured ones), as a server that has answered others would have it:
/// the first ask of each question (its own rarer lists still read from SQLite) and its repeats.
async function measureRanked(db: Db, docs: SourceDoc[], opts: Options): Promise<{ sets: RankedFigure[]; cache: CacheFigure }> {
  const jieba = Jieba.withDict(dict);
  const questions = QUESTIONS.map((q) => ({ q, terms: questionWords(jieba, q) }));
  const sentences = corpusSentences(docs, 20).map((q) => ({ q, terms: questionWords(jieba, q) }));
  const asTyped = QUESTIONS.map((q) => ({ q, terms: rankingTerms(readQuestion(q)) }));
  // The product's path: answerQuery tries the text as a phrase, reads it as a question
  // (readQuestion) and ranks its words as bigrams; compared with the exhaustive ranking of those.
  const sets: { label: string; items: { q: string; terms: WeightedTerm[] }[]; filter?: { kinds: ['government_rule'] }; ask?: (q: string) => Promise<SearchResult> }[] = [
    { label: 'answerQuery, as typed', items: asTyped, ask: (q) => answerQuery(sqliteEngine(db), { q, limit: 20 }) },
    { label: 'questions, 2-4 char words', items: questions },
    { label: 'questions, as bigrams', items: questions.map(({ q, terms }) => ({ q, terms: questionBigrams(terms) })) },
    { label: 'corpus sentences, words', items: sentences },
    { label: 'questions, words, kind = government_rule', items: questions, filter: { kinds: ['government_rule'] } },
  ];
  const rounds = Math.max(3, Math.ceil(opts.rounds / 3));
  configurePostingCache(db, null);
  const measured = [];
  for (const { label, items, filter, ask } of sets) {
    const questions = [];
    for (const { q, terms } of items) {
      const input = { terms, limit: 20, ...filter };
      const once = async () => (ask ? ask(q) : rankArticles(db, input));
      for (let i = 0; i < 2; i++) await once();
      let stats: RankStats | undefined;
      rankArticles(db, input, (s) => (stats = s));
      const result = await once();
      const ms: number[] = [];
      for (let i = 0; i < rounds; i++) ms.push(await timeItAsync(once));
      const exhaustive = rankExhaustively(db, input);
      const exhaustiveMs: number[] = [];
      for (let i = 0; i < Math.max(2, Math.ceil(rounds / 3)); i++) exhaustiveMs.push(timeIt(() => rankExhaustively(db, input)));
      const same = samePage(result, exhaustive);
      process.stderr.write(`\r${label}: ${q.slice(0, 12)} p50 ${percentile(ms, 50).toFixed(1)} ms, exhaustive ${percentile(exhaustiveMs, 50).toFixed(0)} ms        `);
      questions.push({ q, terms, ms, exhaustiveMs, stats: stats!, total: result.total, exact: result.exact, same, exhaustive, firstMs: NaN, cachedMs: [] as number[], cachedSame: false });
    }
    measured.push({ label, questions });
  }

  // The budget SEARCH_CACHE_MB gives, or the default one when it switches the cache off.
  const options = postingCacheOptionsFromEnv() ?? postingCacheOptionsFromEnv({})!;
  const measuredTexts = new Set(sets.flatMap((set) => set.items.map((x) => x.q)));
  const warm = corpusSentences(docs, WARM_QUESTIONS, 0.5)
    .filter((q) => !measuredTexts.has(q))
    .map((q) => questionWords(jieba, q));
  // Each set starts from the same server: a new cache, the longest lists read ahead (what a
  // server does in the background once started), then the warm-up questions. So no set's "first
  // ask" finds lists that an earlier set's questions read.
  const warmServer = () => {
    const cache = configurePostingCache(db, options)!;
    const preloadStarted = performance.now();
    preloadPostingCache(db);
    const preloadMs = performance.now() - preloadStarted;
    const warmStarted = performance.now();
    for (const terms of warm) {
      rankArticles(db, { terms, limit: 20 });
      rankArticles(db, { terms: questionBigrams(terms), limit: 20 });
    }
    return { cache, preloadMs, warmMs: performance.now() - warmStarted };
  };
  let figure: CacheFigure | undefined;
  for (const [si, { label, filter, ask }] of sets.entries()) {
    const { cache, preloadMs, warmMs } = warmServer();
    for (const x of measured[si].questions) {
      const input = { terms: x.terms, limit: 20, ...filter };
      const once = async () => (ask ? ask(x.q) : rankArticles(db, input));
      let first: SearchResult | undefined;
      x.firstMs = await timeItAsync(async () => (first = await once()));
      x.cachedSame = samePage(first!, x.exhaustive);
      for (let i = 0; i < rounds; i++) x.cachedMs.push(await timeItAsync(once));
      process.stderr.write(`\r${label} (cache): ${x.q.slice(0, 12)} first ${x.firstMs.toFixed(1)} ms        `);
    }
    // The figures of the first set's server (answerQuery, as typed).
    figure ??= { maxBytes: options.maxBytes, bytes: cache.bytes, lists: cache.size, loads: cache.loads, hits: cache.hits, evictions: cache.evictions, warmQuestions: warm.length * 2, warmMs, preloaded: cache.preloaded, preloadMs };
  }
  process.stderr.write('\n');
  configurePostingCache(db, null);
  return { sets: measured.map(({ label, questions: qs }) => ({ label, questions: qs.map(({ exhaustive: _, ...rest }) => rest) })), cache: figure! };
}

/// Whether two results have the same hits with the same scores, in the same order.
function samePage(a: { hits: { articleId: number; score: number }[] }, b: { hits: { articleId: number; score: number }[] }): boolean {
  return JSON.stringify(a.hits.map((h) => [h.articleId, h.score])) === JSON.stringify(b.hits.map((h) => [h.articleId, h.score]));
}

/// Two-character queries with a kind filter and inside one regulation.
function measureFiltered(db: Db, opts: Options): { label: string; ms: number[] }[] {
  const twoChar = QUERY_SETS[1].queries;
  const runs: { label: string; input: (q: string, i: number) => Parameters<typeof searchArticles>[1] }[] = [
    { label: '2 chars, kind = government_rule', input: (q) => ({ q, kinds: ['government_rule'] }) },
    { label: '2 chars, kind = industry_norm', input: (q) => ({ q, kinds: ['industry_norm'] }) },
    { label: '2 chars, 50 regulation ids', input: (q, i) => ({ q, regulationIds: Array.from({ length: 50 }, (_, k) => `reg-${String((i * 7919 + k * 101) % 10_000).padStart(5, '0')}`) }) },
    { label: '2 chars, inside one regulation', input: (q, i) => ({ q, regulationId: `reg-${String((i * 7919) % 10_000).padStart(5, '0')}` }) },
  ];
  return runs.map(({ label, input }) => {
    const ms: number[] = [];
    twoChar.forEach((q, qi) => {
      for (let i = 0; i < opts.rounds; i++) {
        const args = input(q, qi * opts.rounds + i);
        ms.push(timeIt(() => searchArticles(db, args)));
      }
    });
    return { label, ms };
  });
}

function report(r: {
  opts: Options; file: string; articles: number; postings: number; insertMs: number; indexMs: number; ftsBuildMs: number | null;
  sizes: Record<string, number>; incremental: { indexMs: number; unindexMs: number; postings: number }; figures: QueryFigure[];
  filtered: { label: string; ms: number[] }[]; ranked: RankedFigure[]; cache: CacheFigure; dbBytes: number; problems: string[];
}): void {
  const MB = 1_000_000;
  const fx = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '-');
  // LIKE takes hundreds of ms on the full library (whole ms are enough), FTS5 a few.
  const fb = (name: string | null, x: number) => fx(x, name === 'LIKE' ? 0 : 2);
  const ratio = (baselineMs: number[], ms: number[]) => {
    const x = percentile(baselineMs, 50) / percentile(ms, 50);
    return Number.isFinite(x) ? `${x.toFixed(1)}x` : '-';
  };
  const rows: string[][] = [['query set', 'query', 'total', 'LIKE count', 'FTS5 count', 'p50 ms', 'p95 ms', 'baseline', 'baseline p50 ms', 'baseline p95 ms', 'baseline/ours']];
  const sets: Record<string, Record<string, number | string | null>> = {};
  for (const set of querySets(r.opts)) {
    const figs = r.figures.filter((f) => f.set === set.label);
    for (const f of figs) {
      rows.push([
        set.label, f.q, f.total === null ? '?' : `${f.exact ? '' : '~'}${f.total}`, fx(f.likeCount, 0), f.baselineTotal === null ? '-' : String(f.baselineTotal),
        fx(percentile(f.ms, 50)), fx(percentile(f.ms, 95)), f.baseline ?? '-', fb(f.baseline, percentile(f.baselineMs, 50)), fb(f.baseline, percentile(f.baselineMs, 95)), ratio(f.baselineMs, f.ms),
      ]);
    }
    const ms = figs.flatMap((f) => f.ms);
    const baselineMs = figs.flatMap((f) => f.baselineMs);
    const names = [...new Set(figs.map((f) => f.baseline ?? '-'))];
    const baseline = names.length === 1 ? names[0] : names.join(' + ');
    sets[set.label] = {
      p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), max: round(Math.max(...ms)),
      baseline, baselineP50: round(percentile(baselineMs, 50)), baselineP95: round(percentile(baselineMs, 95)),
      ratioP50: round(percentile(baselineMs, 50) / percentile(ms, 50), 1),
    };
    rows.push([`${set.label} (all)`, '', '', '', '', fx(percentile(ms, 50)), fx(percentile(ms, 95)), baseline, fb(baseline, percentile(baselineMs, 50)), fb(baseline, percentile(baselineMs, 95)), ratio(baselineMs, ms)]);
  }
  for (const f of r.filtered) rows.push([f.label, '', '', '', '', fx(percentile(f.ms, 50)), fx(percentile(f.ms, 95)), '', '', '', '']);
  printTable(rows, 2);
  const used = new Set(r.figures.map((f) => f.baseline));
  const legend = [
    ...(used.has('FTS5') ? [`FTS5 = an FTS5 trigram table over the same articles, first 20 by bm25() and the count of matches (3 characters or more; ${r.opts.rounds} rounds)`] : []),
    ...(used.has('LIKE') ? [`LIKE = likeScanSearch, text LIKE '%q%' over every article ranked by occurrences (${r.opts.likeBaseline ? 'every query' : 'under 3 characters, where trigrams cannot match'}; ${r.opts.likeRounds} rounds)`] : []),
  ];
  if (legend.length) console.log(`baselines: ${legend.join('; ')}; ours and each baseline run ${WARMUP_ROUNDS} times untimed first`);
  console.log('');
  const rankedRows: string[][] = [[
    'ranked retrieval (top 20)', 'questions', 'terms', 'p50 ms', 'p95 ms', 'max ms', 'cache: first p50', 'first p95', 'repeat p50', 'repeat p95',
    'exhaustive p50', 'exhaustive p95', 'postings read', 'candidates', 'pages equal',
  ]];
  const rankedSets: Record<string, Record<string, number | string | null>> = {};
  const oneTwo = r.figures.filter((f) => f.set === '1 char' || f.set === '2 chars').flatMap((f) => f.ms);
  for (const set of r.ranked) {
    const ms = set.questions.flatMap((x) => x.ms);
    const ex = set.questions.flatMap((x) => x.exhaustiveMs);
    const termCounts = set.questions.map((x) => x.terms.length);
    const read = set.questions.reduce((a, x) => a + x.stats.postingsRead, 0);
    const all = set.questions.reduce((a, x) => a + x.stats.postings, 0);
    const candidates = set.questions.map((x) => x.stats.candidates);
    const equal = set.questions.filter((x) => x.same && x.cachedSame).length;
    const first = set.questions.map((x) => x.firstMs);
    const repeat = set.questions.flatMap((x) => x.cachedMs);
    rankedRows.push([
      set.label, String(set.questions.length), `${Math.min(...termCounts)}-${Math.max(...termCounts)}`, fx(percentile(ms, 50)), fx(percentile(ms, 95)), fx(Math.max(...ms)),
      fx(percentile(first, 50)), fx(percentile(first, 95)), fx(percentile(repeat, 50)), fx(percentile(repeat, 95)),
      fx(percentile(ex, 50)), fx(percentile(ex, 95)), `${fx((100 * read) / all, 0)} %`, fx(percentile(candidates, 50), 0), `${equal}/${set.questions.length}`,
    ]);
    rankedSets[set.label] = {
      p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), max: round(Math.max(...ms)),
      cacheFirstP50: round(percentile(first, 50)), cacheFirstP95: round(percentile(first, 95)), cacheRepeatP50: round(percentile(repeat, 50)), cacheRepeatP95: round(percentile(repeat, 95)),
      exhaustiveP50: round(percentile(ex, 50)), exhaustiveP95: round(percentile(ex, 95)), postingsReadShare: round(read / all, 3), pagesEqual: `${equal}/${set.questions.length}`,
    };
  }
  rankedRows.push(['1 and 2 chars (searchArticles)', '', '', fx(percentile(oneTwo, 50)), fx(percentile(oneTwo, 95)), fx(Math.max(...oneTwo)), '', '', '', '', '', '', '', '', '']);
  printTable(rankedRows, 1);
  const c = r.cache;
  console.log(
    `posting cache (SEARCH_CACHE_MB): ${fx(c.bytes / MB, 0)} of ${fx(c.maxBytes / MB, 0)} MB in ${c.lists} lists after preloading ${c.preloaded} lists (${fx(c.preloadMs / 1000, 1)} s) and ${c.warmQuestions} warm-up questions (${fx(c.warmMs / 1000, 1)} s);` +
      ` ${c.loads} lists read whole, ${c.hits} uses from memory, ${c.evictions} evicted. "first" = each question's first ask after the warm-up, "repeat" = its next ${r.ranked[0]?.questions[0]?.cachedMs.length ?? 0}`,
  );
  const mismatches = r.opts.onlyRanked ? [] : r.figures.filter((f) => f.exact && f.total !== f.likeCount).map((f) => f.q);
  const counted = r.figures.filter((f) => f.baselineTotal !== null);
  const ftsMismatches = counted.filter((f) => f.baselineTotal !== f.likeCount).map((f) => f.q);
  console.log(`library: ${r.opts.regulations} regulations, ${r.articles} articles, ${r.postings} postings; build ${fx(r.insertMs / 1000, 1)} s insert + ${fx(r.indexMs / 1000, 1)} s index`);
  console.log(`size: postings ${fx(r.sizes.postings / MB, 0)} MB, tokens ${fx(r.sizes.tokens / MB, 1)} MB, articles table ${fx(r.sizes.articles / MB, 0)} MB (+ ${fx(r.sizes.articleIndexes / MB, 0)} MB of its indexes), file ${fx(r.dbBytes / MB, 0)} MB${r.ftsBuildMs !== null ? `; FTS5 trigram ${fx(r.sizes.fts5 / MB, 0)} MB built in ${fx((r.ftsBuildMs ?? 0) / 1000, 1)} s` : ''}`);
  console.log(`incremental: indexVersion of one 50-article version into the full index ${fx(r.incremental.indexMs, 1)} ms (${r.incremental.postings} postings), unindexVersion ${fx(r.incremental.unindexMs, 1)} ms`);
  console.log(`exact totals equal to the LIKE count: ${r.figures.filter((f) => f.exact).length - mismatches.length}/${r.figures.filter((f) => f.exact).length}${mismatches.length ? ` (differ: ${mismatches.join(' ')})` : ''}; ~ marks an estimated total (not checked)`);
  if (counted.length) console.log(`FTS5 counts equal to the LIKE count: ${counted.length - ftsMismatches.length}/${counted.length}${ftsMismatches.length ? ` (differ: ${ftsMismatches.join(' ')})` : ''}`);
  printChecks(r.problems);
  console.log(
    JSON.stringify({
      bench: 'search', regulations: r.opts.regulations, articles: r.articles, postings: r.postings, rounds: r.opts.rounds, likeRounds: r.opts.likeRounds,
      buildMs: { insert: round(r.insertMs, 0), index: round(r.indexMs, 0), fts5: r.ftsBuildMs === null ? null : round(r.ftsBuildMs, 0) },
      bytes: { ...r.sizes, file: r.dbBytes }, postingsPerArticleBytes: round(r.sizes.postings / r.articles, 0),
      incrementalMs: { index: round(r.incremental.indexMs, 1), unindex: round(r.incremental.unindexMs, 1), postings: r.incremental.postings },
      sets, filtered: Object.fromEntries(r.filtered.map((f) => [f.label, { p50: round(percentile(f.ms, 50)), p95: round(percentile(f.ms, 95)) }])),
      queries: r.figures.map((f) => ({
        set: f.set, q: f.q, total: f.total, exact: f.exact, likeCount: round(f.likeCount, 0), baseline: f.baseline, baselineTotal: f.baselineTotal,
        p50: round(percentile(f.ms, 50)), p95: round(percentile(f.ms, 95)), baselineP50: round(percentile(f.baselineMs, 50)), baselineP95: round(percentile(f.baselineMs, 95)),
      })),
      totalsMatchLike: mismatches.length === 0, fts5CountsMatchLike: ftsMismatches.length === 0, warmupRounds: WARMUP_ROUNDS, likeBaseline: r.opts.likeBaseline, problems: r.problems,
      ranked: rankedSets, postingCache: { ...c, warmMs: round(c.warmMs, 0), preloadMs: round(c.preloadMs, 0) },
      rankedQuestions: r.ranked.flatMap((set) => set.questions.map((x) => ({
        set: set.label, q: x.q, terms: x.terms.length, p50: round(percentile(x.ms, 50)), p95: round(percentile(x.ms, 95)), exhaustiveP50: round(percentile(x.exhaustiveMs, 50)),
        cacheFirst: round(x.firstMs), cacheRepeatP50: round(percentile(x.cachedMs, 50)),
        postingsRead: x.stats.postingsRead, postings: x.stats.postings, candidates: x.stats.candidates, survivors: x.stats.survivors, completion: x.stats.completion.join(','),
        texts: x.stats.textsRead, collectMs: round(x.stats.collectMs), completeMs: round(x.stats.completeMs), stepMs: x.stats.stepMs.map((v) => round(v, 1)).join(","), stepSurvivors: x.stats.stepSurvivors.join(","), total: x.total, exact: x.exact, same: x.same,
      }))),
    }),
  );
}

function round(x: number, d = 2): number | null {
  return Number.isFinite(x) ? Number(x.toFixed(d)) : null;
}



if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  run(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`bench search: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
