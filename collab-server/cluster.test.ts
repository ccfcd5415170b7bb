import { afterAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import * as Y from 'yjs';
import { postgresEngine, type Engine } from '@/db/engine';
import { migratePgDatabase, openPgDatabase } from '@/db/pgClient';
import { freshDatabase } from '@/db/testing';
import { issueCollabTicket, readDraftDoc } from '@/lib/drafting';
import { startLocalPostgres } from '../scripts/localPostgres';
import { startLocalRedis, type LocalRedis } from '../scripts/localRedis';
import { connectTestClient, seedDraft, seedDraftOn, startCollabProcess, storedDocOn, ticketFor, waitFor, type TestClient } from './testing';

const children: ChildProcess[] = [];
const disposers: (() => unknown)[] = [];
let redis: LocalRedis | undefined;
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await redis?.dispose();
  for (const dispose of disposers.reverse()) await dispose();
});

/// Where the instances keep drafts, and how a test seeds a draft, gives a client tickets (one
/// per connection, for its reconnects too) and reads back what was stored.
type Store = {
  env: Record<string, string>;
  banner: string;
  seed: () => Promise<{ draftId: string; editors: { id: string }[] }>;
  tickets: (draftId: string, user: { id: string }) => Promise<() => string>;
  stored: (draftId: string) => Promise<Y.Doc>;
};

function sqliteStore(): Store {
  const { db, file, cleanup } = freshDatabase();
  disposers.push(cleanup);
  return {
    env: { DATABASE_PATH: file },
    banner: 'sharing drafts with other instances through Redis',
    seed: async () => seedDraft(db, { editors: 10, reviewers: 0 }),
    tickets: async (draftId, user) => () => ticketFor(db, draftId, user as Parameters<typeof ticketFor>[2]),
    stored: async (draftId) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, readDraftDoc(draftId, db)!);
      return doc;
    },
  };
}

async function postgresStore(): Promise<Store> {
  const server = await startLocalPostgres();
  const pool = openPgDatabase(server.url);
  disposers.push(() => server.dispose(), () => pool.$client.end());
  await migratePgDatabase(pool);
  const engine: Engine = postgresEngine(pool);
  return {
    env: { DATABASE_URL: server.url },
    banner: 'drafts in PostgreSQL, sharing drafts with other instances through Redis',
    seed: () => seedDraftOn(engine, 10),
    // Tickets are issued ahead (a reconnect asks for one synchronously), a few per client.
    tickets: async (draftId, user) => {
      const issued: string[] = [];
      for (let i = 0; i < 6; i++) issued.push((await issueCollabTicket(engine, draftId, user.id, new Date(), null)).ticket);
      return () => issued.shift() ?? 'no-ticket-left';
    },
    stored: (draftId) => storedDocOn(engine, draftId),
  };
}

/// Starts `collab-server/main.ts` as its own process on `store`, sharing drafts through
/// `redisUrl`. Compaction runs every 25 updates, so both instances compact the same drafts while
/// they are being typed in.
async function startInstance(store: Store, redisUrl: string): Promise<{ child: ChildProcess; port: number; url: string }> {
  const started = await startCollabProcess({ ...store.env, REDIS_URL: redisUrl, COLLAB_COMPACT_AFTER_UPDATES: '25' });
  children.push(started.child);
  expect(started.banner).toContain(store.banner);
  return started;
}

const entries = (c: TestClient) => c.doc.getMap<number>('entries');

describe.each([
  { name: 'SQLite', store: async () => sqliteStore() },
  { name: 'PostgreSQL', store: postgresStore },
])('two collaboration processes through Redis, drafts in $name', ({ store: makeStore }) => {
  it('200 stock clients on 20 drafts split over two instances converge; SIGKILL of one loses no update anyone received, and its clients carry on at the other', async () => {
    // The stock client adds a process 'exit' listener per provider.
    process.setMaxListeners(500);
    redis ??= await startLocalRedis();
    const store = await makeStore();
    const [first, second] = await Promise.all([startInstance(store, redis.url), startInstance(store, redis.url)]);
    const drafts: Awaited<ReturnType<Store['seed']>>[] = [];
    for (let d = 0; d < 20; d++) drafts.push(await store.seed());
    const clients: { client: TestClient; draft: number; name: string }[] = [];
    for (const [d, draft] of drafts.entries()) {
      for (const [e, user] of draft.editors.entries()) {
        const home = (d + e) % 2 === 0 ? first : second;
        const client = connectTestClient(home.port, draft.draftId, { ticket: await store.tickets(draft.draftId, user) });
        clients.push({ client, draft: d, name: `d${d}e${e}` });
      }
    }
    expect(clients.length).toBe(200);
    await Promise.all(clients.map(({ client }) => client.synced));

    // What each client received from its server before its connection dropped: acknowledged,
    // in the sense that someone other than the writer has it.
    const received = clients.map(({ client }) => {
      const seen = new Map<string, number>();
      let cut = false;
      client.provider.on('connection-close', () => {
        cut = true;
        // A load balancer would send the reconnect to a live instance; the client is told here.
        if (first.child.exitCode !== null || first.child.signalCode !== null) client.provider.serverUrl = second.url;
      });
      entries(client).observe((event) => {
        if (cut || event.transaction.origin !== client.provider) return;
        for (const key of event.keysChanged) seen.set(key, entries(client).get(key)!);
      });
      return seen;
    });

    let tick = 0;
    let paused = false;
    const typing = setInterval(() => {
      if (paused) return;
      // Each round, a fifth of the clients type one entry each: about 400 updates a second.
      for (const [k, { client, name }] of clients.entries()) if (k % 5 === tick % 5) entries(client).set(`${name}-${tick}`, tick);
      tick++;
    }, 50);
    const keysOf = (c: TestClient) => [...entries(c).keys()].sort().join(',');
    const converged = async (when: string) => {
      for (const d of drafts.keys()) {
        const mine = clients.filter((c) => c.draft === d).map((c) => c.client);
        await waitFor(() => mine.every((c) => c.provider.synced && keysOf(c) === keysOf(mine[0])), `convergence of draft ${d} ${when}`, 15_000);
        // Everything every writer of the draft typed reached every client.
        const typed = clients.filter((c) => c.draft === d).reduce((n, c) => n + [...entries(c.client).keys()].filter((key) => key.startsWith(`${c.name}-`)).length, 0);
        expect(entries(mine[0]).size).toBe(typed);
      }
    };
    await new Promise((r) => setTimeout(r, 1000));
    // With both instances up, every draft's clients (half on each instance) agree.
    paused = true;
    await converged('across the two instances');
    paused = false;
    await new Promise((r) => setTimeout(r, 500));

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    // What each client had received by now: a copy, as the clients of the live instance go on
    // receiving while the database is read.
    const observed = clients.map(({ draft }, k) => ({ draft, seen: new Map(received[k]) }));
    const acknowledged = observed.reduce((n, o) => n + o.seen.size, 0);
    expect(acknowledged).toBeGreaterThan(1000);
    // Nothing anyone had received is missing from the database: stored before relayed, on both
    // instances, through compactions by both.
    const lost: string[] = [];
    for (const [d, draft] of drafts.entries()) {
      const onDisk = await store.stored(draft.draftId);
      for (const o of observed) if (o.draft === d) for (const [key, value] of o.seen) if (onDisk.getMap('entries').get(key) !== value) lost.push(key);
    }
    expect(lost).toEqual([]);

    await new Promise((r) => setTimeout(r, 1000));
    clearInterval(typing);
    // The killed instance's clients carried on at the other, edits made while cut off included.
    await converged('after the kill');
    for (const [d, draft] of drafts.entries()) {
      const onDisk = await store.stored(draft.draftId);
      const client = clients.find((c) => c.draft === d)!.client;
      expect(onDisk.getMap('entries').toJSON()).toEqual(entries(client).toJSON());
    }
    for (const { client } of clients) client.destroy();
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  }, 90_000);
});
