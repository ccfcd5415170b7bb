import { describe, expect, it } from 'vitest';
import { median, percentile } from './report';

describe('percentile', () => {
  it('gives the nearest-rank value: the smallest that at least q% of the values are at or below', () => {
    const ms = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect([0, 10, 11, 50, 51, 90, 95, 99, 100].map((q) => percentile(ms, q))).toEqual([1, 1, 2, 5, 6, 9, 10, 10, 10]);
  });

  it('is one of the values, not an interpolation, where the median averages the middle two', () => {
    expect(percentile([1, 2, 3, 100], 50)).toBe(2);
    expect(median([1, 2, 3, 100])).toBe(2.5);
    expect(percentile([4.25], 99)).toBe(4.25);
  });

  it('takes p99 of 1,000 latencies as the 990th smallest, leaving the 10 slowest above it', () => {
    const latencies = Array.from({ length: 1000 }, (_, i) => 1000 - i);
    expect(percentile(latencies, 99)).toBe(990);
    expect(percentile(latencies, 50)).toBe(500);
  });

  it('does not move up a rank when q × n / 100 comes out a hair above a whole number', () => {
    // 2.2 × 1500 / 100 is 33.00000000000001 in floating point; the 33rd value is the answer.
    expect(percentile(Array.from({ length: 1500 }, (_, i) => i + 1), 2.2)).toBe(33);
  });

  it('leaves the values in their order, is NaN for none and refuses q outside 0–100', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile(values, 101)).toThrow(RangeError);
    expect(() => percentile(values, -1)).toThrow(RangeError);
    expect(() => percentile(values, NaN)).toThrow(RangeError);
  });
});
