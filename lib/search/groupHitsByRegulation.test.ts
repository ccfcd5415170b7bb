import { describe, expect, it } from 'vitest';
import { groupHitsByRegulation } from './groupHitsByRegulation';
import type { SearchHit } from './searchArticles';

const hit = (articleId: number, regulationId: string, score: number): SearchHit => ({
  articleId, regulationId, regulationTitle: `${regulationId}条例`, versionId: `${regulationId}-v1`, eid: `art_${articleId}`, number: articleId, sub: 0,
  score, snippet: '', highlights: [],
});

describe('groupHitsByRegulation', () => {
  it('orders groups by their best hit and keeps rank order inside each', () => {
    const groups = groupHitsByRegulation([hit(1, 'a', 9), hit(2, 'b', 8), hit(3, 'a', 7), hit(4, 'c', 6), hit(5, 'b', 5)]);
    expect(groups.map((g) => [g.regulationId, g.score, g.hits.map((h) => h.articleId)])).toEqual([
      ['a', 9, [1, 3]],
      ['b', 8, [2, 5]],
      ['c', 6, [4]],
    ]);
    expect(groups[0].regulationTitle).toBe('a条例');
  });

  it('returns no groups for no hits', () => {
    expect(groupHitsByRegulation([])).toEqual([]);
  });
});
