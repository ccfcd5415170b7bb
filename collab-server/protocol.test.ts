import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { encodeAwareness, encodeSyncStep1, encodeUpdate, MalformedMessage, parseClientMessage } from './protocol';

describe('parseClientMessage', () => {
  it('reads the frames the stock client sends', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, '条');
    expect(parseClientMessage(encodeSyncStep1(doc))).toEqual({ type: 'sync-step-1', stateVector: Y.encodeStateVector(doc) });
    const update = Y.encodeStateAsUpdate(doc);
    expect(parseClientMessage(encodeUpdate(update))).toEqual({ type: 'update', update });
    expect(parseClientMessage(encodeAwareness(new Uint8Array([0])))).toEqual({ type: 'awareness', update: new Uint8Array([0]) });
    expect(parseClientMessage(new Uint8Array([3]))).toEqual({ type: 'query-awareness' });
    const step2 = encoding.createEncoder();
    encoding.writeVarUint(step2, 0);
    encoding.writeVarUint(step2, 1);
    encoding.writeVarUint8Array(step2, update);
    expect(parseClientMessage(encoding.toUint8Array(step2))).toEqual({ type: 'sync-step-2', update });
  });

  it('refuses garbage, truncation, trailing bytes, unknown types and bad state vectors', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, '条');
    const frame = encodeUpdate(Y.encodeStateAsUpdate(doc));
    for (const bad of [
      new Uint8Array([]),
      new Uint8Array([0xff, 0xff, 0xff]),
      new Uint8Array([7]),
      new Uint8Array([0, 9, 0]),
      frame.subarray(0, frame.length - 1),
      new Uint8Array([...frame, 1]),
      new Uint8Array([0, 0, 3, 5, 0x80, 0x80]),
    ]) {
      expect(() => parseClientMessage(bad), `frame ${[...bad]}`).toThrow(MalformedMessage);
    }
  });
});
