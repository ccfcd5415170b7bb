import { afterAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import * as Y from 'yjs';
import { freshDatabase } from '@/db/testing';
import { readDraftDoc } from '@/lib/drafting';
import { startLocalRedis, type LocalRedis } from '../scripts/localRedis';
import { connectTestClient, seedDraft, startCollabProcess, ticketFor, waitFor, type TestClient } from './testing';

const { db, file, cleanup } = freshDatabase();
const children: ChildProcess[] = [];
let redis: LocalRedis | undefined;
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await redis?.dispose();
  cleanup();
});

/// Starts `collab-server/main.ts` as its own process, sharing drafts through `redisUrl`.
/// Compaction runs every 25 updates, so both instances compact the same drafts while they are
/// being typed in.
async function startInstance(redisUrl: string): Promise<{ child: ChildProcess; port: number; url: string }> {
  const started = await startCollabProcess({ DATABASE_PATH: file, REDIS_URL: redisUrl, COLLAB_COMPACT_AFTER_UPDATES: '25' });
  children.push(started.child);
  expect(started.banner).toContain('sharing drafts with other instances through Redis');
  return started;
}

const entries = (c: TestClient) => c.doc.getMap<number>('entries');

describe('two collaboration processes through Redis', () => {
  it('200 stock clients on 20 drafts split over two instances converge; SIGKILL of one loses no update anyone received, and its clients carry on at the other', async () => {
    // The stock client adds a process 'exit' listener per provider.
    process.setMaxListeners(250);
    redis = await startLocalRedis();
    const [first, second] = await Promise.all([startInstance(redis.url), startInstance(redis.url)]);
    const drafts = Array.from({ length: 20 }, () => seedDraft(db, { editors: 10, reviewers: 0 }));
    const clients = drafts.flatMap((draft, d) =>
      draft.editors.map((user, e) => {
        const home = (d + e) % 2 === 0 ? first : second;
        const client = connectTestClient(home.port, draft.draftId, { ticket: () => ticketFor(db, draft.draftId, user) });
        return { client, draft: d, name: `d${d}e${e}` };
      }),
    );
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
    const observed = clients.map(({ draft }, k) => ({ draft, seen: received[k] }));
    const acknowledged = observed.reduce((n, o) => n + o.seen.size, 0);
    expect(acknowledged).toBeGreaterThan(1000);
    // Nothing anyone had received is missing from the database: stored before relayed, on both
    // instances, through compactions by both.
    const lost: string[] = [];
    for (const [d, draft] of drafts.entries()) {
      const onDisk = new Y.Doc();
      Y.applyUpdate(onDisk, readDraftDoc(draft.draftId, db)!);
      for (const o of observed) if (o.draft === d) for (const [key, value] of o.seen) if (onDisk.getMap('entries').get(key) !== value) lost.push(key);
    }
    expect(lost).toEqual([]);

    await new Promise((r) => setTimeout(r, 1000));
    clearInterval(typing);
    // The killed instance's clients carried on at the other, edits made while cut off included.
    await converged('after the kill');
    for (const [d, draft] of drafts.entries()) {
      const onDisk = new Y.Doc();
      Y.applyUpdate(onDisk, readDraftDoc(draft.draftId, db)!);
      const client = clients.find((c) => c.draft === d)!.client;
      expect(onDisk.getMap('entries').toJSON()).toEqual(entries(client).toJSON());
    }
    for (const { client } of clients) client.destroy();
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  }, 90_000);
});
