import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { count, eq } from 'drizzle-orm';
import { freshDatabase } from '@/db/testing';
import { draftUpdates } from '@/db/schema';
import { readDraftDoc } from '@/lib/drafting';
import { sqlitePersistence, type CollabPersistence } from './sqlitePersistence';
import { startCollabServer } from './startCollabServer';
import { connectTestClient, seedDraft, ticketFor, waitFor } from './testing';

// The collaboration server over a persistence whose every answer comes later, as a database
// server's does: loading, storing and compacting each wait `ms` before doing the real work.

const { db, cleanup } = freshDatabase();
afterAll(cleanup);
const rows = (draftId: string) => db.select({ n: count() }).from(draftUpdates).where(eq(draftUpdates.draftId, draftId)).get()!.n;
const storedText = (draftId: string) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, readDraftDoc(draftId, db)!);
  return doc.getText('t').toString();
};

/// SQLite persistence behind a delay, counting how often each draft was loaded and compacted.
function answeringLater(ms: number) {
  const real = sqlitePersistence(db, () => {});
  const later = <T>(work: () => T | Promise<T>) => new Promise<T>((resolve, reject) => setTimeout(() => Promise.resolve().then(work).then(resolve, reject), ms));
  const calls = { load: 0, compact: 0 };
  const persistence: CollabPersistence = {
    loadDocument: (draftId, doc) => {
      calls.load++;
      return later(() => real.loadDocument(draftId, doc));
    },
    storeUpdate: (...args) => later(() => real.storeUpdate(...args)),
    compact: (draftId) => {
      calls.compact++;
      return later(() => real.compact(draftId));
    },
  };
  return { persistence, calls };
}

describe('collaboration over a persistence that answers later', () => {
  it('loads a draft once for clients arriving together, loses no edit made while it loads, and stores every edit', async () => {
    const { persistence, calls } = answeringLater(60);
    const server = await startCollabServer({ port: 0, host: '127.0.0.1', db, log: () => {}, persistence });
    const draft = seedDraft(db, { editors: 2 });
    const a = connectTestClient(server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.editors[0]) });
    const b = connectTestClient(server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.editors[1]) });
    // Typed before the server has answered anything: sent as soon as the socket opens.
    a.doc.getText('t').insert(0, '第一条');
    await Promise.all([a.synced, b.synced]);
    for (let i = 2; i <= 6; i++) b.doc.getText('t').insert(b.doc.getText('t').length, `第${i}条`);
    const all = (c: typeof a) => ['第一条', '第2条', '第3条', '第4条', '第5条', '第6条'].every((w) => c.doc.getText('t').toString().includes(w));
    await waitFor(() => all(a) && all(b), 'both clients to hold every edit');
    expect(a.doc.getText('t').toString()).toBe(b.doc.getText('t').toString());
    expect(calls.load).toBe(1);
    await waitFor(() => rows(draft.draftId) === 6, 'every edit stored');
    expect(storedText(draft.draftId)).toBe(a.doc.getText('t').toString());
    a.destroy();
    b.destroy();
    await server.close();
  });

  it('compacts in the background and on close, waiting for the compaction before it unloads', async () => {
    const { persistence, calls } = answeringLater(30);
    const server = await startCollabServer({ port: 0, host: '127.0.0.1', db, log: () => {}, persistence, timing: { compactAfterUpdates: 5, compactAfterIdleMs: 60_000, unloadAfterMs: 50 } });
    const draft = seedDraft(db);
    const a = connectTestClient(server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.editors[0]) });
    await a.synced;
    for (let i = 1; i <= 12; i++) {
      a.doc.getText('t').insert(a.doc.getText('t').length, `第${i}条`);
      await new Promise((r) => setTimeout(r, 5));
    }
    await waitFor(() => calls.compact > 0, 'a background compaction');
    const text = a.doc.getText('t').toString();
    a.destroy();
    await waitFor(() => server.stats().drafts === 0, 'the unload');
    // Unloaded only once compacted: every row folded into the snapshot, the text intact.
    expect(rows(draft.draftId)).toBe(0);
    expect(storedText(draft.draftId)).toBe(text);

    const b = connectTestClient(server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.editors[0]) });
    await b.synced;
    expect(b.doc.getText('t').toString()).toBe(text);
    b.doc.getText('t').insert(0, '　');
    await waitFor(() => rows(draft.draftId) === 1, 'the new edit stored');
    b.destroy();
    await server.close();
    expect(rows(draft.draftId)).toBe(0);
    expect(storedText(draft.draftId)).toBe(`　${text}`);
  });

  it('keeps a draft reopened while its unload compaction runs, and frees one whose only client left while it loaded', async () => {
    const { persistence } = answeringLater(80);
    const server = await startCollabServer({ port: 0, host: '127.0.0.1', db, log: () => {}, persistence, timing: { unloadAfterMs: 10 } });
    const draft = seedDraft(db);
    const a = connectTestClient(server.port, draft.draftId, { ticket: () => ticketFor(db, draft.draftId, draft.editors[0]) });
    await a.synced;
    a.doc.getText('t').insert(0, '第一条');
    await waitFor(() => rows(draft.draftId) === 1, 'the edit stored');
    a.destroy();
    // The unload starts (its compaction takes 80 ms); a client arrives meanwhile.
    await new Promise((r) => setTimeout(r, 30));
    const b = connectTestClient(server.port, draft.draftId, { ticket: () => ticketFor(db, draft.draftId, draft.editors[0]) });
    await b.synced;
    await new Promise((r) => setTimeout(r, 150));
    expect(server.stats().drafts).toBe(1);
    b.doc.getText('t').insert(3, '　');
    await waitFor(() => rows(draft.draftId) >= 1 && storedText(draft.draftId) === '第一条　', 'the edit made after the reopening stored');
    b.destroy();
    await waitFor(() => server.stats().drafts === 0, 'the unload once b left');

    // A client that leaves before its draft has loaded leaves nothing open behind it.
    const c = connectTestClient(server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.editors[0]) });
    await waitFor(() => server.stats().connections === 1, 'the socket');
    c.destroy();
    await new Promise((r) => setTimeout(r, 200));
    await waitFor(() => server.stats().drafts === 0, 'the draft freed');
    await server.close();
  });
});
