import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { migrateDatabase, openDatabase, type Db } from '@/db/client';
import { indexVersion, indexVersions, likeScanSearch, searchArticles, unindexVersion } from '@/lib/search';
import { splitMarkdownArticles } from '@/lib/search/testing/library';
import { percentile, printTable } from './report';

/// The dev texts of the corpus, kept in the repository (testdata/corpus/README.md).
const CORPUS = path.resolve(process.cwd(), 'testdata/corpus/dev');
const KINDS = ['local_regulation', 'government_rule', 'industry_norm'] as const;
const CITIES = (
  '北京天津上海重庆杭州宁波温州嘉兴湖州绍兴金华衢州舟山台州丽水合肥芜湖蚌埠淮南淮北铜陵安庆黄山滁州阜阳宿州六安亳州池州宣城福州' +
  '厦门莆田三明泉州漳州南平龙岩宁德南昌萍乡九江新余鹰潭赣州吉安宜春抚州上饶济南青岛淄博枣庄东营烟台潍坊济宁泰安威海日照临沂德州' +
  '聊城滨州菏泽郑州开封洛阳安阳鹤壁新乡焦作濮阳许昌漯河南阳商丘信阳周口武汉黄石十堰宜昌襄阳鄂州荆门孝感荆州黄冈咸宁随州长沙株洲' +
  '湘潭衡阳邵阳岳阳常德益阳郴州永州怀化娄底广州韶关深圳珠海汕头佛山江门湛江茂名肇庆惠州梅州汕尾河源阳江清远东莞中山潮州揭阳云浮'
).match(/../g)!;

/// The query sets: common and rare words of each length, as a legal-aid volunteer would type them.
const QUERY_SETS: { label: string; queries: string[] }[] = [
  { label: '1 char', queries: ['犬', '的', '罚', '桥'] },
  { label: '2 chars', queries: ['物业', '管理', '养犬', '城市', '罚款', '噪声', '殡葬', '电梯'] },
  { label: '4 chars', queries: ['城市管理', '物业服务', '法律责任', '环境卫生', '法律援助', '户外广告', '垃圾分类', '犬只管理'] },
  { label: 'phrase', queries: ['物业服务企业', '县级以上人民政府', '违反本条例规定', '燃放烟花爆竹', '饲养犬只应当'] },
];

interface Options {
  regulations: number;
  batch: number;
  rounds: number;
  likeRounds: number;
  fts5: boolean;
  keep: boolean;
}

interface SourceDoc {
  city: string;
  topic: string;
  articles: string[];
}

interface QueryFigure {
  set: string;
  q: string;
  ms: number[];
  likeMs: number[];
  ftsMs: number[];
  total: number | null;
  exact: boolean;
  likeCount: number;
}

/// `npm run bench -- search [--regulations N] [--batch N] [--rounds N] [--like-rounds N] [--fts5] [--keep]`:
/// builds a synthetic library from the dev corpus in a temporary SQLite file, indexes it, and
/// times the ranked first page (top 20) of 1-, 2-, 4-character and phrase queries beside a
/// `LIKE '%q%'` scan of the same articles (and, with --fts5, FTS5 trigram + bm25).
export async function run(args: string[]): Promise<void> {
  const opts = parseArgs(args);
  const docs = readCorpus();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lawbench-search-bench-'));
  const file = path.join(dir, 'bench.db');
  const db = openDatabase(file);
  try {
    db.$client.pragma('cache_size = -262144');
    migrateDatabase(db);
    console.log(`corpus: ${docs.length} regulations, ${docs.reduce((n, d) => n + d.articles.length, 0)} articles; building ${opts.regulations} synthetic regulations in ${file}`);

    let t = performance.now();
    const versionIds = buildLibrary(db, docs, opts.regulations);
    const insertMs = performance.now() - t;
    const articles = count(db, 'SELECT count(*) AS n FROM regulation_articles');
    console.log(`inserted ${articles} articles in ${(insertMs / 1000).toFixed(1)} s`);

    t = performance.now();
    let postings = 0;
    for (let i = 0; i < versionIds.length; i += opts.batch) {
      postings += indexVersions(db, versionIds.slice(i, i + opts.batch)).postings;
      process.stderr.write(`\rindexed ${Math.min(i + opts.batch, versionIds.length)}/${versionIds.length} versions`);
    }
    process.stderr.write('\n');
    const indexMs = performance.now() - t;
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    db.$client.exec('ANALYZE');
    console.log(`indexed ${postings} postings in ${(indexMs / 1000).toFixed(1)} s`);

    const incremental = measureIncremental(db, docs);
    const sizes = tableSizes(db);

    let ftsBuildMs: number | null = null;
    if (opts.fts5) {
      t = performance.now();
      db.$client.exec("CREATE VIRTUAL TABLE bench_fts USING fts5(text, content='regulation_articles', content_rowid='id', tokenize='trigram')");
      db.$client.exec("INSERT INTO bench_fts (bench_fts) VALUES ('rebuild')");
      ftsBuildMs = performance.now() - t;
      sizes.fts5 = tableSizes(db).fts5;
    }

    const figures = measureQueries(db, opts);
    const filtered = measureFiltered(db, opts);
    report({ opts, file, articles, postings, insertMs, indexMs, ftsBuildMs, sizes, incremental, figures, filtered, dbBytes: statSync(file).size });
  } finally {
    db.$client.close();
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  }
}

function parseArgs(args: string[]): Options {
  const opts: Options = { regulations: 10_000, batch: 1000, rounds: 30, likeRounds: 3, fts5: false, keep: false };
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
    else if (a === '--fts5') opts.fts5 = true;
    else if (a === '--keep') opts.keep = true;
    else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

/// The dev corpus as article texts (label stripped, 款 joined by line breaks) per regulation.
function readCorpus(): SourceDoc[] {
  if (!existsSync(CORPUS)) throw new Error(`corpus not found at ${CORPUS}`);
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const text = readFileSync(path.join(CORPUS, f), 'utf8');
      const title = (text.split('\n').find((l) => l.startsWith('# ')) ?? '# 条例').slice(2).trim();
      const city = /^(.{2,4}?[市省])/.exec(title)?.[1] ?? '';
      const articles = splitMarkdownArticles(text);
      return { city, topic: title.slice(city.length), articles };
    })
    .filter((d) => d.articles.length > 0);
}

/// A small deterministic PRNG (mulberry32), so every run builds the same library.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/// Inserts `n` synthetic regulations (one version each, 20–80 articles): each takes a run of
/// articles of one corpus regulation, swaps the city name, mixes in articles of other
/// regulations and appends paragraphs borrowed from others, so texts recombine rather than repeat.
function buildLibrary(db: Db, docs: SourceDoc[], n: number): string[] {
  const rnd = prng(20250101);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const sqlite = db.$client;
  const insertRegulation = sqlite.prepare('INSERT INTO regulations (id, slug, title, kind, region, topic) VALUES (?, ?, ?, ?, ?, ?)');
  const insertVersion = sqlite.prepare(
    "INSERT INTO regulation_versions (id, regulation_id, seq, change, title, effective_on, info_lines, events, structure, source_text) VALUES (?, ?, 1, 'original', ?, ?, '[]', '[]', '{}', '')",
  );
  const insertArticle = sqlite.prepare(
    'INSERT INTO regulation_articles (version_id, regulation_id, eid, number, position, text, text_hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const versionIds: string[] = [];
  const insertChunk = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const doc = pick(docs);
      const city = `${pick(CITIES)}市`;
      const kindRoll = rnd();
      const kind = kindRoll < 0.6 ? KINDS[0] : kindRoll < 0.9 ? KINDS[1] : KINDS[2];
      const topic = kind === 'government_rule' ? doc.topic.replace(/条例$/, '办法') : kind === 'industry_norm' ? doc.topic.replace(/条例$/, '规范') : doc.topic;
      const id = `reg-${String(i).padStart(5, '0')}`;
      const versionId = `ver-${String(i).padStart(5, '0')}`;
      const title = `${city}${topic}`;
      insertRegulation.run(id, `${id}-${i}`, title, kind, city, topic);
      insertVersion.run(versionId, id, title, `20${String(10 + (i % 15)).padStart(2, '0')}-01-01`);
      const count = 20 + Math.floor(rnd() * 61);
      let at = Math.floor(rnd() * doc.articles.length);
      for (let k = 0; k < count; k++) {
        const own = rnd() < 0.75;
        const source = own ? doc : pick(docs);
        let text = own ? doc.articles[at++ % doc.articles.length] : pick(source.articles);
        if (source.city) text = text.split(source.city).join(city);
        if (rnd() < 0.3) text += `\n${pick(pick(pick(docs).articles).split('\n'))}`;
        insertArticle.run(versionId, id, `art_${k + 1}`, k + 1, k, text, String(k));
      }
      versionIds.push(versionId);
    }
  });
  for (let i = 0; i < n; i += 500) insertChunk(i, Math.min(n, i + 500));
  return versionIds;
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

function measureQueries(db: Db, opts: Options): QueryFigure[] {
  const figures: QueryFigure[] = [];
  const hasFts = opts.fts5;
  const like = db.$client.prepare("SELECT count(*) AS n FROM regulation_articles WHERE text LIKE ?");
  const fts = hasFts ? db.$client.prepare('SELECT rowid FROM bench_fts WHERE bench_fts MATCH ? ORDER BY rank LIMIT 20') : null;
  for (const set of QUERY_SETS) {
    for (const q of set.queries) {
      for (let i = 0; i < 3; i++) searchArticles(db, { q, limit: 20 });
      const ms: number[] = [];
      let last = searchArticles(db, { q, limit: 20 });
      for (let i = 0; i < opts.rounds; i++) ms.push(timeIt(() => (last = searchArticles(db, { q, limit: 20 }))));
      const likeMs: number[] = [];
      for (let i = 0; i < opts.likeRounds; i++) likeMs.push(timeIt(() => likeScanSearch(db, q, 20)));
      const ftsMs: number[] = [];
      if (fts && [...q].length >= 3) {
        fts.all(`"${q}"`);
        for (let i = 0; i < opts.rounds; i++) ftsMs.push(timeIt(() => fts.all(`"${q}"`)));
      }
      const likeCount = (like.get(`%${q}%`) as { n: number }).n;
      figures.push({ set: set.label, q, ms, likeMs, ftsMs, total: last.total, exact: last.exact, likeCount });
      process.stderr.write(`\r${set.label} ${q}: p50 ${percentile(ms, 50).toFixed(2)} ms, LIKE ${percentile(likeMs, 50).toFixed(0)} ms        `);
    }
  }
  process.stderr.write('\n');
  return figures;
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
  filtered: { label: string; ms: number[] }[]; dbBytes: number;
}): void {
  const MB = 1_000_000;
  const fx = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '-');
  const rows: string[][] = [['query set', 'query', 'total', 'LIKE count', 'p50 ms', 'p95 ms', 'LIKE p50 ms', 'LIKE/ours', ...(r.opts.fts5 ? ['FTS5 p50 ms'] : [])]];
  const sets: Record<string, Record<string, number | null>> = {};
  for (const set of QUERY_SETS) {
    const figs = r.figures.filter((f) => f.set === set.label);
    for (const f of figs) {
      rows.push([
        set.label, f.q, f.total === null ? '?' : `${f.exact ? '' : '~'}${f.total}`, String(f.likeCount), fx(percentile(f.ms, 50)), fx(percentile(f.ms, 95)),
        fx(percentile(f.likeMs, 50), 0), `${fx(percentile(f.likeMs, 50) / percentile(f.ms, 50), 0)}x`, ...(r.opts.fts5 ? [fx(percentile(f.ftsMs, 50))] : []),
      ]);
    }
    const ms = figs.flatMap((f) => f.ms);
    const likeMs = figs.flatMap((f) => f.likeMs);
    const ftsMs = figs.flatMap((f) => f.ftsMs);
    sets[set.label] = {
      p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), max: round(Math.max(...ms)),
      likeP50: round(percentile(likeMs, 50)), likeP95: round(percentile(likeMs, 95)),
      ratioP50: round(percentile(likeMs, 50) / percentile(ms, 50), 0),
      fts5P50: ftsMs.length ? round(percentile(ftsMs, 50)) : null, fts5P95: ftsMs.length ? round(percentile(ftsMs, 95)) : null,
    };
    rows.push([`${set.label} (all)`, '', '', '', fx(percentile(ms, 50)), fx(percentile(ms, 95)), fx(percentile(likeMs, 50), 0), `${fx(percentile(likeMs, 50) / percentile(ms, 50), 0)}x`, ...(r.opts.fts5 ? [ftsMs.length ? fx(percentile(ftsMs, 50)) : '-'] : [])]);
  }
  for (const f of r.filtered) rows.push([f.label, '', '', '', fx(percentile(f.ms, 50)), fx(percentile(f.ms, 95)), '', '', ...(r.opts.fts5 ? [''] : [])]);
  printTable(rows, 2);
  const mismatches = r.figures.filter((f) => f.exact && f.total !== f.likeCount).map((f) => f.q);
  console.log(`library: ${r.opts.regulations} regulations, ${r.articles} articles, ${r.postings} postings; build ${fx(r.insertMs / 1000, 1)} s insert + ${fx(r.indexMs / 1000, 1)} s index`);
  console.log(`size: postings ${fx(r.sizes.postings / MB, 0)} MB, tokens ${fx(r.sizes.tokens / MB, 1)} MB, articles table ${fx(r.sizes.articles / MB, 0)} MB (+ ${fx(r.sizes.articleIndexes / MB, 0)} MB of its indexes), file ${fx(r.dbBytes / MB, 0)} MB${r.opts.fts5 ? `; FTS5 trigram ${fx(r.sizes.fts5 / MB, 0)} MB built in ${fx((r.ftsBuildMs ?? 0) / 1000, 1)} s` : ''}`);
  console.log(`incremental: indexVersion of one 50-article version into the full index ${fx(r.incremental.indexMs, 1)} ms (${r.incremental.postings} postings), unindexVersion ${fx(r.incremental.unindexMs, 1)} ms`);
  console.log(`exact totals equal to the LIKE count: ${r.figures.filter((f) => f.exact).length - mismatches.length}/${r.figures.filter((f) => f.exact).length}${mismatches.length ? ` (differ: ${mismatches.join(' ')})` : ''}; ~ marks an estimated total`);
  console.log(
    JSON.stringify({
      bench: 'search', regulations: r.opts.regulations, articles: r.articles, postings: r.postings, rounds: r.opts.rounds, likeRounds: r.opts.likeRounds,
      buildMs: { insert: round(r.insertMs, 0), index: round(r.indexMs, 0), fts5: r.ftsBuildMs === null ? null : round(r.ftsBuildMs, 0) },
      bytes: { ...r.sizes, file: r.dbBytes }, postingsPerArticleBytes: round(r.sizes.postings / r.articles, 0),
      incrementalMs: { index: round(r.incremental.indexMs, 1), unindex: round(r.incremental.unindexMs, 1), postings: r.incremental.postings },
      sets, filtered: Object.fromEntries(r.filtered.map((f) => [f.label, { p50: round(percentile(f.ms, 50)), p95: round(percentile(f.ms, 95)) }])),
      queries: r.figures.map((f) => ({ set: f.set, q: f.q, total: f.total, exact: f.exact, likeCount: f.likeCount, p50: round(percentile(f.ms, 50)), p95: round(percentile(f.ms, 95)), likeP50: round(percentile(f.likeMs, 50), 1) })),
      totalsMatchLike: mismatches.length === 0,
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
