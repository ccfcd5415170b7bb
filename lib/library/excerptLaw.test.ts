import { sqliteEngine } from '@/db/engine';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { getArticle } from './getArticle';
import { getRegulation } from './getRegulation';
import { importRegulation } from './importRegulation';
import { readRegulationFile } from './readRegulationFile';
import { resolveCitationQuery } from './resolveCitationQuery';
import { searchLibrary } from './searchLibrary';

/// The question set's laws hold only the articles some question needs: 民法典 starts at 第六条
/// and jumps to 第十六条. The library must show and cite them by the numbers they print.
const t = freshDatabase();
afterAll(t.cleanup);
const title = '中华人民共和国民法典';
beforeAll(async () => {
  const json = await readRegulationFile(readFileSync('testdata/questions/laws/005.md'), '005.md');
  await importRegulation(sqliteEngine(t.db), json, {});
});

describe('a law imported as an excerpt', () => {
  it('keeps the numbers it prints, and says where it skips', async () => {
    const r = getRegulation(title, {}, t.db);
    expect(r.text.articles.slice(0, 3).map((a) => [a.label, a.eid])).toEqual([
      ['第六条', 'art_6'], ['第十六条', 'art_16'], ['第十九条', 'art_19'],
    ]);
    const json = await readRegulationFile(readFileSync('testdata/questions/laws/005.md'), '005.md');
    expect(json.warnings.find((w) => w.code === 'article_number_gap')?.message).toBe('条文序号不连续：第六条之前缺少第一条，按原文编号保留');
  });

  it('answers 民法典第五十四条 with the article printed as 第五十四条', async () => {
    const cited = await resolveCitationQuery(sqliteEngine(t.db), `${title}第五十四条`);
    expect(cited).toMatchObject({ article: 54 });
    const article = getArticle(cited!.slug, cited!.article, {}, t.db);
    expect(article.article.label).toBe('第五十四条');
    expect(article.article.paragraphs[0].text).toContain('为个体工商户');
  });

  it('labels a question’s hits with the printed numbers', async () => {
    const found = await searchLibrary(sqliteEngine(t.db), { q: '谁可以成为个体工商户', pageSize: 5 });
    const labels = found.groups.flatMap((g) => g.hits.map((h) => h.label));
    expect(labels).toContain('第五十四条');
  });
});
