import { afterAll, beforeAll } from 'vitest';
import { sqliteEngine, postgresEngine, type Engine } from './engine';
import { freshDatabase } from './testing';
import { migratePgDatabase, openPgDatabase, type PgDb } from './pgClient';
import { startLocalPostgres, type LocalPostgres } from '../scripts/localPostgres';

/// The engines a domain test file runs on: `describe.each(engines())` gives each a fresh
/// database — a SQLite file, and a private PostgreSQL server (Debian's package) — set up before
/// the file's tests and removed after them. `engine()` is only valid inside a test.
export function engines(): { name: 'SQLite' | 'PostgreSQL'; engine: () => Engine }[] {
  let sqlite: ReturnType<typeof freshDatabase> | undefined;
  let server: LocalPostgres | undefined;
  let pg: PgDb | undefined;
  let pgEngine: Engine | undefined;
  beforeAll(async () => {
    sqlite = freshDatabase();
    server = await startLocalPostgres();
    pg = openPgDatabase(server.url);
    await migratePgDatabase(pg);
    pgEngine = postgresEngine(pg);
  }, 60_000);
  afterAll(async () => {
    sqlite?.cleanup();
    await pg?.$client.end();
    server?.dispose();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not set up yet: use engine() inside a test`);
    return value;
  };
  return [
    { name: 'SQLite', engine: () => sqliteEngine(ready(sqlite, 'the SQLite database').db) },
    { name: 'PostgreSQL', engine: () => ready(pgEngine, 'the PostgreSQL database') },
  ];
}
