import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import * as schema from './schema';
import { startWalCheckpointer } from './startWalCheckpointer';

/// The typed database handle every `lib` function receives.
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/// Where the committed drizzle-kit migrations live (the process runs from the project root).
export const migrationsFolder = path.resolve(process.cwd(), 'db/migrations');

/// Opens (creating if needed) a SQLite file with the house settings: WAL, foreign keys, busy timeout.
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return drizzle(sqlite, { schema }) as Db;
}

/// Applies every committed migration that has not run yet.
export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder });
}

/// The configured database file: `DATABASE_PATH`, default `./data/lawbench.db`.
export function databasePath(): string {
  return process.env.DATABASE_PATH || './data/lawbench.db';
}

let shared: Db | undefined;
let stopCheckpointer: (() => Promise<void>) | undefined;

/// The process-wide database, opened and migrated on first use (never at import time, so
/// `next build` does not touch the file). Its WAL is checkpointed from a worker thread, so no
/// request stalls on an fsync the way SQLite's automatic checkpoint would make one.
export function getDatabase(): Db {
  if (!shared) {
    refusePostgresForNow(process.env.DATABASE_URL);
    shared = openDatabase(databasePath());
    migrateDatabase(shared);
    stopCheckpointer = startWalCheckpointer(shared);
  }
  return shared;
}

/// Stops with a plain message when `DATABASE_URL` asks for PostgreSQL and yet something asks for
/// the SQLite database: a piece of code that still reads SQLite synchronously (docs/postgres.md
/// lists what remains). Running it on SQLite while the operator asked for PostgreSQL would write
/// where nobody looks.
export function refusePostgresForNow(url: string | undefined): void {
  if (!url) return;
  throw new Error(
    `DATABASE_URL is set (${url.replace(/\/\/[^@/]*@/, '//…@')}), but this part of Lawbench still runs on SQLite only (docs/postgres.md). Unset DATABASE_URL to use SQLite at DATABASE_PATH (${databasePath()}).`,
  );
}

/// Closes the process-wide database (tests and shutdown).
export function closeDatabase(): void {
  void stopCheckpointer?.();
  stopCheckpointer = undefined;
  shared?.$client.close();
  shared = undefined;
}
