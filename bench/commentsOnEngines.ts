import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { migrateDatabase, openDatabase } from '@/db/client';
import { postgresEngine, sqliteEngine, type Engine } from '@/db/engine';
import { migratePgDatabase, openPgDatabase } from '@/db/pgClient';
import { insertTestAccount } from '@/lib/auth/testing';
import type { CurrentUser } from '@/lib/auth';
import { openConsultation, submitComment } from '@/lib/consultation';
import { createBill } from '@/lib/drafting';
import { addDays, todayInChina } from '@/lib/shared';
import { startLocalPostgres } from '../scripts/localPostgres';
import { checkStoredEqualsAccepted } from './checks';
import { failOnProblems, percentile, printChecks, printTable } from './report';

/// Comments per measured run on each engine, and how many are in flight at once (as many
/// requests of the HTTP bench's connections would be).
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 4000);
const IN_FLIGHT = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SEED_TEXT = path.resolve(process.cwd(), 'db/seed/regulations/reg-078-zhoushan.md');

type Row = { label: string; perSecond: number; p50: number; p99: number; accepted: number; refused: number };

/// An open post-moderated consultation on a real text, and one commenter per comment.
async function seed(engine: Engine, commenters: number): Promise<{ consultationId: string; eids: string[]; people: CurrentUser[] }> {
  const drafter = await insertTestAccount(engine, { role: 'drafter', name: '基准起草人' });
  const { draftId } = await createBill(engine, drafter, { title: '舟山市养犬管理条例（修订草案）', kind: 'local_regulation', from: { text: readFileSync(SEED_TEXT, 'utf8') } });
  const today = todayInChina();
  const { id: consultationId, versionId } = await openConsultation(engine, drafter, draftId, { description: '基准测试', explanation: '基准测试', opensOn: today, closesOn: addDays(today, 29), moderation: 'post' });
  const { draftVersions } = engine.t;
  const [version] = await engine.db.select({ structure: draftVersions.structure }).from(draftVersions).where(eq(draftVersions.id, versionId));
  const eids = (JSON.parse(version.structure) as { articles: { eid: string }[] }).articles.map((a) => a.eid);
  const people: CurrentUser[] = [];
  for (let i = 0; i < commenters; i++) people.push(await insertTestAccount(engine, { name: `市民${i}` }));
  return { consultationId, eids, people };
}

/// Runs `work(i)` for i in [0, n) with `inFlight` calls under way at once; each call's time in ms.
async function timedPool(n: number, inFlight: number, work: (i: number) => Promise<unknown>): Promise<{ seconds: number; latencies: number[]; failed: number }> {
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      for (let i = next++; i < n; i = next++) {
        const t0 = performance.now();
        try {
          await work(i);
          latencies.push(performance.now() - t0);
        } catch {
          failed++;
        }
      }
    }),
  );
  return { seconds: (performance.now() - start) / 1000, latencies, failed };
}

const ms = (latencies: number[], q: number) => Math.round(percentile(latencies, q) * 1000) / 1000;

function rowOf(label: string, run: { seconds: number; latencies: number[]; failed: number }): Row {
  return { label, perSecond: run.latencies.length / run.seconds, p50: ms(run.latencies, 50), p99: ms(run.latencies, 99), accepted: run.latencies.length, refused: run.failed };
}

/// `submitComment` on one engine (every check, lock and index of the real intake), then the least
/// an insert of the same row costs there (one row, one statement, no checks), each `COMMENTS`
/// times with `IN_FLIGHT` under way; and the count of rows stored against the calls that returned.
async function measure(name: string, engine: Engine): Promise<{ intake: Row; bare: Row; problems: string[] }> {
  const { consultationId, eids, people } = await seed(engine, COMMENTS);
  const intake = await timedPool(COMMENTS, IN_FLIGHT, (i) =>
    submitComment(engine, people[i], consultationId, { articleEid: eids[i % eids.length], body: `建议第${i}号：增加对养犬人的宣传教育，明确街道办事处的职责。` }, { address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }),
  );
  const c = engine.t.consultationComments;
  const bare = await timedPool(COMMENTS, IN_FLIGHT, (i) =>
    engine.db.insert(c).values({ id: randomUUID(), consultationId, reference: `BENCH-${randomUUID()}`, body: `基准意见${i}`, status: 'pending', bodyKey: '', createdAt: new Date() }),
  );
  const [stored] = await engine.db.select({ n: count() }).from(c).where(eq(c.consultationId, consultationId));
  const problem = checkStoredEqualsAccepted(stored.n, intake.latencies.length + bare.latencies.length);
  return { intake: rowOf(`submitComment on ${name}`, intake), bare: rowOf(`one insert on ${name}`, bare), problems: problem ? [`${name}: ${problem}`] : [] };
}

/// `npm run bench -- comments --db postgres`: comment intake in this process on a private
/// PostgreSQL (Debian's package, started in a temporary folder) beside the same run on a SQLite
/// file: accepted comments/s with p50 / p99, each beside the least one insert costs on its engine.
/// Over HTTP it waits for the web process to run on PostgreSQL (docs/postgres.md).
export async function runOnEngines(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lawbench-bench-engines-'));
  const server = await startLocalPostgres();
  const sqlite = openDatabase(path.join(dir, 'bench.db'));
  const pg = openPgDatabase(server.url);
  try {
    migrateDatabase(sqlite);
    await migratePgDatabase(pg);
    const onSqlite = await measure('SQLite', sqliteEngine(sqlite));
    const onPostgres = await measure('PostgreSQL', postgresEngine(pg));
    const rows = [onSqlite.intake, onSqlite.bare, onPostgres.intake, onPostgres.bare];
    printTable([
      ['path', 'accepted/s', 'p50 ms', 'p99 ms', 'accepted', 'refused'],
      ...rows.map((r) => [r.label, r.perSecond.toFixed(0), String(r.p50), String(r.p99), String(r.accepted), String(r.refused)]),
    ]);
    const ratio = onPostgres.intake.perSecond / onSqlite.intake.perSecond;
    console.log(`${COMMENTS} comments per run, ${IN_FLIGHT} in flight; PostgreSQL's pool: 10 connections`);
    console.log(`submitComment on PostgreSQL / on SQLite: ${ratio.toFixed(2)}; each beside one insert on its engine: ${(onSqlite.intake.perSecond / onSqlite.bare.perSecond).toFixed(2)} (SQLite), ${(onPostgres.intake.perSecond / onPostgres.bare.perSecond).toFixed(2)} (PostgreSQL)`);
    const problems = [...onSqlite.problems, ...onPostgres.problems];
    printChecks(problems);
    console.log(
      JSON.stringify({
        bench: 'comments',
        db: 'postgres',
        comments: COMMENTS,
        inFlight: IN_FLIGHT,
        sqlite: { submitComment: onSqlite.intake, oneInsert: onSqlite.bare },
        postgres: { submitComment: onPostgres.intake, oneInsert: onPostgres.bare },
        postgresToSqlite: Math.round(ratio * 1000) / 1000,
        problems,
      }),
    );
    failOnProblems(problems);
  } finally {
    sqlite.$client.close();
    await pg.$client.end();
    server.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
