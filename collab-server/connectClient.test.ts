import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { freshDatabase } from '@/db/testing';
import { collabCloseCodes } from '@/lib/editor';
import { readDraftDoc } from '@/lib/drafting';
import { encodeUpdate } from './protocol';
import { sqlitePersistence } from './sqlitePersistence';
import { maxMessageBytes, startCollabServer } from './startCollabServer';
import { connectTestClient, useCollabServer, seedDraft, ticketFor, waitFor } from './testing';

const collab = useCollabServer();
const { db } = collab;
const draft = seedDraft(db, { editors: 3 });

/// Opens an authorized raw socket, sends `frame` once the server greeted it, resolves with the close.
async function sendRaw(frame: Uint8Array | string, port = collab.server.port): Promise<{ code: number; reason: string }> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/${draft.draftId}?ticket=${ticketFor(db, draft.draftId, draft.editors[2])}`);
  socket.on('error', () => {});
  socket.once('message', () => socket.send(frame));
  return new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

/// Two stock clients on the draft, used to show that a bad socket leaves everyone else alone.
async function bystanders() {
  const a = connectTestClient(collab.server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.editors[0]) });
  const b = connectTestClient(collab.server.port, draft.draftId, { ticket: ticketFor(db, draft.draftId, draft.editors[1]) });
  await Promise.all([a.synced, b.synced]);
  return {
    async stillSync(word: string) {
      a.doc.getArray<string>('words').push([word]);
      await waitFor(() => b.doc.getArray<string>('words').toArray().includes(word), `"${word}" to reach the other client`);
      expect(a.closes).toEqual([]);
      expect(b.closes).toEqual([]);
    },
    destroy() {
      a.destroy();
      b.destroy();
    },
  };
}

describe('connectClient: bad input', () => {
  it('closes only the socket that sent garbage, with 4400', async () => {
    const others = await bystanders();
    expect(await sendRaw(new Uint8Array([0xff, 0xff, 0xff, 0x7f, 0x00]))).toEqual({ code: collabCloseCodes.malformedMessage, reason: 'malformed message' });
    expect((await sendRaw(new Uint8Array([0x09]))).code).toBe(collabCloseCodes.malformedMessage);
    await others.stillSync('after garbage');
    others.destroy();
  });

  it('closes a socket that sent a truncated update or trailing bytes, with 4400, and stores nothing of it', async () => {
    const others = await bystanders();
    const doc = new Y.Doc();
    doc.getText('t').insert(0, '被截断的条文');
    const frame = encodeUpdate(Y.encodeStateAsUpdate(doc));
    expect((await sendRaw(frame.subarray(0, frame.length - 4))).code).toBe(collabCloseCodes.malformedMessage);
    expect((await sendRaw(new Uint8Array([...frame, 0]))).code).toBe(collabCloseCodes.malformedMessage);
    // A well-framed sync message whose Yjs update is itself cut short.
    const update = Y.encodeStateAsUpdate(doc);
    expect((await sendRaw(encodeUpdate(update.subarray(0, update.length - 5)))).code).toBe(collabCloseCodes.malformedMessage);
    await others.stillSync('after truncation');
    const stored = new Y.Doc();
    Y.applyUpdate(stored, readDraftDoc(draft.draftId, db)!);
    expect(stored.getText('t').toString()).toBe('');
    others.destroy();
  });

  it('closes a socket that sent a text frame, with 4400', async () => {
    expect((await sendRaw('hello')).code).toBe(collabCloseCodes.malformedMessage);
  });

  it('refuses a message over 10 MB with 1009 and carries on', async () => {
    const others = await bystanders();
    const big = new Uint8Array(maxMessageBytes + 1);
    expect((await sendRaw(big)).code).toBe(collabCloseCodes.messageTooBig);
    await others.stillSync('after the big one');
    others.destroy();
  });
});

describe('connectClient: storage failure', () => {
  it('closes the writer with 1011 and relays nothing when the update cannot be stored', async () => {
    const { db: db2, cleanup: cleanup2 } = freshDatabase();
    const d = seedDraft(db2, { editors: 2 });
    const real = sqlitePersistence(db2, () => {});
    let failing = false;
    const flaky = await startCollabServer({
      port: 0,
      host: '127.0.0.1',
      db: db2,
      log: () => {},
      persistence: {
        ...real,
        storeUpdate: (...args) => {
          if (failing) throw new Error('SQLITE_FULL');
          return real.storeUpdate(...args);
        },
      },
    });
    const a = connectTestClient(flaky.port, d.draftId, { ticket: () => ticketFor(db2, d.draftId, d.editors[0]) });
    const b = connectTestClient(flaky.port, d.draftId, { ticket: () => ticketFor(db2, d.draftId, d.editors[1]) });
    await Promise.all([a.synced, b.synced]);
    failing = true;
    a.doc.getText('t').insert(0, '未能保存');
    await waitFor(() => a.closes.length > 0, 'the writer to be closed');
    expect(a.closes[0]).toEqual({ code: collabCloseCodes.internalError, reason: 'update not stored, retry' });
    await new Promise((r) => setTimeout(r, 100));
    expect(b.doc.getText('t').toString()).toBe('');
    // Once storage works again the client's reconnect delivers the same change.
    failing = false;
    await waitFor(() => b.doc.getText('t').toString() === '未能保存', 'the change after the retry');
    a.destroy();
    b.destroy();
    await flaky.close();
    cleanup2();
  });
});

describe('connectClient: a store that answers later', () => {
  it('relays nothing of an update before its row is written, and every edit arrives, in order', async () => {
    const { db: db2, cleanup: cleanup2 } = freshDatabase();
    const d = seedDraft(db2, { editors: 2 });
    const real = sqlitePersistence(db2, () => {});
    const rows = () => db2.$client.prepare('select count(*) as n from draft_updates where draft_id = ?').get(d.draftId) as { n: number };
    // Each write lands 20 ms after it was asked for, as a database server's would.
    const slow = await startCollabServer({
      port: 0,
      host: '127.0.0.1',
      db: db2,
      log: () => {},
      persistence: { ...real, storeUpdate: (...args) => new Promise<void>((resolve) => setTimeout(() => resolve(real.storeUpdate(...args)), 20)) },
    });
    const a = connectTestClient(slow.port, d.draftId, { ticket: () => ticketFor(db2, d.draftId, d.editors[0]) });
    const b = connectTestClient(slow.port, d.draftId, { ticket: () => ticketFor(db2, d.draftId, d.editors[1]) });
    await Promise.all([a.synced, b.synced]);
    // Each time b is shown edits: how many it has, and how many rows were written by then.
    const seen: { shown: number; written: number }[] = [];
    const before = rows().n;
    b.doc.getArray<string>('words').observe(() => seen.push({ shown: b.doc.getArray('words').length, written: rows().n - before }));
    const words = Array.from({ length: 10 }, (_, i) => `第${i + 1}条`);
    for (const w of words) a.doc.getArray<string>('words').push([w]);
    await waitFor(() => b.doc.getArray('words').length === words.length, 'every edit at the other client');
    expect(b.doc.getArray('words').toArray()).toEqual(words);
    expect(seen.length).toBeGreaterThan(0);
    for (const s of seen) expect(s.written).toBeGreaterThanOrEqual(s.shown);
    expect(rows().n - before).toBe(words.length);
    a.destroy();
    b.destroy();
    await slow.close();
    cleanup2();
  });
});
