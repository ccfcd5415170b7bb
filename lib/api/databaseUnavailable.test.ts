import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { isDatabaseUnavailable } from '@/db/databaseUnavailable';
import { postgresEngine, type Engine } from '@/db/engine';
import { migratePgDatabase, openPgDatabase, type PgDb } from '@/db/pgClient';
import { freshDatabase } from '@/db/testing';
import { withTransaction } from '@/db/withTransaction';
import { insertTestAccount } from '@/lib/auth/testing';
import { createBill } from '@/lib/drafting';
import { startLocalPostgres, type LocalPostgres } from '../../scripts/localPostgres';
import { handleApi } from './handleApi';
import { jsonResponse } from './errorResponse';

// A request that meets a database it cannot reach gets a clear 503 with Retry-After, in the
// caller's language, and nothing of what it had begun to write is kept.
let pg: LocalPostgres;
let pool: PgDb;
let engine: Engine;

beforeAll(async () => {
  pg = await startLocalPostgres();
  pool = openPgDatabase(pg.url);
  await migratePgDatabase(pool);
  engine = postgresEngine(pool);
}, 60_000);
afterAll(async () => {
  await pool?.$client.end();
  pg?.dispose();
});

const post = (locale = 'zh-CN') => new Request('http://localhost/api/v1/bills', { method: 'POST', headers: { origin: 'http://localhost', host: 'localhost', 'accept-language': locale } });
const billFrom = (title: string) => ({ title, kind: 'local_regulation' as const, from: { text: `${title}\n\n第一条　为了测试，制定本条例。` } });

async function billsTitled(title: string): Promise<number> {
  const { bills } = engine.t;
  return (await engine.db.select({ id: bills.id }).from(bills).where(eq(bills.title, title))).length;
}

describe('a request while PostgreSQL restarts', () => {
  it('answers 503 with Retry-After while the server is down, and works again once it is back', async () => {
    const drafter = await insertTestAccount(engine, { role: 'drafter' });
    pg.stop();
    try {
      const down = await handleApi(post(), async () => jsonResponse(await createBill(engine, drafter, billFrom('某市停机期间条例')), { status: 201 }));
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('5');
      expect(await down.json()).toEqual({ error: { code: 'database_unavailable', message: '数据库暂时无法连接，本次操作没有完成，请稍后重试。' } });
      const english = await handleApi(post('en'), async () => jsonResponse(await createBill(engine, drafter, billFrom('某市停机期间条例'))));
      expect(((await english.json()) as { error: { message: string } }).error.message).toMatch(/^The database cannot be reached just now/);
    } finally {
      pg.start();
    }
    const up = await handleApi(post(), async () => jsonResponse(await createBill(engine, drafter, billFrom('某市恢复之后条例')), { status: 201 }));
    expect(up.status).toBe(201);
    expect(await billsTitled('某市停机期间条例')).toBe(0);
    expect(await billsTitled('某市恢复之后条例')).toBe(1);
  }, 60_000);

  it('keeps nothing of a transaction the restart cut in the middle', async () => {
    const drafter = await insertTestAccount(engine, { role: 'drafter' });
    let stopped!: () => void;
    const restartDone = new Promise<void>((resolve) => (stopped = resolve));
    const response = handleApi(post(), () =>
      withTransaction(engine, async (tx) => {
        // The bill's row is written, then the server goes away before the rest is.
        await tx.db.insert(tx.t.bills).values({ id: crypto.randomUUID(), title: '某市半途条例', kind: 'local_regulation', createdBy: drafter.id });
        await restartDone;
        await tx.db.insert(tx.t.bills).values({ id: crypto.randomUUID(), title: '某市半途条例', kind: 'local_regulation', createdBy: drafter.id });
        return jsonResponse({ ok: true });
      }),
    );
    // Give the first insert time to reach the server, then restart it under the open transaction.
    await new Promise((r) => setTimeout(r, 200));
    pg.stop();
    pg.start();
    stopped();
    const answer = await response;
    expect(answer.status).toBe(503);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('database_unavailable');
    expect(await billsTitled('某市半途条例')).toBe(0);
  }, 60_000);
});

describe('the connection pool across a restart', () => {
  it('gives back every connection a failed transaction took, so requests after the restart are served', async () => {
    const drafter = await insertTestAccount(engine, { role: 'drafter' });
    const size = 10; // openPgDatabase's pool
    // Fill the pool with open connections, then stop the server under all of them at once.
    await Promise.all(Array.from({ length: size }, () => engine.db.select({ id: engine.t.users.id }).from(engine.t.users).limit(1)));
    pg.stop();
    try {
      // Each takes a connection whose server is gone; `BEGIN` fails on it.
      const answers = await Promise.all(Array.from({ length: size + 2 }, () => handleApi(post(), async () => jsonResponse(await createBill(engine, drafter, billFrom('某市重启期间条例'))))));
      expect(answers.map((a) => a.status)).toEqual(Array.from({ length: size + 2 }, () => 503));
    } finally {
      pg.start();
    }
    const after = await handleApi(post(), async () => jsonResponse(await createBill(engine, drafter, billFrom('某市重启之后条例')), { status: 201 }));
    expect(after.status).toBe(201);
    expect(pool.$client.totalCount - pool.$client.idleCount).toBe(0);
  }, 60_000);
});

describe('isDatabaseUnavailable', () => {
  it('tells SQLite locked past its busy timeout from a fault of the request', () => {
    const t = freshDatabase();
    const other = new Database(t.file, { timeout: 0 });
    try {
      t.db.$client.exec('begin immediate');
      let busy: unknown;
      try {
        other.exec("insert into users (id, email, name, password_hash, role) values ('x', 'x@test', 'x', 'x', 'public')");
      } catch (e) {
        busy = e;
      }
      t.db.$client.exec('rollback');
      expect(isDatabaseUnavailable(busy)).toBe(true);
      let constraint: unknown;
      try {
        other.exec("insert into users (id, email, name, password_hash, role) values (null, 'x@test', 'x', 'x', 'public')");
      } catch (e) {
        constraint = e;
      }
      expect(constraint).toBeInstanceOf(Error);
      expect(isDatabaseUnavailable(constraint)).toBe(false);
      expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
      expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
    } finally {
      other.close();
      t.cleanup();
    }
  });
});
