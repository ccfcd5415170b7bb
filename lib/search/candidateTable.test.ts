import { describe, expect, it } from 'vitest';
import { CandidateTable } from './candidateTable';
import { seededRandom } from './testing/rankingCorpus';

// The ranked walk's table of candidates, on its own: slots found again, and θ — the k-th best
// known points — against sorting every article's points by hand.

describe('CandidateTable', () => {
  it('finds each article it took in again, and none it did not, beyond the highest id it was told of too', () => {
    const table = new CandidateTable(3, 10);
    // Ids up to 10 fit the index it starts with; 11 is the first beyond it.
    expect([table.slot(4), table.slot(10), table.slot(11), table.slot(50)]).toEqual([-1, -1, -1, -1]);
    const a = table.add(4);
    const edge = table.add(11);
    const b = table.add(50);
    const c = table.add(5000);
    expect([table.slot(4), table.slot(11), table.slot(50), table.slot(5000), table.slot(10), table.slot(49), table.slot(100_000)]).toEqual([a, edge, b, c, -1, -1, -1]);
    expect([...table.ids.slice(0, table.size)]).toEqual([4, 11, 50, 5000]);
  });

  it('keeps θ the k-th highest points known, as articles are met and credited in any order', () => {
    const random = seededRandom(5);
    for (const k of [1, 3, 10]) {
      const table = new CandidateTable(k, 3000);
      const points = new Map<number, number>();
      // More than the table's first 1,024 slots, so that it grows on the way.
      for (let step = 0; step < 6000; step++) {
        const id = 1 + Math.floor(random() * 2500);
        const s = table.slot(id) >= 0 ? table.slot(id) : table.add(id);
        const earned = random() < 0.2 ? 0 : Math.floor(random() * 50);
        table.credit(s, earned, 1 << (step % 3));
        points.set(id, (points.get(id) ?? 0) + earned);
        if (step % 97 === 0 || step === 5999) {
          const best = [...points.values()].filter((p) => p > 0).sort((x, y) => y - x);
          expect(table.theta(), `k ${k}, step ${step}`).toBe(best.length < k ? 0 : best[k - 1]);
        }
      }
      for (const [id, p] of points) expect(table.points[table.slot(id)]).toBe(p);
    }
  });

  it('keeps θ right when the first article it met has no points while the heap fills', () => {
    // Slot 0 stays out of the heap; a candidate raised while the heap is part full sinks only
    // among the candidates in it.
    const table = new CandidateTable(3, 10);
    table.credit(table.add(1), 0, 1);
    const five = table.add(2);
    table.credit(five, 5, 1);
    table.credit(table.add(3), 7, 1);
    table.credit(five, 10, 2);
    expect(table.theta()).toBe(0);
    table.credit(table.add(4), 9, 1);
    expect(table.theta()).toBe(7);
  });

  it('holds a word’s bound on a slot until it is released or the text is counted', () => {
    const table = new CandidateTable(2, 10);
    const s = table.add(3);
    table.hold(s, 40, 1);
    table.hold(s, 25, 2);
    expect([table.pending[s], table.pendingBits[s]]).toEqual([65, 3]);
    table.release(s, 40, 1);
    table.release(s, 40, 1);
    expect([table.pending[s], table.pendingBits[s]]).toEqual([25, 2]);
    table.settle(s);
    expect([table.pending[s], table.pendingBits[s]]).toEqual([0, 0]);
    table.credit(s, 0, 4);
    expect(table.known[s]).toBe(4);
  });
});
