import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, getTableName, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from './schema-pg';
import { auditEvents, bills, drafts, regulations, regulationVersions, searchVersions, users } from './schema-pg';
import { migratePgDatabase, openPgDatabase, type PgDb } from './pgClient';
import { startLocalPostgres, type LocalPostgres } from '../scripts/localPostgres';

// The PostgreSQL migrations on a real PostgreSQL (Debian's package, a private server on a free
// port): they create what db/schema-pg describes, plus the hand-written objects SQLite has.
let server: LocalPostgres;
let db: PgDb;
beforeAll(async () => {
  server = await startLocalPostgres();
  db = openPgDatabase(server.url);
}, 60_000);
afterAll(async () => {
  await db?.$client.end();
  server?.dispose();
});

describe('migratePgDatabase', () => {
  it('applies every migration once, even when two processes start together', async () => {
    const other = openPgDatabase(server.url);
    await Promise.all([migratePgDatabase(db), migratePgDatabase(other)]);
    await migratePgDatabase(other);
    await other.$client.end();
    const applied = await db.$client.query('select count(*)::int as n from drizzle.__drizzle_migrations');
    expect(applied.rows[0].n).toBe(2);
  });

  it('creates every table and column of db/schema-pg, with the same NOT NULL', async () => {
    const { rows } = await db.$client.query<{ table_name: string; column_name: string; is_nullable: string }>(
      "select table_name, column_name, is_nullable from information_schema.columns where table_schema = 'public'",
    );
    const inDatabase = new Map<string, Map<string, boolean>>();
    for (const r of rows) inDatabase.set(r.table_name, (inDatabase.get(r.table_name) ?? new Map()).set(r.column_name, r.is_nullable === 'NO'));
    const tables = Object.values(schema as Record<string, unknown>).filter((v): v is PgTable => is(v, PgTable));
    expect(tables.length).toBeGreaterThan(30);
    for (const table of tables) {
      const columns = inDatabase.get(getTableName(table));
      expect(columns, getTableName(table)).toBeDefined();
      expect(Object.fromEntries(columns!)).toEqual(Object.fromEntries(getTableConfig(table).columns.map((c) => [c.name, c.notNull])));
    }
    // And the two SQLite keeps outside its drizzle schema.
    expect([...inDatabase.keys()]).toEqual(expect.arrayContaining(['search_postings', 'search_stats']));
  });

  it('gives back what was written: Buffers, dates to the millisecond, enums, JSON', async () => {
    const at = new Date('2026-12-05T08:09:10.123Z');
    await db.insert(users).values({ id: 'u1', email: 'wang@example.cn', name: '王芳', passwordHash: 'x', role: 'drafter', disabledAt: at });
    await db.insert(bills).values({ id: 'b1', title: '舟山市养犬管理条例', kind: 'local_regulation', createdBy: 'u1' });
    const snapshot = Buffer.from([0, 1, 2, 255]);
    await db.insert(drafts).values({ id: 'd1', billId: 'b1', snapshot });
    const [user] = await db.select().from(users).where(eq(users.id, 'u1'));
    expect(user.disabledAt).toEqual(at);
    expect(user.createdAt).toBeInstanceOf(Date);
    const [draft] = await db.select().from(drafts).where(eq(drafts.id, 'd1'));
    expect(Buffer.isBuffer(draft.snapshot)).toBe(true);
    expect([...draft.snapshot!]).toEqual([0, 1, 2, 255]);
    expect(draft.snapshotUpdateId).toBe(0);
    const [bill] = await db.select().from(bills).where(eq(bills.id, 'b1'));
    expect(bill.stage).toBe('drafting');
  });

  it('keeps the search totals and their generation by trigger', async () => {
    const totals = async () => (await db.$client.query('select versions::int, articles::int, generation::int from search_stats where id = 1')).rows[0];
    expect(await totals()).toEqual({ versions: 0, articles: 0, generation: 0 });
    await db.insert(regulations).values({ id: 'r1', slug: '舟山市养犬管理条例', title: '舟山市养犬管理条例', kind: 'local_regulation' });
    await db.insert(regulationVersions).values({ id: 'v1', regulationId: 'r1', seq: 1, change: 'original', title: '舟山市养犬管理条例', infoLines: [], events: [], structure: {}, sourceText: '第一条　……' });
    await db.insert(searchVersions).values({ versionId: 'v1', regulationId: 'r1', articles: 52, postings: 4000, textHash: 4_000_000_000, articleIds: [] });
    expect(await totals()).toEqual({ versions: 1, articles: 52, generation: 1 });
    await db.delete(searchVersions).where(eq(searchVersions.versionId, 'v1'));
    expect(await totals()).toEqual({ versions: 0, articles: 0, generation: 2 });
  });

  it('keeps the audit chain append-only', async () => {
    const [row] = await db.insert(auditEvents).values({ at: new Date(), action: 'test.sealed', targetType: 'bill', targetId: 'b1', detail: { b: 1, a: 2 }, hash: 'h1' }).returning();
    const refused = { cause: { message: 'audit_events is append-only' } };
    await expect(db.update(auditEvents).set({ action: 'test.changed' }).where(eq(auditEvents.id, row.id))).rejects.toMatchObject(refused);
    await expect(db.delete(auditEvents).where(eq(auditEvents.id, row.id))).rejects.toMatchObject(refused);
    // The JSON text is kept as written (key order included), which the chain's hash covers.
    const text = await db.$client.query('select detail::text as t from audit_events where id = $1', [row.id]);
    expect(text.rows[0].t).toBe('{"b":1,"a":2}');
  });

  it('starts the library change count at 1', async () => {
    expect((await db.$client.query('select id, generation::int from library_generation')).rows).toEqual([{ id: 1, generation: 1 }]);
  });
});
