import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { CurrentUser } from '@/lib/auth';
import { SharedDraft, type DraftConnection } from './sharedDraft';

/// A connection of `userId` on this instance that keeps what it was sent.
function localConnection(userId: string): DraftConnection & { frames: Uint8Array[] } {
  const frames: Uint8Array[] = [];
  const user = { id: userId, name: userId, email: `${userId}@example.cn`, role: 'drafter' } as CurrentUser;
  return { user, access: 'write', awarenessIds: new Set(), frames, send: (f) => frames.push(f) };
}

/// The awareness update a client with `clientId` sends for `state` (null: it leaves).
function presence(clientId: number, state: Record<string, unknown> | null, clock = 0): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new awarenessProtocol.Awareness(doc);
  for (let i = 0; i < clock; i++) awareness.setLocalState({ tick: i });
  awareness.setLocalState(state);
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]);
  awareness.destroy();
  return update;
}

function draftWithLog() {
  const published: string[] = [];
  const stored: Uint8Array[] = [];
  const draft = new SharedDraft('d1', { storeUpdate: (u) => void stored.push(u), publish: (kind) => void published.push(kind) });
  return { draft, published, stored };
}

const userOf = (draft: SharedDraft, id: number) => (draft.awareness.getStates().get(id) as { user?: { id?: string } } | undefined)?.user?.id;

describe('SharedDraft: what other instances relay', () => {
  it('applies a remote update and sends it to every local client, without storing or publishing it again', () => {
    const { draft, published, stored } = draftWithLog();
    const a = localConnection('u-a');
    draft.connect(a);
    const before = a.frames.length;
    const other = new Y.Doc();
    other.getMap('entries').set('k', 1);
    draft.applyRemoteUpdate(Y.encodeStateAsUpdate(other));
    expect(draft.doc.getMap('entries').get('k')).toBe(1);
    expect(a.frames.length).toBe(before + 1);
    // The same update again changes nothing and is sent to nobody.
    draft.applyRemoteUpdate(Y.encodeStateAsUpdate(other));
    expect(a.frames.length).toBe(before + 1);
    expect(published).toEqual([]);
    expect(stored).toEqual([]);
    draft.destroy();
  });

  it('publishes an update a local client made, after storing it', async () => {
    const { draft, published, stored } = draftWithLog();
    const a = localConnection('u-a');
    draft.connect(a);
    const mine = new Y.Doc();
    mine.getMap('entries').set('k', 2);
    await expect(draft.receiveUpdate(a, Y.encodeStateAsUpdate(mine))).resolves.toBe('applied');
    expect(stored.length).toBe(1);
    expect(published).toEqual(['update']);
    draft.destroy();
  });

  it('keeps a remote presence for its person: another person here cannot speak for that client id, the same person can', () => {
    const { draft, published } = draftWithLog();
    draft.applyRemoteAwareness(presence(42, { user: { id: 'u-x' }, cursor: 1 }));
    expect(userOf(draft, 42)).toBe('u-x');
    expect(published).toEqual([]);

    const stranger = localConnection('u-y');
    draft.connect(stranger);
    draft.receiveAwareness(stranger, presence(42, { cursor: 99 }, 1));
    expect(userOf(draft, 42)).toBe('u-x');
    expect(stranger.awarenessIds.size).toBe(0);

    const samePerson = localConnection('u-x');
    draft.connect(samePerson);
    draft.receiveAwareness(samePerson, presence(42, { cursor: 2 }, 2));
    expect((draft.awareness.getStates().get(42) as { cursor: number }).cursor).toBe(2);
    expect([...samePerson.awarenessIds]).toEqual([42]);
    expect(published).toEqual(['awareness']);

    // The other instance saying the client left no longer removes it: it is spoken for here now.
    draft.applyRemoteAwareness(presence(42, null, 5));
    expect(draft.awareness.getStates().has(42)).toBe(true);
    // When it leaves here, the others hear of it.
    draft.disconnect(samePerson);
    expect(draft.awareness.getStates().has(42)).toBe(false);
    expect(published).toEqual(['awareness', 'awareness']);
    draft.destroy();
  });
});
