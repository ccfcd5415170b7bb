import { describe, expect, it } from 'vitest';
import { decodeRelayMessage, encodeRelayMessage, instanceIdBytes } from './clusterRelay';

const instance = new Uint8Array(instanceIdBytes).fill(7);

describe('encodeRelayMessage / decodeRelayMessage', () => {
  it('gives back the kind, the sending instance and the payload', () => {
    for (const kind of ['update', 'awareness'] as const) {
      const decoded = decodeRelayMessage(encodeRelayMessage(kind, instance, new Uint8Array([1, 2, 3])));
      expect(decoded && { kind: decoded.kind, instance: [...decoded.instance], payload: [...decoded.payload] }).toEqual({ kind, instance: [...instance], payload: [1, 2, 3] });
    }
    expect(decodeRelayMessage(encodeRelayMessage('catchUp', instance, new Uint8Array()))?.kind).toBe('catchUp');
  });

  it('ignores what is not a relayed message: an unknown kind, a cut header, an update without bytes', () => {
    expect(decodeRelayMessage(Buffer.from('hello world from a stranger'))).toBeNull();
    expect(decodeRelayMessage(new Uint8Array([0, 1, 2]))).toBeNull();
    expect(decodeRelayMessage(encodeRelayMessage('update', instance, new Uint8Array()))).toBeNull();
    expect(decodeRelayMessage(new Uint8Array())).toBeNull();
  });

  it('refuses an instance id of the wrong length', () => {
    expect(() => encodeRelayMessage('update', new Uint8Array(4), new Uint8Array([1]))).toThrow(/8 bytes/);
  });
});
