import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CurrentUser } from '@/lib/auth';
import { ReadOnlyViolation, SharedDraft, StoreFailed, type DraftConnection } from './sharedDraft';

// "Written before relayed" with a store that answers later (a database server): nothing of an
// update is applied or sent to anyone before its store has succeeded, and the draft's updates
// are stored and applied one at a time, in the order they arrived.

function connection(userId: string, access: 'write' | 'read' = 'write'): DraftConnection & { frames: Uint8Array[] } {
  const frames: Uint8Array[] = [];
  const user = { id: userId, name: userId, email: `${userId}@example.cn`, role: 'drafter' } as CurrentUser;
  return { user, access, awarenessIds: new Set(), frames, send: (f) => frames.push(f) };
}

/// A store whose writes wait until the test settles them, one by one, with what each was given.
function heldStore() {
  const writes: { update: Uint8Array; by: string; settle: (error?: Error) => void }[] = [];
  const storeUpdate = (update: Uint8Array, c: DraftConnection) =>
    new Promise<void>((resolve, reject) => writes.push({ update, by: c.user.id, settle: (error) => (error ? reject(error) : resolve()) }));
  return { writes, storeUpdate };
}

/// An update that sets `key` in a map beside the draft (outside its schema's reach).
function setting(key: string, value: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('entries').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

const entries = (draft: SharedDraft) => draft.doc.getMap('entries').toJSON();
/// Frames sent to `c` since it was greeted (nobody here has presence, so each is an update).
const updatesSentTo = (c: { frames: Uint8Array[] }) => c.frames.length;

/// Connects each, then forgets the greeting (sync step 1) each was sent.
function connectAll(draft: SharedDraft, ...cs: (DraftConnection & { frames: Uint8Array[] })[]) {
  for (const c of cs) {
    draft.connect(c);
    c.frames.length = 0;
  }
}
const turn = () => new Promise((r) => setImmediate(r));

describe('SharedDraft with a store that answers later', () => {
  it('applies and relays an update only once its store has succeeded', async () => {
    const store = heldStore();
    const published: string[] = [];
    const draft = new SharedDraft('d1', { storeUpdate: store.storeUpdate, publish: (kind) => void published.push(kind) });
    const a = connection('u-a');
    const b = connection('u-b');
    connectAll(draft, a, b);
    const outcome = draft.receiveUpdate(a, setting('k', 1));
    await turn();
    expect(store.writes.map((w) => w.by)).toEqual(['u-a']);
    expect(entries(draft)).toEqual({});
    expect(updatesSentTo(b)).toBe(0);
    expect(published).toEqual([]);

    store.writes[0].settle();
    await expect(outcome).resolves.toBe('applied');
    expect(entries(draft)).toEqual({ k: 1 });
    expect(updatesSentTo(b)).toBe(1);
    expect(updatesSentTo(a)).toBe(0);
    expect(published).toEqual(['update']);
    draft.destroy();
  });

  it('stores the updates of several connections one at a time, in the order they arrived', async () => {
    const store = heldStore();
    const draft = new SharedDraft('d1', { storeUpdate: store.storeUpdate });
    const [a, b, c] = [connection('u-a'), connection('u-b'), connection('u-c')];
    connectAll(draft, a, b, c);
    const outcomes = [draft.receiveUpdate(a, setting('a', 1)), draft.receiveUpdate(b, setting('b', 2)), draft.receiveUpdate(a, setting('a2', 3))];
    for (const expected of [['u-a'], ['u-a', 'u-b'], ['u-a', 'u-b', 'u-a']]) {
      await turn();
      // The next write starts only after the one before it has been stored and applied.
      expect(store.writes.map((w) => w.by)).toEqual(expected);
      store.writes.at(-1)!.settle();
    }
    await expect(Promise.all(outcomes)).resolves.toEqual(['applied', 'applied', 'applied']);
    expect(entries(draft)).toEqual({ a: 1, b: 2, a2: 3 });
    expect(updatesSentTo(c)).toBe(3);
    draft.destroy();
  });

  it('refuses an update whose store failed, relays none of it, and goes on with the next', async () => {
    const store = heldStore();
    const draft = new SharedDraft('d1', { storeUpdate: store.storeUpdate });
    const [a, b] = [connection('u-a'), connection('u-b')];
    connectAll(draft, a, b);
    const failed = draft.receiveUpdate(a, setting('lost', 1));
    const next = draft.receiveUpdate(b, setting('kept', 2));
    await turn();
    store.writes[0].settle(new Error('connection terminated'));
    await expect(failed).rejects.toThrow(StoreFailed);
    await turn();
    store.writes[1].settle();
    await expect(next).resolves.toBe('applied');
    expect(entries(draft)).toEqual({ kept: 2 });
    expect(updatesSentTo(a)).toBe(1);
    expect(updatesSentTo(b)).toBe(0);
    draft.destroy();
  });

  it('checks a queued update when its turn comes: a no-op is not stored, a reader’s change is refused', async () => {
    const store = heldStore();
    const draft = new SharedDraft('d1', { storeUpdate: store.storeUpdate });
    const [a, reader] = [connection('u-a'), connection('u-r', 'read')];
    connectAll(draft, a, reader);
    const update = setting('k', 1);
    const first = draft.receiveUpdate(a, update);
    // The same update again: by its turn the document has it, so it changes nothing.
    const again = draft.receiveUpdate(a, update);
    const refused = draft.receiveUpdate(reader, setting('r', 9));
    await turn();
    store.writes[0].settle();
    await expect(first).resolves.toBe('applied');
    await expect(again).resolves.toBe('unchanged');
    await expect(refused).rejects.toThrow(ReadOnlyViolation);
    expect(store.writes.length).toBe(1);
    expect(entries(draft)).toEqual({ k: 1 });
    draft.destroy();
  });

  it('takes a queued update of a connection that closed before its turn, with the access it has by then', async () => {
    const store = heldStore();
    const draft = new SharedDraft('d1', { storeUpdate: store.storeUpdate });
    const [a, gone, demoted] = [connection('u-a'), connection('u-g'), connection('u-d')];
    connectAll(draft, a, gone, demoted);
    const first = draft.receiveUpdate(a, setting('k', 1));
    const late = draft.receiveUpdate(gone, setting('x', 1));
    const refused = draft.receiveUpdate(demoted, setting('d', 1));
    draft.disconnect(gone);
    demoted.access = 'read';
    for (let i = 0; i < 2; i++) {
      await turn();
      store.writes.at(-1)!.settle();
    }
    await expect(first).resolves.toBe('applied');
    await expect(late).resolves.toBe('applied');
    await expect(refused).rejects.toThrow(ReadOnlyViolation);
    expect(store.writes.map((w) => w.by)).toEqual(['u-a', 'u-g']);
    expect(entries(draft)).toEqual({ k: 1, x: 1 });
    draft.destroy();
  });

  it('keeps the synchronous path whole with a store that answers at once: applied and relayed before the call returns', () => {
    const stored: Uint8Array[] = [];
    const draft = new SharedDraft('d1', { storeUpdate: (u) => void stored.push(u) });
    const [a, b] = [connection('u-a'), connection('u-b')];
    connectAll(draft, a, b);
    void draft.receiveUpdate(a, setting('k', 1));
    expect(stored.length).toBe(1);
    expect(entries(draft)).toEqual({ k: 1 });
    expect(updatesSentTo(b)).toBe(1);
    draft.destroy();
  });
});
