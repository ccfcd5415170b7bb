import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeEditSpans } from './decodeEditSpans';

function updatesOf(doc: Y.Doc, edit: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const listener = (u: Uint8Array) => updates.push(u);
  doc.on('update', listener);
  edit();
  doc.off('update', listener);
  return Y.mergeUpdates(updates);
}

describe('decodeEditSpans', () => {
  it('reports the ids an update inserted, adjacent runs of one client as one span', () => {
    const doc = new Y.Doc();
    doc.clientID = 7;
    const text = doc.getText('t');
    // One transaction: three separate inserts become three structs with consecutive clocks.
    const update = updatesOf(doc, () => doc.transact(() => {
      text.insert(0, '第一条');
      text.insert(3, '为了');
      text.insert(0, '〔');
    }));
    expect(decodeEditSpans(update)).toEqual([{ kind: 'insert', client: 7, clock: 0, len: 6 }]);
  });

  it('reports the ids an update deleted, by the client that made them', () => {
    const a = new Y.Doc();
    a.clientID = 1;
    a.getText('t').insert(0, '本条例自公布之日起施行');
    const b = new Y.Doc();
    b.clientID = 2;
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const update = updatesOf(b, () => {
      b.getText('t').delete(3, 4);
      b.getText('t').insert(3, '2025年1月1日');
    });
    expect(decodeEditSpans(update)).toEqual([
      { kind: 'insert', client: 2, clock: 0, len: 9 },
      { kind: 'delete', client: 1, clock: 3, len: 4 },
    ]);
  });

  it('throws on bytes that are not a Yjs update', () => {
    expect(() => decodeEditSpans(new Uint8Array([1, 2, 3]))).toThrow();
  });
});
