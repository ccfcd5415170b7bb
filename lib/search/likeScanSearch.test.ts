import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { indexVersion } from './indexVersion';
import { likeScanSearch } from './likeScanSearch';
import { searchArticles } from './searchArticles';
import { addRegulationVersion, corpusArticles } from './testing/library';

describe('likeScanSearch', () => {
  const { db, cleanup } = freshDatabase();
  afterAll(cleanup);
  const hz = addRegulationVersion(db, { id: 'hz', title: '杭州市物业管理条例', articles: [...corpusArticles('reg-070-hangzhou.md'), '费率按5%_计收。'] });
  indexVersion(db, hz.versionId);
  addRegulationVersion(db, { id: 'other', title: '未索引的条例', articles: ['物业服务企业应当公示收费标准。'] });

  it('finds the same articles as the index for a two-character query', () => {
    const like = likeScanSearch(db, '物业', 1000).map((h) => h.articleId);
    const indexed = [0, 100].flatMap((offset) => searchArticles(db, { q: '物业', limit: 100, offset }).hits.map((h) => h.articleId));
    expect(like.length).toBeGreaterThan(20);
    expect(new Set(like)).toEqual(new Set(indexed));
  });

  it('only searches indexed versions and ranks by occurrences per character', () => {
    const hits = likeScanSearch(db, '物业', 1000);
    expect(hits.every((h) => h.regulationId === 'hz')).toBe(true);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('refuses an empty query and one longer than 200 characters, and reads the query without its spaces', () => {
    expect(() => likeScanSearch(db, '  ')).toThrow('query_empty');
    expect(() => likeScanSearch(db, '物'.repeat(201))).toThrow('query_too_long');
    expect(likeScanSearch(db, '物'.repeat(200))).toEqual([]);
    expect(likeScanSearch(db, ' 物业服务 ', 1000)).toEqual(likeScanSearch(db, '物业服务', 1000));
    expect(likeScanSearch(db, ' 物业服务 ', 1000).length).toBeGreaterThan(0);
  });

  it('takes % and _ literally', () => {
    expect(likeScanSearch(db, '5%_').map((h) => h.articleId)).toEqual([hz.articleIds[hz.articleIds.length - 1]]);
    expect(likeScanSearch(db, '%')).toHaveLength(1);
  });
});
