import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { answerQuery } from './answerQuery';
import { indexVersion } from './indexVersion';
import { readQuestion } from './readQuestion';
import { searchArticles } from './searchArticles';
import { addRegulationVersion, corpusArticles } from './testing/library';

const labour = [
  '用人单位自用工之日起即与劳动者建立劳动关系。',
  '劳动者提前三十日以书面形式通知用人单位，可以解除劳动合同。',
  '用人单位应当依法为劳动者缴纳社会保险费。',
  '用人单位违反本法规定解除或者终止劳动合同的，应当依照本法第八十七条规定支付赔偿金。',
];
const crafted = ['本条所称“OR 1=1”是一段文字，不是查询语法。', '饲养犬只的，应当为犬只办理登记。'];

describe('answerQuery', () => {
  const { db, cleanup } = freshDatabase();
  const texts: string[] = [];

  beforeAll(() => {
    const add = (id: string, title: string, articles: string[]) => {
      indexVersion(db, addRegulationVersion(db, { id, title, articles }).versionId);
      texts.push(...articles);
    };
    add('labour', '劳动合同法', labour);
    add('jiaxing-dogs', '嘉兴市养犬管理条例', corpusArticles('reg-058-jiaxing.md'));
    add('crafted', '检索测试规范', crafted);
  });
  afterAll(cleanup);

  it('answers a phrase that occurs as a phrase search', () => {
    const result = answerQuery(db, { q: '养犬 登记', limit: 5 });
    expect(result.mode).toBe('phrase');
    expect(result.terms).toEqual(['养犬', '登记']);
    expect(result.expansions).toEqual([]);
    expect(result.hits.map((h) => h.articleId)).toEqual(searchArticles(db, { q: '养犬 登记', limit: 5 }).hits.map((h) => h.articleId));
  });

  it('keeps a later, empty page of a phrase that matches a phrase search', () => {
    const result = answerQuery(db, { q: '劳动合同', limit: 10, offset: 100 });
    expect(result).toMatchObject({ mode: 'phrase', hits: [] });
  });

  it('reads a question that occurs nowhere as a phrase and ranks articles on its words', () => {
    const result = answerQuery(db, { q: '公司不给交社保，我可以辞职吗？', limit: 10 });
    expect(result.mode).toBe('question');
    expect(result.terms).toEqual(expect.arrayContaining(['社保', '辞职', '社会保险', '解除劳动合同']));
    expect(result.expansions).toContainEqual({ from: '辞职', to: ['解除劳动合同'] });
    const found = result.hits.map((h) => h.eid);
    expect(found.slice(0, 2).sort()).toEqual(['art_2', 'art_3']);
    expect(result.hits.slice(0, 2).map((h) => h.regulationId)).toEqual(['labour', 'labour']);
  });

  it('leaves out an expansion the reader switched off', () => {
    const on = answerQuery(db, { q: '我可以辞职吗？', limit: 10 });
    const off = answerQuery(db, { q: '我可以辞职吗？', limit: 10, without: ['辞职'] });
    expect(on.hits.map((h) => h.eid)).toContain('art_2');
    expect(off).toMatchObject({ mode: 'question', terms: ['辞职'], expansions: [], hits: [] });
  });

  it('never comes back empty for a question one of whose words occurs in some article', () => {
    const words = ['犬只', '劳动者', '登记', '公共场所', '牵引', '赔偿金', '书面形式'];
    for (const w of words) {
      const q = `请问${w}这方面法律上到底是怎么规定的呀？`;
      const reading = readQuestion(q);
      expect(reading.terms.some((t) => texts.some((text) => text.includes(t.text))), q).toBe(true);
      expect(answerQuery(db, { q, limit: 10 }).hits.length, q).toBeGreaterThan(0);
    }
  });

  it('takes search and SQL syntax as literal text', () => {
    const literal = answerQuery(db, { q: '" OR 1=1 --', limit: 10 });
    expect(literal.terms).toEqual(['or', '1']);
    expect(literal.hits.map((h) => h.regulationId)).toEqual(['crafted']);
    for (const q of ["'; DROP TABLE regulation_articles; --", '养犬" OR "1"="1', 'NEAR(犬只 登记) AND *']) {
      expect(() => answerQuery(db, { q, limit: 10 }), q).not.toThrow();
    }
    expect(db.$client.prepare('SELECT count(*) AS n FROM regulation_articles').get()).toEqual({ n: texts.length });
  });

  it('reads only the first part of an overlong question and says so', () => {
    const q = `辞职${'的'.repeat(998)}`;
    const result = answerQuery(db, { q, limit: 10 });
    expect(result).toMatchObject({ mode: 'question', cut: { limit: 200, length: 1000 } });
    expect(result.hits.length).toBeGreaterThan(0);
  });

  it('gives no hits and no terms for punctuation only', () => {
    expect(answerQuery(db, { q: '？？！！😀', limit: 10 })).toMatchObject({ mode: 'question', terms: [], hits: [], total: 0 });
  });

  it('keeps to the regulations asked for', () => {
    const result = answerQuery(db, { q: '饲养的狗需要办理什么手续吗？', limit: 20, regulationId: 'crafted' });
    expect(result.mode).toBe('question');
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.hits.every((h) => h.regulationId === 'crafted')).toBe(true);
  });

  it('refuses an empty query and a bad page as searchArticles does', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isAppError(e) ? `${e.code}:${e.message}` : 'other';
      }
      return 'none';
    };
    expect(code(() => answerQuery(db, { q: '   ', limit: 10 }))).toBe('validation_failed:query_empty');
    expect(code(() => answerQuery(db, { q: '辞职', limit: 0 }))).toBe('validation_failed:limit_invalid');
    expect(code(() => answerQuery(db, { q: '辞职', limit: 10, offset: 995 }))).toBe('validation_failed:offset_invalid');
  });
});
