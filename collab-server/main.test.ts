import { afterAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import * as Y from 'yjs';
import { freshDatabase } from '@/db/testing';
import { readDraftDoc } from '@/lib/drafting';
import { connectTestClient, seedDraft, startCollabProcess, ticketFor, waitFor, type TestClient } from './testing';

const { db, file, cleanup } = freshDatabase();
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  cleanup();
});

/// Starts `collab-server/main.ts` on the test database and `port` (0: any), kept to be killed after.
async function startServerProcess(port: number): Promise<{ child: ChildProcess; port: number }> {
  const started = await startCollabProcess({ DATABASE_PATH: file, COLLAB_PORT: String(port) });
  children.push(started.child);
  return started;
}

describe('collab-server/main.ts', () => {
  it('loses no update any client received when killed with SIGKILL mid-stream; clients reconnect and converge', async () => {
    const draft = seedDraft(db, { editors: 3, reviewers: 1 });
    const first = await startServerProcess(0);
    const users = [...draft.editors, ...draft.reviewers];
    const clients = users.map((u) => connectTestClient(first.port, draft.draftId, { ticket: () => ticketFor(db, draft.draftId, u) }));
    await Promise.all(clients.map((c) => c.synced));

    // What each client received from the server before it saw the connection drop.
    const received = clients.map((client) => {
      const seen = new Map<string, number>();
      let cut = false;
      client.provider.on('connection-close', () => (cut = true));
      client.doc.getMap<number>('entries').observe((event) => {
        if (cut || event.transaction.origin !== client.provider) return;
        for (const key of event.keysChanged) seen.set(key, client.doc.getMap<number>('entries').get(key)!);
      });
      return seen;
    });
    const writers = clients.slice(0, 3).map((client: TestClient, w) => {
      let i = 0;
      return setInterval(() => client.doc.getMap<number>('entries').set(`w${w}-${i}`, i++), 3);
    });

    await new Promise((r) => setTimeout(r, 1200));
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const observed = new Map(received.flatMap((seen) => [...seen]));
    expect(observed.size).toBeGreaterThan(100);

    const onDisk = new Y.Doc();
    Y.applyUpdate(onDisk, readDraftDoc(draft.draftId, db)!);
    const persisted = onDisk.getMap<number>('entries');
    const lost = [...observed].filter(([key, value]) => persisted.get(key) !== value);
    expect(lost).toEqual([]);

    await new Promise((r) => setTimeout(r, 300));
    const second = await startServerProcess(first.port);
    await new Promise((r) => setTimeout(r, 800));
    for (const t of writers) clearInterval(t);
    const keysOf = (c: TestClient) => [...c.doc.getMap('entries').keys()].sort().join(',');
    await waitFor(() => clients.every((c) => c.provider.synced && keysOf(c) === keysOf(clients[0])), 'convergence', 10_000);
    // Everything any writer typed, offline edits included, reached everyone and the database.
    expect(clients[0].doc.getMap('entries').size).toBe(writersTotal(clients.slice(0, 3)));

    const fresh = connectTestClient(second.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.editors[0]) });
    await fresh.synced;
    await waitFor(() => keysOf(fresh) === keysOf(clients[0]), 'the fresh client');
    for (const [key, value] of observed) expect(fresh.doc.getMap('entries').get(key)).toBe(value);
    for (const c of [...clients, fresh]) c.destroy();
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  });
});

/// How many entries the writers created locally (each writes w<n>-0, w<n>-1, … in its own doc).
function writersTotal(writers: TestClient[]): number {
  return writers.reduce((sum, c, w) => sum + [...c.doc.getMap('entries').keys()].filter((k) => k.startsWith(`w${w}-`)).length, 0);
}
