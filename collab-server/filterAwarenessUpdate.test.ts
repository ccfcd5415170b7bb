import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { filterAwarenessUpdate } from './filterAwarenessUpdate';

function statesOf(update: Uint8Array): Map<number, unknown> {
  const awareness = new Awareness(new Y.Doc());
  applyAwarenessUpdate(awareness, update, null);
  const states = new Map(awareness.getStates());
  states.delete(awareness.clientID);
  awareness.destroy();
  return states;
}

describe('filterAwarenessUpdate', () => {
  const a = new Awareness(new Y.Doc());
  const b = new Awareness(new Y.Doc());
  a.setLocalState({ user: { name: '甲' } });
  b.setLocalState({ user: { name: '乙' } });
  applyAwarenessUpdate(a, encodeAwarenessUpdate(b, [b.clientID]), null);
  const both = encodeAwarenessUpdate(a, [a.clientID, b.clientID]);

  it('keeps the allowed entries only', () => {
    const kept = filterAwarenessUpdate(both, (id) => id === a.clientID)!;
    expect([...statesOf(kept).entries()]).toEqual([[a.clientID, { user: { name: '甲' } }]]);
    expect(filterAwarenessUpdate(both, () => true)).toBe(both);
    expect(filterAwarenessUpdate(both, () => false)).toBeNull();
  });

  it('throws on a truncated update or a state that is not JSON', () => {
    expect(() => filterAwarenessUpdate(both.subarray(0, both.length - 2), () => true)).toThrow();
    expect(() => filterAwarenessUpdate(new Uint8Array([1, 5, 1, 3, 0x7b, 0x7b, 0x7b]), () => true)).toThrow();
  });
});
