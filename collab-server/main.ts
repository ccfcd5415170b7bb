import { closeDatabase, getDatabase } from '@/db/client';
import { startCollabServer } from './startCollabServer';

// `npm run collab`: the collaboration server alone. COLLAB_PORT (default 1234), COLLAB_HOST
// (default 0.0.0.0), DATABASE_PATH (default ./data/lawbench.db).
const port = Number(process.env.COLLAB_PORT || 1234);
const host = process.env.COLLAB_HOST || '0.0.0.0';
const server = await startCollabServer({ port, host, db: getDatabase() });
console.log(`[collab] listening on ws://${host === '0.0.0.0' ? 'localhost' : host}:${server.port}`);

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
