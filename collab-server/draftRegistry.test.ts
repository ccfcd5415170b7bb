import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { count, eq } from 'drizzle-orm';
import { freshDatabase } from '@/db/testing';
import { draftUpdates, drafts } from '@/db/schema';
import { readDraftDoc } from '@/lib/drafting';
import { startCollabServer } from './startCollabServer';
import { connectTestClient, seedDraft, ticketFor, waitFor } from './testing';

const { db, cleanup } = freshDatabase();
afterAll(cleanup);
const rows = (draftId: string) => db.select({ n: count() }).from(draftUpdates).where(eq(draftUpdates.draftId, draftId)).get()!.n;
const stored = (draftId: string) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, readDraftDoc(draftId, db)!);
  return doc;
};

describe('createDraftRegistry', () => {
  it('compacts in the background after N updates: same document, fewer rows', async () => {
    const server = await startCollabServer({ port: 0, host: '127.0.0.1', db, log: () => {}, timing: { compactAfterUpdates: 25, compactAfterIdleMs: 60_000 } });
    const draft = seedDraft(db);
    const a = connectTestClient(server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.editors[0]) });
    const b = connectTestClient(server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.editors[1]) });
    await Promise.all([a.synced, b.synced]);
    let maxRows = 0;
    for (let i = 0; i < 60; i++) {
      a.doc.getText('t').insert(a.doc.getText('t').length, `第${i}条`);
      await new Promise((r) => setTimeout(r, 2));
      maxRows = Math.max(maxRows, rows(draft.draftId));
    }
    await waitFor(() => b.doc.getText('t').length === a.doc.getText('t').length, 'the other client');
    await waitFor(() => rows(draft.draftId) < 25, 'a compaction');
    expect(maxRows).toBeLessThan(60);
    expect(db.select().from(drafts).where(eq(drafts.id, draft.draftId)).get()!.snapshotUpdateId).toBeGreaterThan(0);
    expect(stored(draft.draftId).getText('t').toString()).toBe(a.doc.getText('t').toString());
    a.destroy();
    b.destroy();
    await server.close();
  });

  it('compacts after a quiet spell', async () => {
    const server = await startCollabServer({ port: 0, host: '127.0.0.1', db, log: () => {}, timing: { compactAfterIdleMs: 150 } });
    const draft = seedDraft(db);
    const a = connectTestClient(server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.editors[0]) });
    await a.synced;
    a.doc.getText('t').insert(0, '第一条');
    a.doc.getText('t').insert(3, '　');
    await waitFor(() => rows(draft.draftId) === 2, 'the rows');
    await waitFor(() => rows(draft.draftId) === 0, 'the idle compaction', 3000);
    expect(stored(draft.draftId).getText('t').toString()).toBe('第一条　');
    a.destroy();
    await server.close();
  });

  it('unloads a draft its last client left, compacting it, and reloads the same content', async () => {
    const server = await startCollabServer({ port: 0, host: '127.0.0.1', db, log: () => {}, timing: { unloadAfterMs: 100 } });
    const initial = new Y.Doc();
    const first = new Y.XmlElement('article');
    first.insert(0, [new Y.XmlElement('paragraph')]);
    initial.getXmlFragment('prosemirror').insert(0, [first]);
    const draft = seedDraft(db, { snapshot: Y.encodeStateAsUpdate(initial) });
    const a = connectTestClient(server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.editors[0]) });
    await a.synced;
    const paragraph = (a.doc.getXmlFragment('prosemirror').get(0) as Y.XmlElement).get(0) as Y.XmlElement;
    paragraph.insert(0, [new Y.XmlText('为了加强法律援助工作')]);
    a.doc.getMap('meta').set('stage', '一审');
    const expected = a.doc.getXmlFragment('prosemirror').toString();
    await waitFor(() => rows(draft.draftId) === 2, 'the rows');
    expect(server.stats().drafts).toBe(1);
    a.destroy();
    await waitFor(() => server.stats().drafts === 0, 'the unload', 3000);
    expect(rows(draft.draftId)).toBe(0);

    const b = connectTestClient(server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.editors[1]) });
    await b.synced;
    expect(b.doc.getXmlFragment('prosemirror').toString()).toBe(expected);
    expect(b.doc.getMap('meta').get('stage')).toBe('一审');
    b.destroy();
    await server.close();
  });

  it('keeps a draft loaded while someone rejoins before the unload delay', async () => {
    const server = await startCollabServer({ port: 0, host: '127.0.0.1', db, log: () => {}, timing: { unloadAfterMs: 300 } });
    const draft = seedDraft(db);
    const a = connectTestClient(server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.editors[0]) });
    await a.synced;
    a.destroy();
    await new Promise((r) => setTimeout(r, 100));
    const b = connectTestClient(server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.editors[1]) });
    await b.synced;
    await new Promise((r) => setTimeout(r, 400));
    expect(server.stats().drafts).toBe(1);
    b.destroy();
    await server.close();
  });
});
