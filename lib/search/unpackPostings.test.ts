import { describe, expect, it } from 'vitest';
import { unpackPostings } from './unpackPostings';

/// SQLite's packing of a posting: article id × 32768 + stored score (× 4 + state).
const pack = (id: number, score: number, state?: number) => (state === undefined ? id * 32768 + score : (id * 32768 + score) * 4 + state);

describe('unpackPostings', () => {
  it('reads every posting, its score and state, in the order given', () => {
    const batch = unpackPostings([pack(7, 300, 1), pack(2, 300, 0), pack(40_000, 1, 2)].join(','), true);
    expect(batch.n).toBe(3);
    expect([...batch.ids]).toEqual([7, 2, 40_000]);
    expect([...batch.scores]).toEqual([300, 300, 1]);
    expect([...batch.states]).toEqual([1, 0, 2]);
    expect([...batch.points]).toEqual([0, 0, 0]);
    expect(batch.matched).toBe(0);
  });

  it('finds the highest and lowest score, and the highest id at the lowest, whatever the order', () => {
    // Out of index order: the lowest score (5) first at id 9, then again at ids 12 and 3; the highest (80) in between.
    const packed = [pack(9, 5), pack(1, 80), pack(12, 5), pack(4, 6), pack(3, 5)].join(',');
    expect(unpackPostings(packed, false)).toMatchObject({ n: 5, low: 5, high: 80, last: 12 });
    // The same postings in index order.
    const ordered = [pack(1, 80), pack(4, 6), pack(3, 5), pack(9, 5), pack(12, 5)].join(',');
    expect(unpackPostings(ordered, false)).toMatchObject({ low: 5, high: 80, last: 12 });
    expect(unpackPostings(String(pack(6, 0)), false)).toMatchObject({ n: 1, low: 0, high: 0, last: 6 });
  });

  it('reads nothing from an empty string: no lowest score and no last id', () => {
    const batch = unpackPostings('', true);
    expect(batch).toMatchObject({ n: 0, low: 0, high: 0, last: -1, matched: 0 });
    expect(batch.ids).toHaveLength(0);
    expect(batch.states).toHaveLength(0);
  });

  it('keeps no states when asked for none', () => {
    expect(unpackPostings(String(pack(3, 9)), false).states).toHaveLength(0);
  });
});
