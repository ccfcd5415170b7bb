import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { closeDatabase, getDatabase, type Db } from './client';
import { migratePgDatabase, openPgDatabase, type PgDb } from './pgClient';
import * as schema from './schema';
import * as pgSchema from './schema-pg';

/// Which database a piece of domain code runs on, and how it reaches it. Code written against an
/// `Engine` runs on both SQLite and PostgreSQL: it builds queries with drizzle through `db` and
/// the tables of `t`, and only ever awaits them (never `.get()`, `.all()` or `.run()`, which exist
/// on SQLite alone). Both are typed as SQLite's: db/schemaParity.test.ts proves that the two
/// schemas give the same row types, so a query typed for one reads the same rows from the other.
/// The way there for the whole data layer is in docs/postgres.md.
export type Engine = { kind: 'sqlite' | 'postgres'; db: Db; t: typeof schema };

/// The engine of a SQLite database.
export function sqliteEngine(db: Db): Engine {
  return { kind: 'sqlite', db, t: schema };
}

/// The engine of a PostgreSQL database: its own tables (db/schema-pg) under SQLite's types.
export function postgresEngine(db: PgDb): Engine {
  return { kind: 'postgres', db: db as unknown as Db, t: pgSchema as unknown as typeof schema };
}

let shared: { db: Db; engine: Engine } | undefined;

/// The process's PostgreSQL engine, kept on `globalThis` so that every bundle Next.js makes of this
/// module (pages, routes, the proxy) shares one pool per process.
const pgSlot = Symbol.for('lawbench.postgresEngine');
type PgShared = { url: string; engine: Engine; migrated?: Promise<void> };
const pgShared = (): { [pgSlot]?: PgShared } => globalThis as { [pgSlot]?: PgShared };

/// The process-wide engine: PostgreSQL when `DATABASE_URL` names one (a pool opened on first use,
/// never at import time; `prepareDatabase` applies its migrations), else the SQLite database at
/// `DATABASE_PATH`, opened and migrated on first use. The same `Engine` object for as long as the
/// database stays open.
export function getEngine(): Engine {
  const url = process.env.DATABASE_URL;
  if (url) {
    const g = pgShared();
    if (g[pgSlot]?.url !== url) g[pgSlot] = { url, engine: postgresEngine(openPgDatabase(url)) };
    return g[pgSlot].engine;
  }
  const db = getDatabase();
  if (shared?.db !== db) shared = { db, engine: sqliteEngine(db) };
  return shared.engine;
}

/// The process-wide engine with every committed migration applied: on PostgreSQL once per
/// process (under the migration lock, so processes starting together apply each once), on
/// SQLite as `getDatabase` does. Start-up code (the web server, the CLI, the seeders) awaits it
/// before the first request.
export async function prepareDatabase(): Promise<Engine> {
  const engine = getEngine();
  if (engine.kind === 'postgres') {
    const g = pgShared()[pgSlot]!;
    g.migrated ??= migratePgDatabase(engine.db as unknown as PgDb);
    await g.migrated;
  }
  return engine;
}

/// Closes the process-wide database, whichever it is (scripts, when they are done).
export async function closeEngine(): Promise<void> {
  closeDatabase();
  const g = pgShared();
  const pg = g[pgSlot];
  g[pgSlot] = undefined;
  await (pg?.engine.db as unknown as PgDb | undefined)?.$client.end();
}

/// Runs a statement of PostgreSQL's own (a lock, a setting) on a PostgreSQL engine or one of its
/// transactions, for what drizzle has no builder for. Both engines are typed as SQLite's, whose
/// drizzle has no `execute`; on PostgreSQL it is there.
export function executeOnPostgres(engine: Engine, statement: SQL): Promise<unknown> {
  if (engine.kind !== 'postgres') return Promise.reject(new Error('executeOnPostgres: this engine is SQLite'));
  return (engine.db as unknown as { execute(query: SQL): Promise<unknown> }).execute(statement);
}

/// Inside a transaction (`tx` of withTransaction): on PostgreSQL, holds the row of `table` whose
/// `id` is given (`for update`) until the transaction ends, so that a second change of that row
/// that reads before it writes waits for the first and then sees what it wrote. Nothing to do on
/// SQLite, whose transaction holds the database's write lock already.
export async function lockRow(tx: Engine, table: SQLiteTable & { id: SQLiteColumn }, id: string): Promise<void> {
  if (tx.kind === 'postgres') await executeOnPostgres(tx, sql`select 1 from ${table} where ${table.id} = ${id} for update`);
}
