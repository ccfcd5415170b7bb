import { beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { engines } from '@/db/engineTesting';
import { isAppError } from '@/lib/errors';
import { answerQuery, rankingTerms } from './answerQuery';
import { indexVersionsOn } from './indexVersion';
import { readQuestion } from './readQuestion';
import { searchArticlesOn } from './searchArticles';
import { addRegulationVersionOn, corpusArticles } from './testing/library';

const labour = [
  '用人单位自用工之日起即与劳动者建立劳动关系。',
  '劳动者提前三十日以书面形式通知用人单位，可以解除劳动合同。',
  '用人单位应当依法为劳动者缴纳社会保险费。',
  '用人单位违反本法规定解除或者终止劳动合同的，应当依照本法第八十七条规定支付赔偿金。',
];
const crafted = ['本条所称“OR 1=1”是一段文字，不是查询语法。', '饲养犬只的，应当为犬只办理登记。'];

describe.each(engines())('answerQuery on $name', ({ engine }) => {
  const texts: string[] = [];

  beforeAll(async () => {
    const add = async (id: string, title: string, articles: string[]) => {
      await indexVersionsOn(engine(), [(await addRegulationVersionOn(engine(), { id, title, articles })).versionId]);
      texts.push(...articles);
    };
    await add('labour', '劳动合同法', labour);
    await add('jiaxing-dogs', '嘉兴市养犬管理条例', corpusArticles('reg-058-jiaxing.md'));
    await add('crafted', '检索测试规范', crafted);
  });

  it('answers a phrase that occurs as a phrase search', async () => {
    const result = await answerQuery(engine(), { q: '养犬 登记', limit: 5 });
    expect(result.mode).toBe('phrase');
    expect(result.terms).toEqual(['养犬', '登记']);
    expect(result.expansions).toEqual([]);
    expect(result.hits.map((h) => h.articleId)).toEqual((await searchArticlesOn(engine(), { q: '养犬 登记', limit: 5 })).hits.map((h) => h.articleId));
  });

  it('keeps a later, empty page of a phrase that matches a phrase search', async () => {
    const result = await answerQuery(engine(), { q: '劳动合同', limit: 10, offset: 100 });
    expect(result).toMatchObject({ mode: 'phrase', hits: [] });
  });

  it('reads a question that occurs nowhere as a phrase and ranks articles on its words', async () => {
    const result = await answerQuery(engine(), { q: '公司不给交社保，我可以辞职吗？', limit: 10 });
    expect(result.mode).toBe('question');
    expect(result.terms).toEqual(expect.arrayContaining(['社保', '辞职', '社会保险', '解除劳动合同']));
    expect(result.expansions).toContainEqual({ from: '辞职', to: ['解除劳动合同'] });
    const found = result.hits.map((h) => h.eid);
    expect(found.slice(0, 2).sort()).toEqual(['art_2', 'art_3']);
    expect(result.hits.slice(0, 2).map((h) => h.regulationId)).toEqual(['labour', 'labour']);
  });

  it('leaves out an expansion the reader switched off', async () => {
    const on = await answerQuery(engine(), { q: '我可以辞职吗？', limit: 10 });
    const off = await answerQuery(engine(), { q: '我可以辞职吗？', limit: 10, without: ['辞职'] });
    expect(on.hits.map((h) => h.eid)).toContain('art_2');
    expect(off).toMatchObject({ mode: 'question', terms: ['辞职'], expansions: [], hits: [] });
  });

  it('never comes back empty for a question one of whose words occurs in some article', async () => {
    const words = ['犬只', '劳动者', '登记', '公共场所', '牵引', '赔偿金', '书面形式'];
    for (const w of words) {
      const q = `请问${w}这方面法律上到底是怎么规定的呀？`;
      const reading = readQuestion(q);
      expect(reading.terms.some((t) => texts.some((text) => text.includes(t.text))), q).toBe(true);
      expect((await answerQuery(engine(), { q, limit: 10 })).hits.length, q).toBeGreaterThan(0);
    }
  });

  it('takes search and SQL syntax as literal text', async () => {
    const literal = await answerQuery(engine(), { q: '" OR 1=1 --', limit: 10 });
    expect(literal.terms).toEqual(['or', '1']);
    expect(literal.hits.map((h) => h.regulationId)).toEqual(['crafted']);
    for (const q of ["'; DROP TABLE regulation_articles; --", '养犬" OR "1"="1', 'NEAR(犬只 登记) AND *']) {
      await expect(answerQuery(engine(), { q, limit: 10 }), q).resolves.toMatchObject({ mode: expect.any(String) });
    }
    const { regulationArticles } = engine().t;
    expect(await engine().db.select({ n: count() }).from(regulationArticles)).toEqual([{ n: texts.length }]);
  });

  it('reads only the first part of an overlong question and says so', async () => {
    const q = `辞职${'的'.repeat(998)}`;
    const result = await answerQuery(engine(), { q, limit: 10 });
    expect(result).toMatchObject({ mode: 'question', cut: { limit: 200, length: 1000 } });
    expect(result.hits.length).toBeGreaterThan(0);
  });

  it('gives no hits and no terms for punctuation only', async () => {
    expect(await answerQuery(engine(), { q: '？？！！😀', limit: 10 })).toMatchObject({ mode: 'question', terms: [], hits: [], total: 0, exact: true });
  });

  it('answers as the mode asked for, whatever would match', async () => {
    // A phrase that occurs, asked as a question; a question that occurs nowhere as typed, asked as
    // a phrase: the second comes back empty rather than ranked.
    expect(await answerQuery(engine(), { q: '犬只 登记', mode: 'question', limit: 5 })).toMatchObject({ mode: 'question' });
    expect(await answerQuery(engine(), { q: '公司不给交社保，我可以辞职吗？', mode: 'phrase', limit: 5 })).toMatchObject({ mode: 'phrase', hits: [], total: 0 });
  });

  it('reads a later page of what is not a phrase as a question', async () => {
    const first = await answerQuery(engine(), { q: '公司不给交社保，我可以辞职吗？', limit: 2 });
    const second = await answerQuery(engine(), { q: '公司不给交社保，我可以辞职吗？', limit: 2, offset: 2 });
    expect(second.mode).toBe('question');
    expect(second.total).toBe(first.total);
  });

  it('tries a query of up to 200 characters as a phrase, and reads a longer one as a question', async () => {
    const long = texts.find((t) => Array.from(t).length > 210)!;
    const q = Array.from(long).slice(0, 200).join('');
    expect((await answerQuery(engine(), { q, limit: 5 })).mode).toBe('phrase');
    expect((await answerQuery(engine(), { q: Array.from(long).slice(0, 201).join(''), limit: 5 })).mode).toBe('question');
  });

  it('keeps to the regulations asked for', async () => {
    const result = await answerQuery(engine(), { q: '饲养的狗需要办理什么手续吗？', limit: 20, regulationId: 'crafted' });
    expect(result.mode).toBe('question');
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.hits.every((h) => h.regulationId === 'crafted')).toBe(true);
  });

  it('refuses an empty query and a bad page as searchArticles does', async () => {
    const code = async (f: () => Promise<unknown>) => {
      try {
        await f();
      } catch (e) {
        return isAppError(e) ? `${e.code}:${e.message}` : 'other';
      }
      return 'none';
    };
    expect(await code(() => answerQuery(engine(), { q: '   ', limit: 10 }))).toBe('validation_failed:query_empty');
    expect(await code(() => answerQuery(engine(), { q: '辞职', limit: 0 }))).toBe('validation_failed:limit_invalid');
    expect(await code(() => answerQuery(engine(), { q: '辞职', limit: 10, offset: 995 }))).toBe('validation_failed:offset_invalid');
  });
});

describe('rankingTerms', () => {
  const reading = (terms: [string, number][]) => ({ terms: terms.map(([text, weight]) => ({ text, weight, source: 'query' as const })), dropped: [], expansions: [] });

  it('ranks on the character bigrams of each Chinese word, a shared bigram at its highest weight', () => {
    expect(rankingTerms(reading([['解除劳动合同', 1], ['辞退', 0.8], ['劳动', 0.3], ['合同期', 1.5], ['犬', 0.5]]))).toEqual([
      { text: '解除', weight: 1 },
      { text: '除劳', weight: 1 },
      { text: '劳动', weight: 1 },
      { text: '动合', weight: 1 },
      { text: '合同', weight: 1.5 },
      { text: '辞退', weight: 0.8 },
      { text: '同期', weight: 1.5 },
      { text: '犬', weight: 0.5 },
    ]);
  });

  it('keeps a word with latin letters or digits whole, however long', () => {
    expect(rankingTerms(reading([['APP', 1], ['A4纸张', 0.5], ['第3条', 0.4], ['养犬人', 0.9]]))).toEqual([
      { text: 'APP', weight: 1 },
      { text: 'A4纸张', weight: 0.5 },
      { text: '第3条', weight: 0.4 },
      { text: '养犬', weight: 0.9 },
      { text: '犬人', weight: 0.9 },
    ]);
  });
});
