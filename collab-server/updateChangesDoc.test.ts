import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateChangesDoc } from './updateChangesDoc';

function pair() {
  const server = new Y.Doc();
  const client = new Y.Doc();
  client.getText('t').insert(0, '第一条　为了规范犬只管理');
  client.getText('t').delete(2, 3);
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
  return { server, client };
}

describe('updateChangesDoc', () => {
  it('treats the sync step 2 of an up-to-date client as no change, delete set and all', () => {
    const { server, client } = pair();
    const step2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(Y.decodeUpdate(step2).ds.clients.size).toBe(1);
    expect(updateChangesDoc(server, step2)).toBe(false);
    expect(updateChangesDoc(server, Y.encodeStateAsUpdate(new Y.Doc()))).toBe(false);
    expect(updateChangesDoc(server, Y.encodeStateAsUpdate(client))).toBe(false);
  });

  it('sees an insertion, including one that overlaps what the doc has', () => {
    const { server, client } = pair();
    const before = Y.encodeStateVector(client);
    client.getText('t').insert(0, '〔');
    expect(updateChangesDoc(server, Y.encodeStateAsUpdate(client, before))).toBe(true);
    expect(updateChangesDoc(server, Y.encodeStateAsUpdate(client))).toBe(true);
  });

  it('sees a deletion of text the doc still has', () => {
    const { server, client } = pair();
    const updates: Uint8Array[] = [];
    client.on('update', (u: Uint8Array) => updates.push(u));
    client.getText('t').delete(0, 1);
    expect(updateChangesDoc(server, updates[0])).toBe(true);
    Y.applyUpdate(server, updates[0]);
    expect(updateChangesDoc(server, updates[0])).toBe(false);
  });

  it('sees changes that depend on something the doc lacks', () => {
    const { server, client } = pair();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(client));
    const updates: Uint8Array[] = [];
    other.on('update', (u: Uint8Array) => updates.push(u));
    other.getText('t').insert(0, '甲');
    other.getText('t').delete(0, 1);
    expect(updateChangesDoc(server, updates[1])).toBe(true);
  });

  it('throws on bytes that are not an update', () => {
    expect(() => updateChangesDoc(new Y.Doc(), new Uint8Array([5, 1, 200]))).toThrow();
  });
});
