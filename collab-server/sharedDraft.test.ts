import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { and, count, eq } from 'drizzle-orm';
import { draftUpdates } from '@/db/schema';
import { collabCloseCodes } from '@/lib/editor';
import { readDraftDoc } from '@/lib/drafting';
import { presenceColour } from '@/lib/editor';
import { encodeAwareness } from './protocol';
import { connectTestClient, useCollabServer, seedDraft, ticketFor, waitFor, type TestClient } from './testing';

const collab = useCollabServer();
const { db } = collab;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/// A draft whose stored text has deletions, so every client's sync step 2 carries a delete set.
function draftWithHistory() {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, '第一条　为了规范犬只管理，制定本条例。');
  doc.getText('t').delete(7, 2);
  return seedDraft(db, { editors: 2, reviewers: 1, snapshot: Y.encodeStateAsUpdate(doc) });
}

function textOf(update: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

describe('SharedDraft: read-only reviewers', () => {
  it('gives a reviewer the text and keeps it connected through the no-op sync of connect and reconnect', async () => {
    const draft = draftWithHistory();
    const reviewer = connectTestClient(collab.server.port, draft.draftId, { ticket: () => ticketFor(db, draft.draftId, draft.reviewers[0]) });
    await reviewer.synced;
    expect(reviewer.doc.getText('t').toString()).toBe('第一条　为了规只管理，制定本条例。');
    reviewer.provider.disconnect();
    reviewer.provider.connect();
    await waitFor(() => reviewer.provider.synced, 'the resync');
    await sleep(150);
    expect(reviewer.closes).toEqual([]);
    expect(reviewer.provider.wsconnected).toBe(true);
    reviewer.destroy();
  });

  it('refuses a reviewer’s change: closed with 4403 "read-only", never relayed, never stored', async () => {
    const draft = draftWithHistory();
    const editor = connectTestClient(collab.server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.editors[0]) });
    const reviewer = connectTestClient(collab.server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.reviewers[0]) });
    await Promise.all([editor.synced, reviewer.synced]);
    editor.doc.getText('t').insert(0, '〔编者〕');
    await waitFor(() => reviewer.doc.getText('t').toString().startsWith('〔编者〕'), 'the editor’s text at the reviewer');

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const closed = new Promise<{ code: number; reason: string }>((resolve) => reviewer.provider.on('closed', resolve));
    reviewer.doc.getText('t').insert(0, '审阅者擅改');
    reviewer.doc.getText('t').delete(10, 3);
    expect(await closed).toEqual({ code: collabCloseCodes.forbidden, reason: 'read-only' });
    // The stock client also logs the y-protocols "permission denied" frame sent before the close.
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/Permission denied[\s\S]*read-only/)]);
    warn.mockRestore();

    editor.doc.getText('t').insert(editor.doc.getText('t').length, '（完）');
    const second = connectTestClient(collab.server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.editors[1]) });
    await second.synced;
    await waitFor(() => second.doc.getText('t').toString().endsWith('（完）'), 'the later edit');
    await sleep(100);
    for (const text of [editor.doc.getText('t').toString(), second.doc.getText('t').toString(), textOf(readDraftDoc(draft.draftId, db)!)]) {
      expect(text).toBe('〔编者〕第一条　为了规只管理，制定本条例。（完）');
    }
    const byReviewer = db
      .select({ n: count() })
      .from(draftUpdates)
      .where(and(eq(draftUpdates.draftId, draft.draftId), eq(draftUpdates.userId, draft.reviewers[0].id)))
      .get()!.n;
    expect(byReviewer).toBe(0);
    await sleep(400);
    expect(reviewer.closes).toHaveLength(1);
    for (const c of [editor, reviewer, second]) c.destroy();
  });
});

describe('SharedDraft: presence', () => {
  async function pair() {
    const draft = draftWithHistory();
    const a = connectTestClient(collab.server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.editors[0]) });
    const r = connectTestClient(collab.server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.reviewers[0]) });
    await Promise.all([a.synced, r.synced]);
    return { draft, a, r };
  }
  const stateOf = (viewer: TestClient, of: TestClient) => viewer.provider.awareness.getStates().get(of.doc.clientID);

  it('relays presence and cursors both ways, reviewers included, with the name and colour the server knows', async () => {
    const { draft, a, r } = await pair();
    const [writer, reader] = [draft.editors[0], draft.reviewers[0]];
    // What a client claims about itself is not what the others are shown.
    a.provider.awareness.setLocalStateField('user', { name: '起草人甲', color: '#8a1c1c' });
    r.provider.awareness.setLocalStateField('user', { name: '审阅人' });
    await waitFor(() => stateOf(r, a)?.user?.name === writer.name && stateOf(a, r)?.user?.name === reader.name, 'both names');
    expect(stateOf(r, a)?.user).toEqual({ id: writer.id, name: writer.name, color: presenceColour(writer.id) });
    a.provider.awareness.setLocalStateField('cursor', { anchor: 3, head: 5 });
    await waitFor(() => stateOf(r, a)?.cursor?.head === 5, 'the cursor');
    a.destroy();
    r.destroy();
  });

  it('removes a client’s presence when its socket dies without saying goodbye', async () => {
    const { a, r } = await pair();
    a.provider.awareness.setLocalStateField('user', { name: '起草人甲' });
    await waitFor(() => stateOf(r, a) !== undefined, 'the name');
    a.provider.shouldConnect = false;
    (a.provider.ws as unknown as WebSocket).terminate();
    await waitFor(() => stateOf(r, a) === undefined, 'the presence to be removed', 3000);
    a.destroy();
    r.destroy();
  });

  it('ignores a connection speaking for another connection’s client id', async () => {
    const { draft, a, r } = await pair();
    a.provider.awareness.setLocalStateField('user', { name: '起草人甲' });
    await waitFor(() => stateOf(r, a) !== undefined, 'the name');
    const spoofer = new WebSocket(`ws://127.0.0.1:${collab.server.port}/${draft.draftId}?ticket=${ticketFor(db, draft.draftId, draft.editors[1])}`);
    await new Promise((resolve) => spoofer.on('open', resolve));
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, a.doc.clientID);
    encoding.writeVarUint(update, 1_000_000);
    encoding.writeVarString(update, JSON.stringify({ user: { name: '冒名者' } }));
    spoofer.send(encodeAwareness(encoding.toUint8Array(update)));
    await sleep(200);
    expect(stateOf(r, a)?.user?.name).toBe(draft.editors[0].name);
    expect(spoofer.readyState).toBe(WebSocket.OPEN);
    spoofer.close();
    a.destroy();
    r.destroy();
  });

  it('relays one presence per socket, and none heavier than 8 KB', async () => {
    const { draft, a, r } = await pair();
    const socket = new WebSocket(`ws://127.0.0.1:${collab.server.port}/${draft.draftId}?ticket=${ticketFor(db, draft.draftId, draft.editors[1])}`);
    await new Promise((resolve) => socket.on('open', resolve));
    const claim = (entries: [number, unknown][]) => {
      const update = encoding.createEncoder();
      encoding.writeVarUint(update, entries.length);
      for (const [id, state] of entries) {
        encoding.writeVarUint(update, id);
        encoding.writeVarUint(update, 1);
        encoding.writeVarString(update, JSON.stringify(state));
      }
      socket.send(encodeAwareness(encoding.toUint8Array(update)));
    };
    claim([[900_001, { cursor: 1 }], [900_002, { cursor: 2 }], [900_003, { cursor: 3 }]]);
    claim([[900_004, { user: { name: 'x'.repeat(9000) } }]]);
    await sleep(300);
    const seen = [...r.provider.awareness.getStates().keys()].filter((id) => id > 900_000 && id < 900_010);
    expect(seen).toEqual([900_001]);
    socket.close();
    a.destroy();
    r.destroy();
  });
});
