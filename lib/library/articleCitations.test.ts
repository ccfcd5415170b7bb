import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteEngine } from '@/db/engine';
import { freshDatabase } from '@/db/testing';
import { seedLibrary } from '@/lib/demo';
import { getArticle } from './getArticle';

const t = freshDatabase();
afterAll(t.cleanup);
beforeAll(async () => {
  await seedLibrary(sqliteEngine(t.db));
});

describe('getArticle provisions', () => {
  it('gives each 款 of an article of several its own citation', () => {
    const twelve = getArticle('舟山市养犬管理条例', 12, {}, t.db);
    expect(twelve.provisions.map((p) => p.citation)).toEqual(['《舟山市养犬管理条例》第十二条第一款', '《舟山市养犬管理条例》第十二条第二款', '《舟山市养犬管理条例》第十二条第三款']);
  });

  it('cites the 项 of a one-款 article without 第一款', () => {
    const citations = getArticle('舟山市养犬管理条例', 32, {}, t.db).provisions.map((p) => p.citation);
    expect(citations[0]).toBe('《舟山市养犬管理条例》第三十二条第（一）项');
    expect(citations).not.toContain('《舟山市养犬管理条例》第三十二条第一款');
    // With several 款, a 项 names its 款.
    const twentyFour = getArticle('舟山市养犬管理条例', 24, {}, t.db).provisions.map((p) => p.citation);
    expect(twentyFour.slice(0, 3)).toEqual(['《舟山市养犬管理条例》第二十四条第一款', '《舟山市养犬管理条例》第二十四条第一款第（一）项', '《舟山市养犬管理条例》第二十四条第一款第（二）项']);
  });

  it('dates the citations of a text no longer in force, and has none for an article of one plain 款', () => {
    const old = getArticle('北京市审计条例', 2, { at: '2015-01-01' }, t.db);
    expect(old.provisions[1].citation).toBe('《北京市审计条例》第二条第二款（2012年10月1日施行的文本）');
    expect(getArticle('舟山市养犬管理条例', 1, {}, t.db).provisions).toEqual([]);
  });
});
