import path from 'node:path';
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import * as schema from './schema-pg';
import { noteIfDatabaseUnavailable } from './databaseUnavailable';

/// The typed PostgreSQL handle: drizzle over a `pg` connection pool.
export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

/// Where the committed PostgreSQL migrations live (generated from db/schema-pg, plus the
/// hand-written triggers that mirror SQLite's).
export const pgMigrationsFolder = path.resolve(process.cwd(), 'db/migrations-pg');

/// Lock key under which migrations run, so that several processes starting together apply each
/// migration once (an arbitrary constant: "lawbench" in ASCII).
const migrationLock = 0x6c617762656e6368n;

/// Opens a pool on `url` (`postgres://user@host:port/database`).
export function openPgDatabase(url: string, opts: { max?: number } = {}): PgDb {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10 });
  // An idle client that loses its server (a restart) is dropped from the pool; without a
  // listener the error would end the process.
  pool.on('error', () => {});
  // So would a client checked out when its server goes away (the pool listens only while a
  // client is idle): the query under way fails with the error, which is what reaches the caller
  // (a 503, lib/api/appErrorOf.ts), and the pool drops the client when it is released.
  pool.on('connect', (client) => {
    client.on('error', () => {});
    client.query = noting(client.query.bind(client));
  });
  // A query or a connection that fails because the server cannot be reached is noted on the
  // request under way, which the web server then answers with a 503 page (db/requestState.ts).
  pool.query = noting(pool.query.bind(pool));
  pool.connect = noting(pool.connect.bind(pool));
  return drizzle(pool, { schema }) as PgDb;
}

/// `call` with a failure of its promise (the callback forms return none) noted when it says the
/// database cannot be reached, and passed on.
function noting<F extends (...args: never[]) => unknown>(call: F): F {
  return ((...args: Parameters<F>) => {
    const result = call(...args);
    return result instanceof Promise ? result.catch((e: unknown) => Promise.reject(noteIfDatabaseUnavailable(e))) : result;
  }) as F;
}

/// Applies every committed migration that has not run yet, holding an advisory lock so that two
/// processes starting at once do not both apply one.
export async function migratePgDatabase(db: PgDb): Promise<void> {
  const client = await db.$client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [migrationLock.toString()]);
    try {
      await migrate(drizzle(client, { schema }), { migrationsFolder: pgMigrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [migrationLock.toString()]);
    }
  } finally {
    client.release();
  }
}

/// A PostgreSQL URL as it may be printed: its password, if any, left out.
export function shownDatabaseUrl(url: string): string {
  return url.replace(/(\/\/[^:@/]*):[^@/]*@/, '$1:…@');
}
