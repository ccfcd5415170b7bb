import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, type Db } from '@/db/client';
import { executeOnPostgres, postgresEngine, sqliteEngine, type Engine } from '@/db/engine';
import { migratePgDatabase, openPgDatabase } from '@/db/pgClient';
import { answerQuery, indexVersionsOn, type SearchResult } from '@/lib/search';
import { startLocalPostgres } from '../scripts/localPostgres';
import { failOnProblems, percentile, printChecks, printTable, timeAwaitedRounds } from './report';
import { buildLibrary, QUERY_SETS, QUESTIONS, readCorpus } from './searchLibrary';

/// Versions per indexing call, on both engines.
const BATCH = 500;

/// `npm run bench -- search --db postgres [--regulations N] [--rounds N]`: the synthetic library
/// of the search bench (default 2,000 regulations here) built once in SQLite, copied row for row
/// into a private PostgreSQL (Debian's package), and indexed on each; then the first page (top
/// 20) of the same 1-, 2-, 4-character, phrase and question searches timed on each engine
/// through `answerQuery`, beside PostgreSQL's `LIKE '%q%'` scan over the same articles (the
/// first 20 matches and their count: what a team gets there without an index of its own, and
/// what pg_trgm cannot better for one or two characters). Fails (exit 1) when the two engines'
/// pages differ. The last line is one JSON object.
export async function runOnEngines(args: string[]): Promise<void> {
  const regulations = numberOption(args, '--regulations', 2000);
  const rounds = numberOption(args, '--rounds', 15);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lawbench-search-engines-'));
  const server = await startLocalPostgres();
  const pg = openPgDatabase(server.url);
  const sqliteDb = openDatabase(path.join(dir, 'bench.db'));
  try {
    migrateDatabase(sqliteDb);
    await migratePgDatabase(pg);
    const sqlite = sqliteEngine(sqliteDb);
    const postgres = postgresEngine(pg);
    const docs = readCorpus();
    const versionIds = buildLibrary(sqliteDb, docs, regulations);
    const copyMs = await copyLibrary(sqliteDb, postgres);
    const indexMs = { sqlite: await indexAll(sqlite, versionIds), postgres: await indexAll(postgres, versionIds) };
    await executeOnPostgres(postgres, sql`analyze`);
    const articles = (sqliteDb.$client.prepare('SELECT count(*) AS n FROM regulation_articles').get() as { n: number }).n;
    console.log(`${regulations} regulations, ${articles} articles; copied to PostgreSQL in ${(copyMs / 1000).toFixed(1)} s; indexed in ${(indexMs.sqlite / 1000).toFixed(1)} s (SQLite), ${(indexMs.postgres / 1000).toFixed(1)} s (PostgreSQL)`);

    const sets = [...QUERY_SETS.map((s) => ({ label: s.label, queries: s.queries })), { label: 'question', queries: QUESTIONS.slice(0, 8) }];
    const rows: string[][] = [];
    const figures: { set: string; sqliteP50: number; postgresP50: number; likeP50: number }[] = [];
    const problems: string[] = [];
    for (const set of sets) {
      const times = { sqlite: [] as number[], postgres: [] as number[], like: [] as number[] };
      for (const q of set.queries) {
        const ask = (engine: Engine) => () => answerQuery(engine, { q, limit: 20 });
        const pages = [await ask(sqlite)(), await ask(postgres)()];
        if (pageOf(pages[0]) !== pageOf(pages[1])) problems.push(`${set.label} ${q}: the engines' first pages differ`);
        times.sqlite.push(percentile(await timeAwaitedRounds(ask(sqlite), rounds), 50));
        times.postgres.push(percentile(await timeAwaitedRounds(ask(postgres), rounds), 50));
        times.like.push(percentile(await timeAwaitedRounds(() => likeScan(postgres, q), Math.max(3, Math.ceil(rounds / 5))), 50));
        process.stderr.write(`\r${set.label}: ${q.slice(0, 12)}          `);
      }
      const figure = { set: set.label, sqliteP50: percentile(times.sqlite, 50), postgresP50: percentile(times.postgres, 50), likeP50: percentile(times.like, 50) };
      figures.push(figure);
      rows.push([set.label, String(set.queries.length), ms(figure.sqliteP50), ms(figure.postgresP50), `${(figure.postgresP50 / figure.sqliteP50).toFixed(1)}×`, ms(figure.likeP50), `${(figure.likeP50 / figure.postgresP50).toFixed(1)}×`]);
    }
    process.stderr.write('\n');
    printTable([['queries', 'n', 'SQLite p50', 'PostgreSQL p50', 'PG / SQLite', 'PG LIKE scan p50', 'LIKE / PG ours'], ...rows]);
    printChecks(problems);
    console.log(JSON.stringify({ bench: 'search --db postgres', regulations, articles, copyMs: Math.round(copyMs), indexMs: { sqlite: Math.round(indexMs.sqlite), postgres: Math.round(indexMs.postgres) }, figures, problems: problems.length }));
    failOnProblems(problems);
  } finally {
    sqliteDb.$client.close();
    await pg.$client.end();
    server.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

function numberOption(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const v = Number(args[at + 1]);
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} needs a positive integer`);
  return v;
}

const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;

/// A page as comparable text: each hit's regulation, article and score, in order.
const pageOf = (r: SearchResult) => r.hits.map((h) => `${h.regulationId}/${h.eid}:${h.score}`).join(' ');

/// Copies the library's rows (regulations, versions, articles with their ids) from SQLite into
/// PostgreSQL, a thousand rows per statement; the time taken.
async function copyLibrary(from: Db, to: Engine): Promise<number> {
  const started = performance.now();
  const { regulations, regulationVersions, regulationArticles } = to.t;
  const chunks = async <Row>(rows: Row[], insert: (part: Row[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000));
  };
  await chunks(from.select().from(from._.fullSchema.regulations).all(), (part) => to.db.insert(regulations).values(part));
  await chunks(from.select().from(from._.fullSchema.regulationVersions).all(), (part) => to.db.insert(regulationVersions).values(part));
  await chunks(from.select().from(from._.fullSchema.regulationArticles).all(), (part) => to.db.insert(regulationArticles).values(part));
  await executeOnPostgres(to, sql`select setval(pg_get_serial_sequence('regulation_articles', 'id'), (select max(id) from regulation_articles))`);
  return performance.now() - started;
}

/// Indexes every version, `BATCH` per call; the time taken.
async function indexAll(engine: Engine, versionIds: string[]): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < versionIds.length; i += BATCH) {
    await indexVersionsOn(engine, versionIds.slice(i, i + BATCH));
    process.stderr.write(`\rindexing on ${engine.kind}: ${Math.min(i + BATCH, versionIds.length)}/${versionIds.length} versions`);
  }
  process.stderr.write('\n');
  return performance.now() - started;
}

/// PostgreSQL's scan: the first 20 indexed articles containing `q` as typed, and how many there are.
function likeScan(engine: Engine, q: string): Promise<unknown> {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return executeOnPostgres(
    engine,
    sql`select a.id, count(*) over () as total from search_versions as v join regulation_articles as a on a.version_id = v.version_id where a.text like ${pattern} limit 20`,
  );
}
