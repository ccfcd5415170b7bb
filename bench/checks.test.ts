import { describe, expect, it } from 'vitest';
import {
  checkAllDelivered, checkChangesFound, checkSamePages, checkSearchTotals, checkStoredEqualsAccepted, compareChanges, percentileWithTimeouts, type ArticleChangeRef,
} from './checks';
import { failOnProblems } from './report';

describe('checkStoredEqualsAccepted', () => {
  it('passes when every 201 is a stored comment and nothing else was stored', () => {
    expect(checkStoredEqualsAccepted(9000, 9000)).toBeNull();
    expect(checkStoredEqualsAccepted(0, 0)).toBeNull();
  });

  it('fails when accepted comments were not stored, or comments were stored without a 201', () => {
    expect(checkStoredEqualsAccepted(8999, 9000)).toMatch(/8999.*9000.*1 accepted comments were not stored/);
    expect(checkStoredEqualsAccepted(9002, 9000)).toMatch(/2 comments were stored without a 201/);
  });
});

describe('checkAllDelivered', () => {
  it('passes when every expected delivery arrived once', () => {
    expect(checkAllDelivered('10 clients, Lawbench', { expected: 900, undelivered: 0, duplicated: 0 }, 500)).toBeNull();
  });

  it('fails on a single undelivered update, naming the server and the wait', () => {
    const problem = checkAllDelivered('10 clients, Lawbench', { expected: 900, undelivered: 1, duplicated: 0 }, 500);
    expect(problem).toMatch(/^10 clients, Lawbench: 1 of 900 deliveries undelivered within 500 ms/);
  });

  it('fails on an update delivered twice', () => {
    expect(checkAllDelivered('x', { expected: 900, undelivered: 0, duplicated: 2 }, 500)).toMatch(/2 deliveries beyond the 900 expected/);
  });
});

describe('percentileWithTimeouts', () => {
  const fast = Array.from({ length: 1000 }, () => 1);

  it('is the plain nearest-rank percentile when everything was delivered', () => {
    expect(percentileWithTimeouts([5, 1, 4, 2, 3], 0, 500, 50)).toBe(3);
    expect(percentileWithTimeouts(fast, 0, 500, 99)).toBe(1);
  });

  it('counts each undelivered update as the timeout, so that more than 1 % lost puts p99 at the timeout', () => {
    expect(percentileWithTimeouts(fast, 11, 500, 99)).toBe(500);
    expect(percentileWithTimeouts(fast, 11, 500, 50)).toBe(1);
    expect(percentileWithTimeouts(fast, 1, 500, 100)).toBe(500);
    // 5 of 1,005 is under 1 %: p99 stays on the measured latencies, the maximum does not.
    expect(percentileWithTimeouts(fast, 5, 500, 99)).toBe(1);
  });

  it('gives the timeout when nothing at all arrived', () => {
    expect(percentileWithTimeouts([], 3, 250, 50)).toBe(250);
  });

  it('leaves the samples as they are and refuses a negative or fractional count', () => {
    const samples = [3, 1, 2];
    percentileWithTimeouts(samples, 2, 500, 99);
    expect(samples).toEqual([3, 1, 2]);
    expect(() => percentileWithTimeouts(samples, -1, 500, 99)).toThrow(RangeError);
    expect(() => percentileWithTimeouts(samples, 0.5, 500, 99)).toThrow(RangeError);
  });
});

describe('checkSearchTotals', () => {
  const figure = { q: '物业', total: 960, exact: true, scanCount: 960, baselineTotal: null };

  it('passes when exact totals and the baseline count equal the scan count', () => {
    expect(checkSearchTotals([figure, { ...figure, q: '城市管理', total: 551, scanCount: 551, baselineTotal: 551 }])).toEqual([]);
  });

  it('fails on an exact total that differs from the scan count by one', () => {
    expect(checkSearchTotals([{ ...figure, total: 961 }])).toEqual(['search "物业": exact total 961 ≠ the scan\'s count 960']);
    expect(checkSearchTotals([{ ...figure, total: null }])).toHaveLength(1);
  });

  it('does not hold an estimated total to the count', () => {
    expect(checkSearchTotals([{ ...figure, q: '违反本条例规定', total: 523, exact: false, scanCount: 283 }])).toEqual([]);
  });

  it('fails when the baseline counts other articles than the scan', () => {
    expect(checkSearchTotals([{ ...figure, q: '城市管理', total: 530, exact: false, scanCount: 551, baselineTotal: 550 }])).toEqual([
      'search "城市管理": baseline count 550 ≠ the scan\'s count 551',
    ]);
  });

  it('checks nothing when no scan count was taken', () => {
    expect(checkSearchTotals([{ ...figure, total: 1, scanCount: NaN }])).toEqual([]);
  });
});

describe('checkSamePages', () => {
  it('passes when every first page equals the exhaustive one and names the questions that differ', () => {
    expect(checkSamePages('questions', [{ q: 'a', same: true }])).toBeNull();
    expect(checkSamePages('questions', [{ q: '邻居家养的狗', same: false }, { q: 'b', same: true }])).toMatch(/1\/2 first pages differ.*邻居家养的狗/);
  });
});

describe('compareChanges and checkChangesFound', () => {
  const planted: ArticleChangeRef[] = [
    { change: 'added', old: null, new: '第二十一条' },
    { change: 'modified', old: '第四十条', new: '第四十一条' },
    { change: 'deleted', old: '第一百条', new: null },
  ];

  it('passes when the changes found are the changes planted, in any order', () => {
    expect(checkChangesFound('s', planted, [...planted].reverse())).toBeNull();
    expect(compareChanges(planted, planted)).toEqual({ missing: [], extra: [] });
  });

  it('fails when a change is found on another article than the one changed', () => {
    const found = [planted[0], planted[1], { change: 'deleted' as const, old: '第八百五十一条', new: null }];
    expect(compareChanges(planted, found)).toEqual({ missing: ['deleted 第一百条 → –'], extra: ['deleted 第八百五十一条 → –'] });
    expect(checkChangesFound('s', planted, found)).toBe('diff "s": 3 changes found, 3 planted; not found: deleted 第一百条 → –; not planted: deleted 第八百五十一条 → –');
  });

  it('fails when a change is missed, added, taken for another kind, or reported twice', () => {
    expect(checkChangesFound('s', planted, planted.slice(1))).toMatch(/2 changes found, 3 planted; not found: added – → 第二十一条/);
    expect(checkChangesFound('s', planted.slice(1), planted)).toMatch(/not planted: added/);
    expect(checkChangesFound('s', planted, [planted[0], { ...planted[1], change: 'added' }, planted[2]])).not.toBeNull();
    expect(checkChangesFound('s', planted, [...planted, planted[2]])).toBe('diff "s": 4 changes found, 3 planted; not planted: deleted 第一百条 → –');
    expect(compareChanges([...planted, planted[0], planted[0]], planted).missing).toEqual(['added – → 第二十一条', 'added – → 第二十一条']);
    expect(compareChanges(planted, [...planted, planted[2], planted[2]]).extra).toHaveLength(2);
  });
});

describe('failOnProblems', () => {
  it('throws (so the bench exits non-zero) only when there is a problem', () => {
    expect(() => failOnProblems([])).not.toThrow();
    expect(() => failOnProblems(['a', 'b'])).toThrow('2 cross-checks failed: a …');
  });
});
