import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { billMembers } from '@/db/schema';
import { openDatabase, type Db } from '@/db/client';
import { freshDatabase } from '@/db/testing';
import { readDraftDoc } from '@/lib/drafting';
import { collabCloseCodes } from '@/lib/editor';
import { startCollabServer, type CollabServer } from './startCollabServer';
import { Redis } from 'ioredis';
import { redisRelay } from './redisRelay';
import { encodeRelayMessage } from './clusterRelay';
import { startLocalRedis, type LocalRedis } from '../scripts/localRedis';
import { connectTestClient, seedDraft, ticketFor, waitFor, type TestClient } from './testing';

// Two collaboration instances in this process, each with its own connection to one SQLite file
// and its own connections to a real redis-server: what two `npm run collab` processes do.
const { db, file, cleanup } = freshDatabase();
let redis: LocalRedis;
const logs: string[][] = [[], []];
const instances: { server: CollabServer; db: Db }[] = [];

beforeAll(async () => {
  redis = await startLocalRedis();
  for (const n of [0, 1]) {
    const own = openDatabase(file);
    const log = (m: string) => logs[n].push(m);
    const relay = redisRelay({ url: redis.url, log, maxRetryDelayMs: 100 });
    instances.push({ db: own, server: await startCollabServer({ port: 0, host: '127.0.0.1', db: own, relay, log, backgroundCheckpoints: false }) });
  }
});
afterAll(async () => {
  for (const i of instances) {
    await i.server.close();
    i.db.$client.close();
  }
  await redis?.dispose();
  cleanup();
});

/// The stock client of `user` on instance `n`, synced.
async function on(n: number, draftId: string, user: Parameters<typeof ticketFor>[2]): Promise<TestClient> {
  const client = connectTestClient(instances[n].server.port, draftId, { ticket: () => ticketFor(db, draftId, user) });
  await client.synced;
  return client;
}

const entries = (c: TestClient) => c.doc.getMap<number>('entries');
const keysOf = (c: TestClient) => [...entries(c).keys()].sort().join(',');

describe('redisRelay: two collaboration instances on one database', () => {
  it('relays updates both ways, and presence, between clients of different instances; each update is stored once', async () => {
    const draft = seedDraft(db, { editors: 2 });
    const a = await on(0, draft.draftId, draft.editors[0]);
    const b = await on(1, draft.draftId, draft.editors[1]);
    // Both drafts are open (and heard) before the first keystroke.
    await new Promise((r) => setTimeout(r, 100));
    entries(a).set('from-a', 1);
    entries(b).set('from-b', 2);
    await waitFor(() => entries(a).get('from-b') === 2 && entries(b).get('from-a') === 1, 'both directions');

    a.provider.awareness.setLocalStateField('cursor', { article: 'art_1' });
    await waitFor(() => [...b.provider.awareness.getStates().values()].some((s) => (s as { cursor?: { article?: string } }).cursor?.article === 'art_1'), 'presence across instances');
    const seen = [...b.provider.awareness.getStates().values()].find((s) => (s as { cursor?: unknown }).cursor) as { user: { id: string } };
    // The name and colour are the accepting server's view of the person, not what the client said.
    expect(seen.user.id).toBe(draft.editors[0].id);

    const stored = db.$client.prepare('select count(*) as n from draft_updates where draft_id = ?').get(draft.draftId) as { n: number };
    const onDisk = new Y.Doc();
    Y.applyUpdate(onDisk, readDraftDoc(draft.draftId, db)!);
    expect(onDisk.getMap('entries').toJSON()).toEqual({ 'from-a': 1, 'from-b': 2 });
    // Two edits, two rows (plus none from relaying): the receiving instance does not store again.
    expect(stored.n).toBeLessThanOrEqual(2);

    a.destroy();
    await waitFor(() => ![...b.provider.awareness.getStates().values()].some((s) => (s as { cursor?: unknown }).cursor), 'the departed cursor removed');
    b.destroy();
  });

  it('a draft opened on another instance while the first is busy catches up: what was published before its channel was heard is read from the database', async () => {
    // A third instance whose subscriptions take 200 ms to be heard, so that the gap between its
    // load and its subscription certainly holds updates it was never sent.
    const own = openDatabase(file);
    const real = redisRelay({ url: redis.url, log: () => {} });
    const slow = { ...real, join: (...args: Parameters<typeof real.join>) => void setTimeout(() => real.join(...args), 200) };
    const late = await startCollabServer({ port: 0, host: '127.0.0.1', db: own, relay: slow, log: () => {}, backgroundCheckpoints: false });
    const draft = seedDraft(db, { editors: 2 });
    const a = await on(0, draft.draftId, draft.editors[0]);
    let i = 0;
    const typing = setInterval(() => entries(a).set(`k${i}`, i++), 5);
    await new Promise((r) => setTimeout(r, 100));
    const b = connectTestClient(late.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.editors[1]) });
    await b.synced;
    await new Promise((r) => setTimeout(r, 400));
    clearInterval(typing);
    await waitFor(() => keysOf(b) === keysOf(a), 'the late instance converges', 5000);
    expect(entries(b).size).toBe(i);
    a.destroy();
    b.destroy();
    await late.close();
    own.$client.close();
  });

  it('with Redis down, each instance keeps its own clients in sync and says so; when Redis returns, both catch up', async () => {
    const draft = seedDraft(db, { editors: 3 });
    const [a1, a2] = [await on(0, draft.draftId, draft.editors[0]), await on(0, draft.draftId, draft.editors[1])];
    const b = await on(1, draft.draftId, draft.editors[2]);
    await new Promise((r) => setTimeout(r, 100));

    const health = async (n: number) => (await (await fetch(`http://127.0.0.1:${instances[n].server.port}/health`)).json()) as { relay: string };
    expect((await health(0)).relay).toBe('connected');
    await redis.stop();
    await waitFor(() => logs.every((l) => l.some((m) => m.includes('unreachable'))), 'the log says Redis is unreachable');
    expect((await health(0)).relay).toBe('unreachable');
    expect(logs[0].find((m) => m.includes('unreachable'))).toContain("edits reach only this instance's clients");
    entries(a1).set('while-down-a', 1);
    entries(b).set('while-down-b', 2);
    await waitFor(() => entries(a2).get('while-down-a') === 1, 'same-instance sync without Redis');
    await new Promise((r) => setTimeout(r, 200));
    expect(entries(b).has('while-down-a')).toBe(false);

    await redis.start();
    await waitFor(() => [a1, a2, b].every((c) => keysOf(c) === 'while-down-a,while-down-b'), 'every client after Redis returned', 8000);
    await waitFor(() => logs.every((l) => l.some((m) => m.includes('reachable again'))), 'the log says it is back');
    expect((await health(1)).relay).toBe('connected');
    // And the relay works again for new edits.
    entries(b).set('after', 3);
    await waitFor(() => entries(a1).get('after') === 3, 'relay after recovery');
    for (const c of [a1, a2, b]) c.destroy();
  });

  it('ignores what does not belong on a draft’s channel: a stranger’s bytes, an update that does not decode', async () => {
    const draft = seedDraft(db, { editors: 2 });
    const [a, b] = [await on(0, draft.draftId, draft.editors[0]), await on(1, draft.draftId, draft.editors[1])];
    await new Promise((r) => setTimeout(r, 100));
    const stranger = new Redis(redis.url);
    const channel = `lawbench:collab:draft:${draft.draftId}`;
    await stranger.publish(channel, 'hello from someone else');
    await stranger.publish(channel, encodeRelayMessage('update', new Uint8Array(8).fill(9), new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff])));
    await stranger.publish(channel, encodeRelayMessage('awareness', new Uint8Array(8).fill(9), new Uint8Array([0xff, 0x01])));
    await waitFor(() => logs[1].some((m) => m.includes('could not be applied')), 'the log line for the undecodable update');
    // The draft goes on as before, on both instances.
    entries(a).set('still', 1);
    await waitFor(() => entries(b).get('still') === 1, 'relay after the garbage');
    expect(b.closes).toEqual([]);
    stranger.disconnect();
    a.destroy();
    b.destroy();
  });

  it('a person removed from the bill is closed 4403 on every instance', async () => {
    const draft = seedDraft(db, { editors: 1 });
    const [a, b] = [await on(0, draft.draftId, draft.editors[0]), await on(1, draft.draftId, draft.editors[0])];
    db.delete(billMembers).where(and(eq(billMembers.billId, draft.billId), eq(billMembers.userId, draft.editors[0].id))).run();
    await waitFor(() => a.closes.length > 0 && b.closes.length > 0, 'both kicks', 3000);
    expect([a.closes[0].code, b.closes[0].code]).toEqual([collabCloseCodes.forbidden, collabCloseCodes.forbidden]);
    a.destroy();
    b.destroy();
  });
});
