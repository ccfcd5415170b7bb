import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { migrateDatabase, openDatabase, type Db } from '@/db/client';
import { sqliteEngine } from '@/db/engine';
import { auditHead, canonicalJson, genesisHash, hashAuditEntry, listAuditEvents, listDailyHeads, recordAudit, verifyAuditChain } from '@/lib/audit';
import { insertTestUser } from '@/lib/auth/testing';
import { median, printTable, timeAwaitedRounds, timeRounds } from './report';

/// Appends per measured round and variant; rounds alternate between the variants so that a
/// slow spell of the machine is shared out rather than landing on one of them.
const APPENDS = Number(process.env.BENCH_AUDIT_APPENDS ?? 5000);
const ROUNDS = Number(process.env.BENCH_AUDIT_ROUNDS ?? 7);
/// Entries of the log that `audit verify` walks.
const ENTRIES = Number(process.env.BENCH_AUDIT_ENTRIES ?? 1_000_000);

/// The audit table without the chain: the same columns and indexes, no prev_hash / hash, no
/// triggers — what the log was before issue 14.
const PLAIN_TABLE = `CREATE TABLE audit_plain (
  id integer PRIMARY KEY AUTOINCREMENT NOT NULL, at integer NOT NULL, actor_id text REFERENCES users(id) ON DELETE SET NULL,
  action text NOT NULL, target_type text NOT NULL, target_id text NOT NULL, detail text);
CREATE INDEX audit_plain_target_idx ON audit_plain (target_type, target_id);
CREATE INDEX audit_plain_at_idx ON audit_plain (at);`;

const auditPlain = sqliteTable('audit_plain', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  actorId: text('actor_id'),
  action: text('action').notNull(),
  targetType: text('target_type').notNull(),
  targetId: text('target_id').notNull(),
  detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
});

/// A detail the size of a typical one (version.create, comment.dispose).
const detailOf = (i: number) => ({ billId: `bill-${i % 97}`, seq: i, name: '征求意见稿', kind: 'frozen', reason: null, articles: 64, changed: i % 7 });

const CHAIN = 'recordAudit (hash chain)';
const PLAIN = 'plain insert, no chain (prepared)';

interface AppendRow {
  label: string;
  perSecond: number;
  usPerAppend: number;
}

/// `npm run bench -- audit`: (1) appends per second through `recordAudit` (the hash chain)
/// beside the same inserts without the chain, one transaction per append as the product writes
/// them and also many in one transaction (the chain's CPU cost alone); (2) `audit verify` over
/// 1,000,000 entries generated with the real hashing, in a temporary database.
export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lawbench-bench-audit-'));
  try {
    const appends = measureAppends(path.join(dir, 'appends.db'));
    const verify = await measureVerify(path.join(dir, 'verify.db'));

    printTable([
      ['appends', 'appends/s', 'µs each', 'vs plain'],
      ...appends.rows.map((r) => [r.label, r.perSecond.toFixed(0), r.usPerAppend.toFixed(1), `${((r.perSecond / appends.baseline(r.label)) * 100).toFixed(0)} %`]),
    ]);
    console.log('');
    printTable([
      [`${ENTRIES.toLocaleString('en')} entries`, 'ms'],
      ['generate (real hashing, one transaction)', verify.generateMs.toFixed(0)],
      ['verifyAuditChain (median of 3)', verify.verifyMs.toFixed(0)],
      ['lawbench audit verify (CLI, with start-up)', verify.cliMs.toFixed(0)],
      ['auditHead', verify.headMs.toFixed(2)],
      ['listDailyHeads, first page of 30 days', verify.dailyMs.toFixed(2)],
      ['listAuditEvents, one bill (matches none: full scan)', verify.billScanMs.toFixed(0)],
    ]);
    const perTx = appends.ratio('per transaction');
    const batched = appends.ratio('in one transaction');
    const verifyOk = verify.verifyMs < 10_000;
    console.log(`\ndatabase: ${(verify.bytes / 1e6).toFixed(0)} MB; CLI said: ${verify.cliOut}`);
    console.log(
      `goal: chaining costs < 10 % (one transaction per append: ${((1 - perTx) * 100).toFixed(1)} %, ${perTx >= 0.9 ? 'met' : 'missed'}; ` +
        `all in one transaction: ${((1 - batched) * 100).toFixed(1)} %) and verify of ${ENTRIES.toLocaleString('en')} < 10 s (${(verify.verifyMs / 1000).toFixed(2)} s: ${verifyOk ? 'met' : 'missed'})`,
    );
    console.log(
      JSON.stringify({
        bench: 'audit',
        appendsPerRound: APPENDS,
        rounds: ROUNDS,
        appends: appends.rows,
        chainCostPerTransaction: Math.round((1 - perTx) * 1000) / 1000,
        chainCostInOneTransaction: Math.round((1 - batched) * 1000) / 1000,
        entries: ENTRIES,
        generateMs: Math.round(verify.generateMs),
        verifyMs: Math.round(verify.verifyMs),
        verifyCliMs: Math.round(verify.cliMs),
        headMs: Math.round(verify.headMs * 100) / 100,
        dailyHeadsMs: Math.round(verify.dailyMs * 100) / 100,
        billScanMs: Math.round(verify.billScanMs),
        databaseBytes: verify.bytes,
        goalsMet: { chainUnder10Percent: perTx >= 0.9, verifyUnder10s: verifyOk },
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function measureAppends(file: string) {
  const db = openDatabase(file);
  migrateDatabase(db);
  db.$client.exec(PLAIN_TABLE);
  const actor = insertTestUser(db, 'drafter', '基准起草人');
  const plain = db.$client.prepare('INSERT INTO audit_plain (at, actor_id, action, target_type, target_id, detail) VALUES (?, ?, ?, ?, ?, ?)');
  const oldDb = drizzle(db.$client);
  let n = 0;
  const event = (actorId = actor.id) => ({ actorId, action: 'version.create', targetType: 'draft_version', targetId: `v-${++n}`, detail: detailOf(n) });
  const insertPlain = () => {
    const e = event();
    plain.run(Date.now(), e.actorId, e.action, e.targetType, e.targetId, JSON.stringify(e.detail));
  };
  const insertOld = () => oldDb.insert(auditPlain).values({ at: new Date(), ...event() }).run();

  // Each variant as the product writes it: inside a drizzle transaction of its own (`one`), or
  // `count` of them inside one transaction (`many`, the CPU cost without the commits).
  const variant = (label: string, on: Db, append: (tx: Db) => void) => ({
    label,
    one: () => on.transaction((tx) => append(tx as unknown as Db)),
    many: (count: number) =>
      on.transaction((tx) => {
        for (let i = 0; i < count; i++) append(tx as unknown as Db);
      }),
  });
  const variants = [
    variant(CHAIN, db, (tx) => recordAudit(tx, event(), new Date())),
    variant(PLAIN, db, insertPlain),
    variant('before issue 14: drizzle insert, no chain', db, insertOld),
  ];

  const rows: (AppendRow & { mode: string; variant: string })[] = [];
  for (const mode of ['per transaction', 'in one transaction'] as const) {
    // Warm-up: the JIT, the prepared statements, the page cache.
    for (const v of variants) {
      if (mode === 'per transaction') for (let i = 0; i < 200; i++) v.one();
      else v.many(1000);
    }
    const ms = new Map<string, number[]>(variants.map((v) => [v.label, []]));
    for (let r = 0; r < ROUNDS; r++) {
      for (const v of r % 2 ? [...variants].reverse() : variants) {
        const start = performance.now();
        if (mode === 'per transaction') for (let i = 0; i < APPENDS; i++) v.one();
        else v.many(APPENDS);
        ms.get(v.label)!.push(performance.now() - start);
      }
    }
    for (const v of variants) {
      const m = median(ms.get(v.label)!);
      rows.push({ label: `${v.label}, ${mode}`, mode, variant: v.label, perSecond: APPENDS / (m / 1000), usPerAppend: (m * 1000) / APPENDS });
    }
  }
  for (const d of [db]) {
    const check = verifyAuditChain({}, d);
    if (!check.ok) throw new Error(`the appended chain does not verify: ${JSON.stringify(check)}`);
    d.$client.close();
  }
  const find = (variant: string, mode: string) => rows.find((r) => r.variant === variant && r.mode === mode)!;
  return {
    rows: rows.map(({ label, perSecond, usPerAppend }) => ({ label, perSecond: Math.round(perSecond), usPerAppend: Math.round(usPerAppend * 10) / 10 })),
    baseline: (label: string) => find(PLAIN, rows.find((r) => r.label === label)!.mode).perSecond,
    ratio: (mode: string, chain = CHAIN) => find(chain, mode).perSecond / find(PLAIN, mode).perSecond,
  };
}

async function measureVerify(file: string) {
  const db = openDatabase(file);
  migrateDatabase(db);
  const actors = Array.from({ length: 20 }, (_, i) => insertTestUser(db, 'drafter', `起草人${i}`).id);
  const generateMs = generate(db, actors);
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  const engine = sqliteEngine(db);
  const head = await auditHead(engine);

  let report: ReturnType<typeof verifyAuditChain> | undefined;
  const verifyMs = median(timeRounds(() => (report = verifyAuditChain({ expect: { seq: Math.ceil(ENTRIES / 2), hash: hashAt(db, Math.ceil(ENTRIES / 2)) } }, db)), 3));
  if (!report?.ok || report.count !== ENTRIES || report.head.hash !== head.hash) throw new Error(`verify did not pass the generated chain: ${JSON.stringify(report)}`);
  const headMs = median(await timeAwaitedRounds(() => auditHead(engine), 20));
  const dailyMs = median(await timeAwaitedRounds(() => listDailyHeads(engine, { page: 1, pageSize: 30 }), 5));
  const billScanMs = median(await timeAwaitedRounds(() => listAuditEvents(engine, { billId: 'no-such-bill', limit: 51 }), 3));
  db.$client.close();

  const started = performance.now();
  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'cli/lawbench.ts', 'audit', 'verify', '--expect', `${head.seq}:${head.hash}`], {
    cwd: process.cwd(),
    encoding: 'utf8',
    env: { ...process.env, DATABASE_PATH: file },
  });
  const cliMs = performance.now() - started;
  if (cli.status !== 0) throw new Error(`lawbench audit verify failed: ${cli.stderr}`);
  return { generateMs, verifyMs, cliMs, headMs, dailyMs, billScanMs, bytes: statSync(file).size, cliOut: cli.stdout.trim() };
}

/// Writes ENTRIES chained entries, hashed exactly as recordAudit hashes them, spread over a year
/// (one every ~31 s) among 20 actors. The indexes are dropped while writing and built after,
/// as a bulk load would; the triggers stay.
function generate(db: Db, actors: string[]): number {
  const c = db.$client;
  const start = performance.now();
  const indexes = c.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_events' AND sql IS NOT NULL").pluck().all() as string[];
  c.exec("DROP INDEX audit_events_target_idx; DROP INDEX audit_events_at_idx;");
  const insert = c.prepare('INSERT INTO audit_events (id, at, actor_id, action, target_type, target_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const t0 = Date.parse('2025-01-01T00:00:00Z');
  const step = Math.floor((365 * 86_400_000) / ENTRIES);
  const actions = ['version.create', 'comment.moderate', 'comment.dispose', 'bill.member', 'consultation.open'];
  c.transaction(() => {
    let prevHash = genesisHash;
    for (let seq = 1; seq <= ENTRIES; seq++) {
      const e = { seq, atMs: t0 + seq * step, actorId: actors[seq % actors.length], action: actions[seq % actions.length], targetType: 'draft_version', targetId: `v-${seq}`, detailText: canonicalJson(detailOf(seq)), prevHash };
      const hash = hashAuditEntry(e);
      insert.run(e.seq, e.atMs, e.actorId, e.action, e.targetType, e.targetId, e.detailText, e.prevHash, hash);
      prevHash = hash;
    }
  })();
  for (const sql of indexes) c.exec(sql);
  return performance.now() - start;
}

function hashAt(db: Db, seq: number): string {
  return db.$client.prepare('SELECT hash FROM audit_events WHERE id = ?').pluck().get(seq) as string;
}
