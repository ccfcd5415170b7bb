import { describe, expect, it } from 'vitest';
import { orderedId, orderedIdSource } from './orderedId';

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const millisOf = (id: string) => parseInt(id.slice(0, 8) + id.slice(9, 13), 16);

describe('orderedId', () => {
  it('is a version 7 UUID carrying the moment it was made', () => {
    const id = orderedIdSource()(Date.UTC(2026, 11, 6, 8, 0, 0, 123));
    expect(id).toMatch(uuidV7);
    expect(new Date(millisOf(id)).toISOString()).toBe('2026-12-06T08:00:00.123Z');
  });

  it('sorts in the order made, thousands within one millisecond (past the counter’s end) included', () => {
    const at = Date.UTC(2027, 0, 1);
    const ids = Array.from({ length: 5000 }, () => orderedId(at));
    // Each source keeps its own count: a fresh one starts at the moment given.
    const fresh = orderedIdSource();
    expect(millisOf(fresh(at))).toBe(at);
    expect(ids.every((id) => uuidV7.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // 5,000 ids cannot fit one millisecond's 4,096 counter values: the later ones move on.
    expect(millisOf(ids.at(-1)!)).toBeGreaterThan(at);
  });

  it('still sorts after the clock steps back', () => {
    const first = orderedId(Date.UTC(2027, 1, 1, 12));
    const second = orderedId(Date.UTC(2027, 1, 1, 11));
    expect(second > first).toBe(true);
  });

  it('differs in its random part between ids of separate milliseconds', () => {
    const a = orderedId(Date.UTC(2027, 2, 1));
    const b = orderedId(Date.UTC(2027, 2, 1) + 1);
    expect(a.slice(19)).not.toBe(b.slice(19));
    expect(b > a).toBe(true);
  });
});
