import { closeDatabase, getDatabase } from '@/db/client';
import { startCollabServer } from './startCollabServer';
import { redisRelay } from './redisRelay';
import { collabEnv } from './collabEnv';

// `npm run collab`: the collaboration server alone. COLLAB_PORT (default 1234), COLLAB_HOST
// (default 0.0.0.0), DATABASE_PATH (default ./data/lawbench.db), REDIS_URL (several instances
// on one database: each open draft is shared through Redis), COLLAB_COMPACT_AFTER_UPDATES.
const env = collabEnv(process.env);
const relay = env.redisUrl ? redisRelay({ url: env.redisUrl }) : undefined;
const server = await startCollabServer({ port: env.port, host: env.host, db: getDatabase(), relay, timing: env.timing });
console.log(`[collab] listening on ws://${env.host === '0.0.0.0' ? 'localhost' : env.host}:${server.port}${env.redisUrl ? ', sharing drafts with other instances through Redis' : ''}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void server.close().finally(() => {
      closeDatabase();
      process.exit(0);
    });
  });
}
