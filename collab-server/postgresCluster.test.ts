import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { count, eq } from 'drizzle-orm';
import { postgresEngine, type Engine } from '@/db/engine';
import { migratePgDatabase, openPgDatabase, type PgDb } from '@/db/pgClient';
import { issueCollabTicket, readDraftState } from '@/lib/drafting';
import { startLocalPostgres, type LocalPostgres } from '../scripts/localPostgres';
import { startLocalRedis, type LocalRedis } from '../scripts/localRedis';
import { redisRelay } from './redisRelay';
import { startCollabServer, type CollabServer } from './startCollabServer';
import { connectTestClient, waitFor, type TestClient } from './testing';

// Two collaboration instances in this process on one PostgreSQL server, each with a pool of its
// own, hearing each other through a real redis-server: what two `npm run collab` processes on
// PostgreSQL do. Both compact every 10 updates, so they compact the same drafts at once.
let pg: LocalPostgres;
let redis: LocalRedis;
const pools: PgDb[] = [];
const instances: { server: CollabServer; engine: Engine }[] = [];

beforeAll(async () => {
  [pg, redis] = await Promise.all([startLocalPostgres(), startLocalRedis()]);
  for (const n of [0, 1]) {
    const pool = openPgDatabase(pg.url);
    if (n === 0) await migratePgDatabase(pool);
    pools.push(pool);
    const engine = postgresEngine(pool);
    const relay = redisRelay({ url: redis.url, log: () => {}, maxRetryDelayMs: 100 });
    instances.push({ engine, server: await startCollabServer({ port: 0, host: '127.0.0.1', engine, relay, log: () => {}, timing: { compactAfterUpdates: 10 } }) });
  }
}, 60_000);
afterAll(async () => {
  for (const i of instances) await i.server.close();
  for (const pool of pools) await pool.$client.end();
  await redis?.dispose();
  pg?.dispose();
});

/// A bill with an empty draft and `n` editors.
async function draftWithEditors({ db, t }: Engine, n: number) {
  const [billId, draftId] = [crypto.randomUUID(), crypto.randomUUID()];
  const editors = Array.from({ length: n }, () => crypto.randomUUID());
  await db.insert(t.users).values(editors.map((id) => ({ id, email: `${id}@test.lawbench`, name: `编辑 ${id.slice(0, 4)}`, passwordHash: 'not-a-real-hash', role: 'drafter' as const })));
  await db.insert(t.bills).values({ id: billId, title: '测试条例', kind: 'local_regulation' });
  await db.insert(t.billMembers).values(editors.map((userId) => ({ billId, userId, role: 'editor' as const })));
  await db.insert(t.drafts).values({ id: draftId, billId, snapshotUpdateId: 0 });
  return { draftId, editors };
}

const entries = (c: TestClient) => c.doc.getMap<number>('entries');

describe('two collaboration instances on PostgreSQL through Redis', () => {
  it('40 stock clients on 4 drafts split over both converge while both instances compact; the database holds exactly what they hold', async () => {
    const { engine } = instances[0];
    const drafts = await Promise.all(Array.from({ length: 4 }, () => draftWithEditors(engine, 10)));
    const clients: { client: TestClient; draft: number; name: string }[] = [];
    for (const [d, draft] of drafts.entries()) {
      for (const [e, user] of draft.editors.entries()) {
        const { ticket } = await issueCollabTicket(engine, draft.draftId, user);
        clients.push({ client: connectTestClient(instances[(d + e) % 2].server.port, draft.draftId, { ticket }), draft: d, name: `d${d}e${e}` });
      }
    }
    await Promise.all(clients.map(({ client }) => client.synced));
    // Every client writes five keys of its own, all at once.
    for (let round = 0; round < 5; round++) for (const { client, name } of clients) entries(client).set(`${name}-${round}`, round);
    for (const [d] of drafts.entries()) {
      const mine = clients.filter((c) => c.draft === d);
      await waitFor(() => mine.every(({ client }) => entries(client).size === 50), `draft ${d} to converge`, 15_000);
    }
    for (const i of instances) await i.server.compactAll();
    for (const [d, draft] of drafts.entries()) {
      const state = (await readDraftState(engine, draft.draftId))!;
      const stored = new Y.Doc();
      for (const u of [...(state.snapshot ? [state.snapshot] : []), ...state.updates.map((x) => x.update)]) Y.applyUpdate(stored, u);
      expect(stored.getMap('entries').toJSON()).toEqual(entries(clients.find((c) => c.draft === d)!.client).toJSON());
      const [left] = await engine.db.select({ n: count() }).from(engine.t.draftUpdates).where(eq(engine.t.draftUpdates.draftId, draft.draftId));
      expect(left.n).toBe(0);
    }
    for (const { client } of clients) client.destroy();
  });
});
