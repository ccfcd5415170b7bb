import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migratePgDatabase, openPgDatabase } from './pgClient';
import { startLocalPostgres } from '../scripts/localPostgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /// The shared test PostgreSQL of this run (`postgres://…/postgres`, its admin database), or
    /// why it could not start.
    testPostgres: { adminUrl: string } | { error: string };
  }
}

/// The migrated database every test database is copied from (`CREATE DATABASE … TEMPLATE`).
export const testTemplateDatabase = 'lawbench_template';

/// Global setup of the unit tests (vitest.config.mts, vitest.mutation.config.mts): one private
/// PostgreSQL for the whole run, with a migrated template database, instead of a server started
/// and migrated by every test file on `engines()` (about 1 s each, and once per mutant under
/// `npm run mutation`). A server that cannot start is not an error here: only the files that
/// need it fail, with the reason.
export default async function setup(project: TestProject) {
  let server: Awaited<ReturnType<typeof startLocalPostgres>> | undefined;
  try {
    server = await startLocalPostgres();
    const template = openPgDatabase(server.url.replace(/\/lawbench$/, `/${testTemplateDatabase}`), { max: 1 });
    const admin = new pg.Client({ connectionString: adminUrlOf(server.url) });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${testTemplateDatabase}`);
      await migratePgDatabase(template);
    } finally {
      await template.$client.end();
      await admin.end();
    }
    project.provide('testPostgres', { adminUrl: adminUrlOf(server.url) });
  } catch (error) {
    project.provide('testPostgres', { error: error instanceof Error ? error.message : String(error) });
  }
  return () => server?.dispose();
}

/// The URL of the server's `postgres` database, from which databases are created and dropped.
function adminUrlOf(url: string): string {
  return url.replace(/\/[^/]*$/, '/postgres');
}
