import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { migrateDatabase, openDatabase, type Db } from '@/db/client';
import { sqliteEngine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { createSession } from '@/lib/auth';
import { sessionCookieName } from '@/lib/auth';
import { insertTestUser } from '@/lib/auth/testing';
import { openConsultation, submitComment } from '@/lib/consultation';
import { createBill } from '@/lib/drafting';
import { addDays, todayInChina } from '@/lib/shared';
import { ensureBuild } from '../scripts/ensureBuild';
import { startBenchWebServer } from '../scripts/localServer';
import { checkStoredEqualsAccepted } from './checks';
import { runOnEngines } from './commentsOnEngines';
import { failOnProblems, percentile, printChecks, printTable } from './report';

/// Requests per measured run: a fixed amount, so that every response is counted (a timed run
/// drops the requests still in flight when it stops, which the server may well have stored).
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 8000);
const RAW_SECONDS = 5;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
/// Enough commenters that the per-account limit (10 per 10 minutes) never binds in a run.
const ACCOUNTS = 4000;
const SEED_TEXT = path.resolve(process.cwd(), 'db/seed/regulations/reg-078-zhoushan.md');

interface Row {
  label: string;
  perSecond: number;
  p50: number;
  p99: number;
  accepted: number;
  refused: number;
}

/// `npm run bench -- comments`: comment intake over HTTP on the production build — sustained
/// accepted comments/s with p50 / p99 latency, checked against the rows in the database — beside
/// two ceilings measured in the same run: a bare route in the same app that only validates and
/// inserts one row, and raw SQLite inserts (one transaction each) in this process.
/// `--db postgres`: the intake in this process on PostgreSQL beside SQLite (commentsOnEngines.ts).
export async function run(args: string[] = []): Promise<void> {
  const db = args[args.indexOf('--db') + 1];
  if (args.includes('--db') && db !== 'postgres' && db !== 'sqlite') throw new Error(`--db takes postgres or sqlite, not ${db ?? 'nothing'}`);
  if (args.includes('--db') && db === 'postgres') return runOnEngines();
  ensureBuild(process.cwd());
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lawbench-bench-comments-'));
  const file = path.join(dir, 'bench.db');
  let server: ChildProcess | undefined;
  try {
    const db = openDatabase(file);
    migrateDatabase(db);
    const { consultationId, eids, cookies } = await seed(db);
    db.$client.close();

    // BENCH_SERVER_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the server.
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    // The bench stands where a city's reverse proxy would, in front of many citizens: it is
    // trusted explicitly, so the addresses it forwards count (the web server ignores them from anyone else).
    const started = await startBenchWebServer(file, { readyPath: '/api/v1/consultations', nodeArgs, env: { LAWBENCH_BENCH_ROUTES: '1', TRUSTED_PROXIES: 'loopback' } });
    server = started.server;
    const base = started.base;

    const bare = (): autocannon.Request => ({
      method: 'POST',
      path: '/api/v1/bench/comments',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ consultationId, body: `基准意见 ${randomUUID()}` }),
    });
    let n = 0;
    const real = (): autocannon.Request => {
      n++;
      return {
        method: 'POST',
        path: `/api/v1/consultations/${consultationId}/comments`,
        headers: {
          'content-type': 'application/json',
          cookie: cookies[n % cookies.length],
          // A different sender address per request, as many citizens behind the proxy would have.
          'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
        },
        body: JSON.stringify({ articleEid: eids[n % eids.length], body: `建议第${n}号：增加对养犬人的宣传教育，明确街道办事处的职责。${randomUUID()}` }),
      };
    };
    // Warm up both routes (JIT, prepared statements, the version's eid cache).
    await load(base, bare, 1000, 'warm-up');
    const warmup = await load(base, real, 1000, 'warm-up');

    const bareRow = await load(base, bare, REQUESTS, 'bare route: validate + 1 insert');
    const realRow = await load(base, real, REQUESTS, 'POST /api/v1/consultations/{id}/comments');
    server.kill('SIGTERM');
    server = undefined;

    const check = openDatabase(file);
    const stored = check.$client
      .prepare("select count(*) as n from consultation_comments where consultation_id = ? and reference not like 'BENCH-%'")
      .get(consultationId) as { n: number };
    const libRow = await inProcess(check, consultationId, eids, 2000);
    const rawRow = rawInserts(check, consultationId, RAW_SECONDS);
    check.$client.close();

    // Every 201 must be a stored comment, and nothing else may have been stored.
    const problem = checkStoredEqualsAccepted(stored.n, warmup.accepted + realRow.accepted);
    const storedEqualsAccepted = problem === null;
    printRows([realRow, bareRow, libRow, rawRow]);
    const ratio = realRow.perSecond / bareRow.perSecond;
    console.log(
      `stored comments: ${stored.n}; 201 responses: ${realRow.accepted} in the measured run + ${warmup.accepted} in the warm-up (${storedEqualsAccepted ? 'equal' : 'NOT EQUAL'}); refused: ${realRow.refused}`,
    );
    console.log(`goal: ≥ 1,000 accepted/s (${realRow.perSecond >= 1000 ? 'met' : 'missed'}) and ≥ 80 % of the bare route (${(ratio * 100).toFixed(0)} %: ${ratio >= 0.8 ? 'met' : 'missed'})`);
    const problems = problem === null ? [] : [problem];
    printChecks(problems);
    console.log(
      JSON.stringify({
        bench: 'comments',
        requests: REQUESTS,
        connections: CONNECTIONS,
        comments: realRow,
        bareRoute: bareRow,
        submitCommentInProcess: libRow,
        rawSqlite: rawRow,
        ratioToBare: Math.round(ratio * 1000) / 1000,
        storedEqualsAccepted,
        stored: stored.n,
        warmupAccepted: warmup.accepted,
        problems,
      }),
    );
    failOnProblems(problems);
  } finally {
    server?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

/// A bill from a real text, an open post-moderated consultation on it, and signed-in commenters.
async function seed(db: Db): Promise<{ consultationId: string; eids: string[]; cookies: string[] }> {
  const drafter = insertTestUser(db, 'drafter', '基准起草人');
  const { draftId } = await createBill(sqliteEngine(db), drafter, { title: '舟山市养犬管理条例（修订草案）', kind: 'local_regulation', from: { text: readFileSync(SEED_TEXT, 'utf8') } });
  const today = todayInChina();
  const closes = addDays(today, 29);
  const { id: consultationId } = await openConsultation(sqliteEngine(db), drafter, draftId, { description: '基准测试', explanation: '基准测试', opensOn: today, closesOn: closes, moderation: 'post' }, );
  const structure = db.$client.prepare('select v.structure from consultations c join draft_versions v on v.id = c.version_id where c.id = ?').get(consultationId) as {
    structure: string;
  };
  const eids = (JSON.parse(structure.structure) as { articles: { eid: string }[] }).articles.map((a) => a.eid);
  const ids = Array.from({ length: ACCOUNTS }, () => randomUUID());
  const insertUser = db.$client.prepare("insert into users (id, email, name, password_hash, role, created_at) values (?, ?, ?, 'not-a-real-hash', 'public', ?)");
  db.$client.transaction(() => {
    for (const [i, id] of ids.entries()) insertUser.run(id, `citizen-${i}@bench.lawbench`, `市民${i}`, Date.now());
  })();
  // Their sessions in one transaction too (createSession is async, so not inside the one above).
  const cookies = await withTransaction(sqliteEngine(db), async (tx) => {
    const made: string[] = [];
    for (const id of ids) made.push(`${sessionCookieName}=${(await createSession(tx, id)).token}`);
    return made;
  });
  return { consultationId, eids, cookies };
}

/// `q`th percentile of measured latencies (report.ts's nearest-rank `percentile`), in ms to the microsecond.
function at(latencies: number[], q: number): number {
  return Math.round(percentile(latencies, q) * 1000) / 1000;
}

/// `amount` requests over HTTP. Its p50 / p99 are autocannon's own (from its latency histogram,
/// whole milliseconds), since autocannon does not hand back each request's time: comparable
/// between the HTTP rows, not exactly the nearest-rank `percentile` of the in-process rows.
async function load(base: string, next: () => autocannon.Request, amount: number, label: string): Promise<Row> {
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    amount,
    requests: [{ setupRequest: (req) => ({ ...req, ...next() }) }],
  });
  const accepted = result['2xx'];
  const seconds = result.duration;
  return { label, perSecond: accepted / seconds, p50: result.latency.p50, p99: result.latency.p99, accepted, refused: result.non2xx + result.errors + result.timeouts };
}

/// `submitComment` called directly, without HTTP: what the intake path itself costs (session
/// validation and the route excluded), for `count` new commenters from distinct addresses.
async function inProcess(db: Db, consultationId: string, eids: string[], count: number): Promise<Row> {
  const people = Array.from({ length: count }, (_, i) => insertTestUser(db, 'public', `进程内市民${i}`));
  const latencies: number[] = [];
  const start = performance.now();
  for (const [i, person] of people.entries()) {
    const t0 = performance.now();
    await submitComment(sqliteEngine(db), person, consultationId, { articleEid: eids[i % eids.length], body: `进程内意见${i}：建议明确有关部门的职责。` }, { address: `172.16.${i >> 8}.${i & 255}` });
    latencies.push(performance.now() - t0);
  }
  const seconds = (performance.now() - start) / 1000;
  return { label: 'submitComment in-process (no HTTP)', perSecond: count / seconds, p50: at(latencies, 50), p99: at(latencies, 99), accepted: count, refused: 0 };
}

/// Raw better-sqlite3 inserts of the same row shape, one implicit transaction each, for `seconds`.
function rawInserts(db: Db, consultationId: string, seconds: number): Row {
  const insert = db.$client.prepare(
    "insert into consultation_comments (id, consultation_id, reference, body, status, body_key, created_at) values (?, ?, ?, ?, 'published', '', ?)",
  );
  const until = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  while (performance.now() < until) {
    const id = randomUUID();
    const start = performance.now();
    insert.run(id, consultationId, `BENCH-${id}`, '基准意见', Date.now());
    latencies.push(performance.now() - start);
  }
  return { label: 'raw SQLite insert (this process)', perSecond: latencies.length / seconds, p50: at(latencies, 50), p99: at(latencies, 99), accepted: latencies.length, refused: 0 };
}

function printRows(rows: Row[]): void {
  const table = [
    ['path', 'accepted/s', 'p50 ms', 'p99 ms', 'accepted', 'refused'],
    ...rows.map((r) => [r.label, r.perSecond.toFixed(0), String(r.p50), String(r.p99), String(r.accepted), String(r.refused)]),
  ];
  printTable(table);
}
