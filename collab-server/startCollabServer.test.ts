import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDraftDoc } from '@/lib/drafting';
import { startCollabServer } from './startCollabServer';
import { connectTestClient, useCollabServer, seedDraft, ticketFor, waitFor } from './testing';

const collab = useCollabServer();
const { db } = collab;

describe('startCollabServer', () => {
  it('answers its health check on a real socket', async () => {
    const res = await fetch(`http://127.0.0.1:${collab.server.port}/health`);
    expect(await res.json()).toEqual({ ok: true, service: 'lawbench-collab', relay: 'alone' });
  });

  it('syncs two editors typing at once, and a third who joins later receives everything', async () => {
    const initial = new Y.Doc();
    initial.getXmlFragment('prosemirror').insert(0, [new Y.XmlElement('chapter')]);
    const draft = seedDraft(db, { editors: 3, snapshot: Y.encodeStateAsUpdate(initial) });
    const [a, b] = draft.editors.slice(0, 2).map((u) => connectTestClient(collab.server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, u) }));
    await Promise.all([a.synced, b.synced]);
    expect(a.doc.getXmlFragment('prosemirror').toString()).toBe('<chapter></chapter>');
    for (let i = 0; i < 20; i++) {
      a.doc.getArray<string>('log').push([`a${i}`]);
      b.doc.getArray<string>('log').push([`b${i}`]);
    }
    a.doc.getText('t').insert(0, '第一条');
    b.doc.getText('t').insert(0, '总则');
    await waitFor(() => a.doc.getArray('log').length === 40 && b.doc.getArray('log').length === 40, 'both logs');
    await waitFor(() => a.doc.getText('t').toString() === b.doc.getText('t').toString() && a.doc.getText('t').length === 5, 'text');
    expect(a.doc.getArray('log').toJSON()).toEqual(b.doc.getArray('log').toJSON());

    const c = connectTestClient(collab.server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.editors[2]) });
    await c.synced;
    await waitFor(() => c.doc.getArray('log').length === 40, 'late joiner');
    expect(Y.encodeStateVector(c.doc)).toEqual(Y.encodeStateVector(a.doc));
    expect(c.doc.getText('t').toString()).toBe(a.doc.getText('t').toString());

    const stored = new Y.Doc();
    Y.applyUpdate(stored, readDraftDoc(draft.draftId, db)!);
    expect(stored.getArray('log').toJSON()).toEqual(a.doc.getArray('log').toJSON());
    for (const x of [a, b, c]) x.destroy();
  });

  it('closes every socket with 1001 when it shuts down, so clients reconnect to the next one', async () => {
    const other = await startCollabServer({ port: 0, host: '127.0.0.1', db, log: () => {} });
    const draft = seedDraft(db);
    const a = connectTestClient(other.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.editors[0]) });
    await a.synced;
    await other.close();
    await waitFor(() => a.closes.length > 0, 'the close');
    expect(a.closes[0].code).toBe(1001);
    a.destroy();
  });
});
