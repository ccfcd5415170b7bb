import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { sqliteEngine, postgresEngine, type Engine } from './engine';
import { freshDatabase } from './testing';
import { openPgDatabase, type PgDb } from './pgClient';
import { testTemplateDatabase } from './sharedTestPostgres';

/// The engines a domain test file runs on: `describe.each(engines())` gives each a fresh,
/// migrated database — a SQLite file, and a PostgreSQL database of its own, copied from the
/// migrated template on the run's shared test server (db/sharedTestPostgres.ts) — set up before
/// the file's tests and dropped after them. `engine()` is only valid inside a test.
export function engines(): { name: 'SQLite' | 'PostgreSQL'; engine: () => Engine }[] {
  let sqlite: ReturnType<typeof freshDatabase> | undefined;
  let database: { name: string; adminUrl: string } | undefined;
  let pgDb: PgDb | undefined;
  let pgEngine: Engine | undefined;
  beforeAll(async () => {
    sqlite = freshDatabase();
    const server = inject('testPostgres');
    if ('error' in server) throw new Error(`the tests' PostgreSQL did not start: ${server.error}`);
    database = { name: `test_${randomBytes(6).toString('hex')}`, adminUrl: server.adminUrl };
    await onAdmin(database.adminUrl, `CREATE DATABASE ${database.name} TEMPLATE ${testTemplateDatabase}`);
    pgDb = openPgDatabase(database.adminUrl.replace(/\/postgres$/, `/${database.name}`));
    pgEngine = postgresEngine(pgDb);
  }, 60_000);
  afterAll(async () => {
    sqlite?.cleanup();
    await pgDb?.$client.end();
    if (database) await onAdmin(database.adminUrl, `DROP DATABASE IF EXISTS ${database.name} WITH (FORCE)`);
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

/// Runs one statement on the test server's admin database (creating or dropping a database
/// cannot run inside a pool's transaction).
async function onAdmin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
