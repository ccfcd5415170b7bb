import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { freshDatabase } from '@/db/testing';
import { readDraftDoc } from '@/lib/drafting';
import { appendDraftUpdate } from '@/lib/drafting';
import { sqlitePersistence } from './sqlitePersistence';
import { startCollabServer } from './startCollabServer';
import { connectTestClient, seedDraft, ticketFor, waitFor } from './testing';

const { db, cleanup } = freshDatabase();
afterAll(cleanup);

describe('sqlitePersistence', () => {
  it('writes every update before relaying it: no write-behind, the receiver can already read it back', async () => {
    const server = await startCollabServer({ port: 0, host: '127.0.0.1', db, log: () => {} });
    const draft = seedDraft(db);
    const a = connectTestClient(server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.editors[0]) });
    const b = connectTestClient(server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.editors[1]) });
    await Promise.all([a.synced, b.synced]);
    const missing: string[] = [];
    b.doc.getArray<string>('log').observe((event) => {
      // Runs as the relayed update is applied at the receiver: the database must already have it.
      const onDisk = new Y.Doc();
      Y.applyUpdate(onDisk, readDraftDoc(draft.draftId, db)!);
      const have = new Set(onDisk.getArray<string>('log').toArray());
      for (const item of event.changes.added) for (const v of item.content.getContent() as string[]) if (!have.has(v)) missing.push(v);
    });
    for (let i = 0; i < 30; i++) a.doc.getArray<string>('log').push([`entry-${i}`]);
    await waitFor(() => b.doc.getArray('log').length === 30, 'all entries');
    expect(missing).toEqual([]);
    a.destroy();
    b.destroy();
    await server.close();
  });

  it('loads a draft from its snapshot and later rows, skipping a row that cannot be applied', async () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, '第一条');
    const draft = seedDraft(db, { snapshot: Y.encodeStateAsUpdate(doc) });
    doc.on('update', (u: Uint8Array) => appendDraftUpdate(db, { draftId: draft.draftId, update: u, userId: null }));
    doc.getText('t').insert(3, '　本条例');
    appendDraftUpdate(db, { draftId: draft.draftId, update: new Uint8Array([1, 2, 3]), userId: null });
    doc.getText('t').insert(7, '所称');
    const logged: string[] = [];
    const loaded = new Y.Doc();
    expect(await sqlitePersistence(db, (m) => logged.push(m)).loadDocument(draft.draftId, loaded)).toEqual({ found: true, pendingRows: 3 });
    expect(loaded.getText('t').toString()).toBe('第一条　本条例所称');
    expect(logged).toHaveLength(1);
    expect((await sqlitePersistence(db).loadDocument('missing', new Y.Doc())).found).toBe(false);
  });
});
