import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { engines } from '@/db/engineTesting';
import { withTransaction } from '@/db/withTransaction';
import { regulations } from '@/db/schema';
import { importRegulation, readRegulationFile } from '@/lib/library';
import { indexVersionsOn } from './indexVersion';
import { MICRO, planRankedTerms, type RankedTerm } from './planRankedTerms';
import { answerOnPostgres } from './postgresRanking';
import { tokenRows } from './postgresSearch';
import type { PostingRange } from './postingRange';
import { queryTerms } from './queryTerms';
import { rankArticlesOn, type WeightedTerm } from './rankArticles';
import { searchArticlesOn } from './searchArticles';
import { MAX_RANKED_TERMS } from './limits';
import { readRankedPostings } from './readRankedPostings';
import { lookupToken, searchStore } from './searchStore';
import { addRegulationVersionOn } from './testing/library';
import { rankByText, seededRandom } from './testing/rankingCorpus';
import type { PostingBatch } from './unpackPostings';

// Ranked (question) search on PostgreSQL held to SQLite's, which the walk's own tests hold to a
// brute force: every read the walk can ask answered field by field as SQLite answers it, the
// plan that ranks a few allowed articles in the database, a ranked article deleted under the
// index, and the empty answers. Both engines hold the same library, imported the same way.

const files = ['reg-058-jiaxing.md', 'reg-078-zhoushan.md', 'reg-068-hangzhou.md'];
const questions: WeightedTerm[][] = [
  [{ text: '养犬人', weight: 1 }, { text: '登记', weight: 0.5 }, { text: '犬', weight: 0.3 }],
  [{ text: '城市管理', weight: 1 }, { text: 'APP', weight: 0.7 }, { text: '物业', weight: 0.4 }],
];

/// A small government rule among the imported local regulations: a few articles that mention the
/// question's words, so that a filter to it keeps few articles.
const smallRule = [
  ...Array.from({ length: 6 }, (_, i) => `第${i + 1}条 养犬人应当办理登记，城市管理部门${'负责'.repeat(i + 1)}监督。`),
  // A longer word with a latin part (checked in the text only, never by strpos), and one whose
  // rarest bigram (记部) also stands in an article without it (笔记部分): a posting worth 0.
  '第7条 登记部门应当使用A4纸张制作养犬登记证。',
  '第8条 笔记部分不作为登记材料。',
  // A4 is rarer than 纸张, so A4纸张 is walked on a4, which also stands without it: worth 0 there.
  '第9条 A4规格的登记表由部门提供。',
  '第10条 纸张应当节约使用。',
  '第11条 废旧纸张统一回收。',
];

/// One article of characters that stand nowhere else: a question of more bigrams of it than a
/// ranking keeps (MAX_RANKED_TERMS) is read to the end of every list, so only the terms it
/// dropped make its answer inexact.
const rareText = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥鼠牛虎兔龙蛇马羊猴鸡狗猪金木水火土';
const rareChars = Array.from(rareText);
const rareQuestion = rareChars.slice(1).map((ch, i) => ({ text: rareChars[i] + ch, weight: 1 + (i % 5) / 10 }));

/// Many filler articles of a third regulation, so that the question's words have long lists and
/// ranking a few allowed articles in the database costs less than walking them.
function fillerArticles(count: number): string[] {
  const random = seededRandom(11);
  const words = ['养犬人', '登记', '犬只', '城市管理', '物业', '管理', '应当', '部门', '服务', '规定'];
  return Array.from({ length: count }, () => Array.from({ length: 3 + Math.floor(random() * 6) }, () => words[Math.floor(random() * words.length)]).join('，') + '。');
}

async function loadLibrary(engine: Engine): Promise<void> {
  for (const file of files) {
    const bytes = readFileSync(path.resolve('db/seed/regulations', file));
    await importRegulation(engine, await readRegulationFile(new Uint8Array(bytes), file), { sourceText: bytes.toString('utf8') });
  }
  const rule = await addRegulationVersionOn(engine, { id: 'small-rule', title: '测试规章', kind: 'government_rule', articles: smallRule });
  const filler = await addRegulationVersionOn(engine, { id: 'filler', title: '测试条例', articles: fillerArticles(2500) });
  const rare = await addRegulationVersionOn(engine, { id: 'rare', title: '测试规范', kind: 'industry_norm', articles: [rareText] });
  // Two articles that score the same for 鹦鹉 孔雀 (each word in both, once and twice): their
  // order comes from the walked word, the first of two equally rare ones.
  const twins = await addRegulationVersionOn(engine, { id: 'twins', title: '测试细则', kind: 'industry_norm', articles: ['鹦鹉孔雀孔雀', '鹦鹉鹦鹉孔雀'] });
  await indexVersionsOn(engine, [rule.versionId, filler.versionId, rare.versionId, twins.versionId]);
}

/// The planned terms of a question on one engine (token ids are each engine's own).
async function plannedOn(engine: Engine, weighted: WeightedTerm[], n: number): Promise<RankedTerm[]> {
  const tokens = [...new Set(weighted.flatMap((t) => queryTerms(t.text).flatMap((q) => q.tokens)))];
  if (engine.kind === 'sqlite') {
    const store = searchStore(engine.db);
    return planRankedTerms((token) => lookupToken(store, token), weighted, n).terms;
  }
  const dictionary = await tokenRows(engine, tokens);
  return planRankedTerms((token) => dictionary.get(token), weighted, n).terms;
}

/// A batch as plain values, comparable across engines: its postings in index order (score
/// descending, then article id), the order SQLite reads them in and PostgreSQL gives them when
/// the read is limited; an unlimited read may come back in any order.
function plain(batch: PostingBatch) {
  const rows = [...batch.ids].map((id, r) => ({ id, score: batch.scores[r], points: batch.points[r] })).sort((a, b) => b.score - a.score || a.id - b.id);
  return { n: batch.n, rows, low: batch.low, high: batch.high, last: batch.last, matched: batch.matched };
}

/// Runs `work` with some articles deleted under the index, and puts them back afterwards, as they
/// were indexed, for the tests that run after it (in any order).
async function withoutArticles<T>({ db, t }: Engine, ids: number[], work: () => Promise<T>): Promise<T> {
  const rows = await db.select().from(t.regulationArticles).where(inArray(t.regulationArticles.id, ids));
  await db.delete(t.regulationArticles).where(inArray(t.regulationArticles.id, ids));
  try {
    return await work();
  } finally {
    await db.insert(t.regulationArticles).values(rows);
  }
}

/// Every article with its text, by id (the same ids on both engines: checked below).
async function articleRows({ db, t }: Engine) {
  return db.select({ id: t.regulationArticles.id, eid: t.regulationArticles.eid, regulationId: t.regulationArticles.regulationId, text: t.regulationArticles.text }).from(t.regulationArticles);
}

describe('ranked search on PostgreSQL, held to SQLite', () => {
  const [sqlite, postgres] = engines();
  let n = 0;
  let ids: number[] = [];
  let indexed = new Map<number, Awaited<ReturnType<typeof articleRows>>[number]>();
  beforeAll(async () => {
    await loadLibrary(sqlite.engine());
    await loadLibrary(postgres.engine());
    const left = await articleRows(sqlite.engine());
    const right = await articleRows(postgres.engine());
    // Imported regulations get random ids; articles the same numbers, eids and texts.
    expect(right.map((a) => `${a.id} ${a.eid} ${a.text}`).sort()).toEqual(left.map((a) => `${a.id} ${a.eid} ${a.text}`).sort());
    n = left.length;
    ids = left.map((a) => a.id).sort((a, b) => a - b);
    indexed = new Map(left.map((a) => [a.id, a]));
  }, 120_000);

  it('answers every kind of read the walk makes exactly as SQLite does', async () => {
    const store = searchStore(sqlite.engine().db);
    const maxId = ids[ids.length - 1];
    const everyThird = Buffer.alloc(maxId + 1);
    for (const id of ids) if (id % 3 === 0) everyThird[id] = 1;
    const firstHalf = Buffer.alloc(Math.floor(maxId / 2));
    firstHalf.fill(1);
    await withTransaction(postgres.engine(), async (tx) => {
      let reads = 0;
      let worthless = 0;
      const planned: RankedTerm[] = [];
      // Words of one token and longer ones; 登记部门 and A4纸张 also have driver postings worth 0.
      for (const weighted of [...questions, [{ text: '登记部门', weight: 1 }, { text: 'A4纸张', weight: 0.6 }]]) {
        const left = await plannedOn(sqlite.engine(), weighted, n);
        const right = await plannedOn(tx, weighted, n);
        expect(right.map((t) => ({ ...t, driver: { ...t.driver, id: 0 } }))).toEqual(left.map((t) => ({ ...t, driver: { ...t.driver, id: 0 } })));
        planned.push(...left);
        for (const [i, term] of left.entries()) {
          const whole = readRankedPostings(store, term, {});
          const scores = [...new Set(whole.scores)].sort((a, b) => b - a);
          const middle = scores[Math.floor(scores.length / 2)];
          const tied = [...whole.ids].filter((_, r) => whole.scores[r] === middle);
          const ranges: PostingRange[] = [
            {},
            { limit: 7 },
            { from: middle },
            { upper: middle, limit: 5 },
            { from: scores[scores.length - 1], upper: scores[0] },
            { score: middle, after: tied[0] },
            { score: middle },
            { allowed: everyThird, limit: 9 },
            { wanted: everyThird },
            { allowed: firstHalf, wanted: everyThird, upper: middle },
            { from: scores[0] + 1 },
          ];
          for (const range of ranges) {
            for (const unchecked of [false, true]) {
              const expected = plain(readRankedPostings(store, term, range, unchecked));
              if (expected.rows.some((r) => r.points === 0)) worthless++;
              const got = plain((await answerOnPostgres(tx, { kind: 'postings', term: right[i], range, unchecked })) as PostingBatch);
              expect(got, `${JSON.stringify(term.term)} ${JSON.stringify({ ...range, allowed: !!range.allowed, wanted: !!range.wanted })} unchecked ${unchecked}`).toEqual(expected);
              reads++;
            }
          }
        }
      }
      expect(reads).toBeGreaterThan(100);
      expect(worthless).toBeGreaterThan(0);
      expect(planned.some((t) => t.exact) && planned.some((t) => !t.exact)).toBe(true);
      const texts = (await answerOnPostgres(tx, { kind: 'texts', ids: [ids[0], ids[5], ids[ids.length - 1], maxId + 10] })) as { id: number; text: string }[];
      const byId = new Map((await articleRows(sqlite.engine())).map((a) => [a.id, a.text]));
      expect(texts.sort((a, b) => a.id - b.id)).toEqual([ids[0], ids[5], ids[ids.length - 1]].map((id) => ({ id, text: byId.get(id) })));
    });
  });

  /// The page of a question worked out the long way (`rankByText`) from the texts as they were
  /// indexed (an article deleted since still counts in the document frequencies, as in the index).
  function bruteForce(weighted: WeightedTerm[], keep: (a: { regulationId: string; id: number }) => boolean, limit: number, offset = 0) {
    const scored = rankByText(new Map([...indexed].map(([id, a]) => [id, a.text])), weighted, (id) => keep(indexed.get(id)!));
    return { total: scored.length, hits: scored.slice(offset, offset + limit).map((x) => `${x.articleId} ${indexed.get(x.articleId)!.eid} ${Math.round((x.points / MICRO) * 10_000) / 10_000}`) };
  }
  const shown = (hits: { articleId: number; eid: string; score: number }[]) => hits.map((h) => `${h.articleId} ${h.eid} ${h.score}`);

  it('ranks the few articles a filter keeps in the database, with their exact number, as both engines agree', async () => {
    for (const weighted of questions) {
      for (const input of [{ regulationIds: ['small-rule'] }, { kinds: ['government_rule' as const] }, { where: eq(regulations.id, 'small-rule') }]) {
        for (const page of [{ limit: 4 }, { limit: 3, offset: 2 }]) {
          const expected = bruteForce(weighted, (a) => a.regulationId === 'small-rule', page.limit, page.offset);
          for (const { name, engine } of [sqlite, postgres]) {
            const found = await rankArticlesOn(engine(), { terms: weighted, ...input, ...page });
            expect(shown(found.hits), `${name} ${JSON.stringify(weighted)} ${JSON.stringify(page)}`).toEqual(expected.hits);
            expect(found).toMatchObject({ total: expected.total, exact: true });
          }
        }
      }
    }
  });

  it('walks a filter that keeps many articles to the same page as SQLite', async () => {
    for (const weighted of questions) {
      const expected = bruteForce(weighted, (a) => a.regulationId !== 'small-rule', 10);
      for (const { engine } of [sqlite, postgres]) {
        const found = await rankArticlesOn(engine(), { terms: weighted, kinds: ['local_regulation'], limit: 10 });
        expect(shown(found.hits)).toEqual(expected.hits);
        if (found.exact) expect(found.total).toBe(expected.total);
      }
    }
  });

  it('gives SQLite’s whole answer, total and exactness included, for words and questions under every filter', async () => {
    const filters = [{}, { kinds: ['government_rule' as const] }, { regulationIds: ['small-rule'] }, { regulationIds: ['filler'] }, { regulationIds: ['small-rule'], kinds: ['government_rule' as const] }, { kinds: ['local_regulation' as const] }];
    const pages = [{ limit: 5 }, { limit: 40, offset: 10 }];
    const summary = (found: { total: number | null; exact: boolean; hits: { articleId: number; score: number }[] }) => ({ total: found.total, exact: found.exact, hits: found.hits.map((h) => `${h.articleId} ${h.score}`) });
    const seen = new Set<string>();
    // Each pair of words both ways round: a phrase is walked on its rarest word, whichever comes first.
    for (const q of ['犬', '养犬人', '登记 部门', '部门 登记', '城市管理 物业', '物业 城市管理', '罚款', '登记部门', '鹦鹉 孔雀', '孔雀 鹦鹉']) {
      for (const filter of filters) {
        for (const page of pages) {
          const left = summary(await searchArticlesOn(sqlite.engine(), { q, ...filter, ...page }));
          expect(summary(await searchArticlesOn(postgres.engine(), { q, ...filter, ...page })), `${q} ${JSON.stringify({ ...filter, ...page })}`).toEqual(left);
          seen.add(`phrase ${left.exact} ${(left.total ?? 0) > 0}`);
        }
      }
    }
    // More terms than a ranking keeps (MAX_RANKED_TERMS): the bigrams of an article's text.
    const han = Array.from(smallRule[0].replace(/[^\p{Script=Han}]/gu, ''));
    const bigrams = [...new Set(han.slice(1).map((ch, i) => han[i] + ch))];
    const many = [...bigrams, '罚款', '物业', '犬只', '服务', '规定', '管理', '部门', '应当', '办理', '饲养', '公安', '机关', '处罚', '责令', '改正', '没收', '违反', '本条例', '区域', '犬类', '牵引', '佩戴', '嘴套', '粪便', '清除', '公共', '场所', '电梯', '楼道'].map((text, i) => ({ text, weight: 1 + (i % 7) / 10 }));
    expect(many.length).toBeGreaterThan(MAX_RANKED_TERMS);
    expect(rareQuestion.length).toBeGreaterThan(MAX_RANKED_TERMS);
    const asked = [...questions, [{ text: '登记部门', weight: 1 }, { text: 'A4纸张', weight: 0.6 }, { text: '笔记', weight: 0.2 }, { text: '养犬人', weight: 0.5 }], [{ text: '物业', weight: 1 }], many, rareQuestion];
    for (const terms of asked) {
      for (const filter of filters) {
        for (const page of pages) {
          const left = summary(await rankArticlesOn(sqlite.engine(), { terms, ...filter, ...page }));
          expect(summary(await rankArticlesOn(postgres.engine(), { terms, ...filter, ...page })), `${JSON.stringify(terms).slice(0, 60)} ${JSON.stringify({ ...filter, ...page })}`).toEqual(left);
          seen.add(`question ${left.exact} ${(left.total ?? 0) > 0}`);
        }
      }
    }
    // Not a comparison of empty answers: exact and estimated totals, with and without hits.
    expect([...seen]).toEqual(expect.arrayContaining(['phrase false true', 'phrase true false', 'phrase true true', 'question false true', 'question true false', 'question true true']));
  });

  it('answers nothing, exactly, when nothing can match', async () => {
    const none = { total: 0, exact: true, hits: [] };
    for (const { engine } of [sqlite, postgres]) {
      expect(await rankArticlesOn(engine(), { terms: [{ text: '鲲鹏', weight: 1 }] })).toEqual(none);
      expect(await rankArticlesOn(engine(), { terms: questions[0], regulationIds: [] })).toEqual(none);
      expect(await rankArticlesOn(engine(), { terms: questions[0], kinds: ['judicial_interpretation'] })).toEqual(none);
      expect(await rankArticlesOn(engine(), { terms: questions[0], regulationIds: ['no-such-regulation'] })).toEqual(none);
      // Even when the question had more terms than a ranking keeps.
      expect(await rankArticlesOn(engine(), { terms: rareQuestion, kinds: ['judicial_interpretation'] })).toEqual(none);
    }
  });

  it('gives up starting over after a few rounds of deleted articles, as SQLite does', async () => {
    // The first four pages' articles deleted: each round finds only the gone ones on its page, so
    // the four rounds (the first and three more) run out just before the fifth page, all live.
    // Then a second page, whose last round finds its first half gone: the page is counted from
    // the live articles that round found, as on SQLite.
    const terms = [{ text: '登记', weight: 1 }];
    for (const [deleted, page] of [[40, { limit: 10 }], [70, { limit: 10, offset: 10 }]] as const) {
      const doomed = (await rankArticlesOn(sqlite.engine(), { terms, limit: deleted })).hits.map((h) => h.articleId);
      const answers = [];
      for (const { engine } of [sqlite, postgres]) {
        const found = await withoutArticles(engine(), doomed, () => rankArticlesOn(engine(), { terms, ...page }));
        answers.push({ total: found.total, exact: found.exact, hits: shown(found.hits) });
      }
      expect(answers[1], `${deleted} deleted`).toEqual(answers[0]);
      expect(answers[0].exact).toBe(false);
      expect(answers[0].hits.length).toBeLessThan(10);
    }
  });

  it('leaves out an article deleted since it was indexed, fills the page from the next, and says the count is not exact', async () => {
    // A longer word is checked in the text, which finds the article gone; one-token words are
    // not, so only the check of the page's rows finds it, and the ranking starts over without it.
    // 罚款, only in the imported regulations, is read to the end of its list: without the
    // deletion that answer would be exact.
    for (const [weighted, limit] of [[questions[0], 5], [[{ text: '登记', weight: 1 }, { text: '犬', weight: 0.5 }], 5], [[{ text: '罚款', weight: 1 }], 100]] as const) {
      const before = await rankArticlesOn(postgres.engine(), { terms: [...weighted], limit });
      if (limit === 100) expect(before.exact).toBe(true);
      const gone = before.hits[0];
      const expected = bruteForce([...weighted], (a) => a.id !== gone.articleId, limit);
      for (const { name, engine } of [sqlite, postgres]) {
        const found = await withoutArticles(engine(), [gone.articleId], () => rankArticlesOn(engine(), { terms: [...weighted], limit }));
        expect(shown(found.hits), `${name} ${JSON.stringify(weighted)}`).toEqual(expected.hits);
        expect(found.exact, name).toBe(false);
      }
    }
  });
});
