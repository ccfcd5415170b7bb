import { sqliteEngine } from '@/db/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { seedLibrary } from '@/lib/demo';
import { getRegulationArticleHistory } from './getRegulationArticleHistory';

const t = freshDatabase();
afterAll(t.cleanup);
beforeAll(async () => {
  await seedLibrary(sqliteEngine(t.db));
});

const before2023 = { at: '2020-01-01' };

describe('getRegulationArticleHistory', () => {
  it('follows an article that kept its text under a new number (2012 第四十四条 → 2023 第三十七条)', async () => {
    const h = await getRegulationArticleHistory(sqliteEngine(t.db), '北京市审计条例', { number: 44 }, before2023);
    expect(h.citation).toBe('《北京市审计条例》第四十四条');
    expect(h.entries.map((e) => [e.seq, e.change, e.label, e.articleChange, e.selected])).toEqual([
      [1, 'original', '第四十四条', 'added', true],
      [2, 'amendment', '第三十七条', 'renumbered', false],
    ]);
    expect(h.entries[1].text).toBe('本条例自2012年10月1日起施行。');
    expect(h.entries[1].tokens).toBeUndefined();
  });

  it('marks a modified article with the word-level change from the version before', async () => {
    const h = await getRegulationArticleHistory(sqliteEngine(t.db), '北京市审计条例', { number: 42 }, before2023);
    const [old, amended] = h.entries;
    expect(old).toMatchObject({ number: 42, effectiveOn: '2012-10-01', adoptedOn: '2012-07-27' });
    expect(amended).toMatchObject({ number: 36, label: '第三十六条', articleChange: 'modified' });
    expect(amended.tokens).toContainEqual({ op: 'delete', text: '行政' });
    expect(amended.text).toContain('依法给予处分');
  });

  it('traces backwards from the text in force today, the same article found either way', async () => {
    const h = await getRegulationArticleHistory(sqliteEngine(t.db), '北京市审计条例', { number: 36 }, { at: '2024-06-01' });
    expect(h.entries.map((e) => [e.number, e.selected])).toEqual([
      [42, false],
      [36, true],
    ]);
  });

  it('shows an article added in 2023 as absent from the 2012 text', async () => {
    const h = await getRegulationArticleHistory(sqliteEngine(t.db), '北京市审计条例', { number: 7 }, { at: '2024-06-01' });
    expect(h.entries[0]).toMatchObject({ seq: 1, articleChange: 'absent', label: null, number: null, text: null });
    expect(h.entries[1]).toMatchObject({ seq: 2, articleChange: 'added', number: 7 });
  });

  it('shows an article dropped in 2023 as deleted there', async () => {
    const h = await getRegulationArticleHistory(sqliteEngine(t.db), '北京市审计条例', { number: 43 }, before2023);
    expect(h.entries[1]).toMatchObject({ seq: 2, articleChange: 'deleted', text: null });
  });

  it('answers not_found for an article the version does not have, and refuses a bad date', async () => {
    await expect(getRegulationArticleHistory(sqliteEngine(t.db), '北京市审计条例', { number: 44 }, { at: '2024-06-01' })).rejects.toThrow('article_not_found');
    await expect(getRegulationArticleHistory(sqliteEngine(t.db), '北京市审计条例', { number: 2, sub: 1 }, {})).rejects.toThrow('article_not_found');
    await expect(getRegulationArticleHistory(sqliteEngine(t.db), '没有这部条例', { number: 1 }, {})).rejects.toThrow('regulation_not_found');
    await expect(getRegulationArticleHistory(sqliteEngine(t.db), '北京市审计条例', { number: 1 }, { at: '2024-02-30' })).rejects.toThrow('date_invalid');
  });
});
