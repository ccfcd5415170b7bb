import { closeDatabase, getDatabase } from '@/db/client';
import { postgresEngine, sqliteEngine, type Engine } from '@/db/engine';
import { migratePgDatabase, openPgDatabase } from '@/db/pgClient';
import { startCollabServer } from './startCollabServer';
import { redisRelay } from './redisRelay';
import { collabEnv } from './collabEnv';

// `npm run collab`: the collaboration server alone. COLLAB_PORT (default 1234), COLLAB_HOST
// (default 0.0.0.0), DATABASE_PATH (default ./data/lawbench.db) or DATABASE_URL (postgres://…:
// the drafts, tickets and permissions in PostgreSQL, migrated on start), REDIS_URL (several
// instances on one database: each open draft is shared through Redis),
// COLLAB_COMPACT_AFTER_UPDATES.
const env = collabEnv(process.env);
const relay = env.redisUrl ? redisRelay({ url: env.redisUrl }) : undefined;
const pg = env.databaseUrl ? openPgDatabase(env.databaseUrl) : null;
if (pg) await migratePgDatabase(pg);
const engine: Engine = pg ? postgresEngine(pg) : sqliteEngine(getDatabase());
const server = await startCollabServer({ port: env.port, host: env.host, engine, relay, timing: env.timing });
const where = [pg ? 'drafts in PostgreSQL' : null, env.redisUrl ? 'sharing drafts with other instances through Redis' : null].filter(Boolean);
console.log(`[collab] listening on ws://${env.host === '0.0.0.0' ? 'localhost' : env.host}:${server.port}${where.map((w) => `, ${w}`).join('')}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void server
      .close()
      .then(() => pg?.$client.end())
      .finally(() => {
        if (!pg) closeDatabase();
        process.exit(0);
      });
  });
}
