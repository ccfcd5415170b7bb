import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import * as schema from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { indexVersion } from './indexVersion';
import { rankArticles, type RankArticlesInput } from './rankArticles';
import { rankExhaustively } from './rankExhaustively';
import { scoreToken } from './scoreToken';
import type { RankStats } from './rankPostings';
import { addRegulationVersion } from './testing/library';
import { buildRankingCorpus, randomQuestion, rankByText, seededRandom } from './testing/rankingCorpus';
import { foldText } from './tokenize';
import { unindexVersion } from './unindexVersion';

// Hand-written articles for what a random library does not isolate.
const crafted = [
  '物业公司应当公示收费标准。', // 0: 物业 only
  '业主大会应当公示收费标准。', // 1: 业主 only, same length
  '物业公司和业主大会应当签订物业服务合同，明确收费标准。', // 2: 物业, 业主 and 合同
  '城市建设由市管理机构负责组织实施。', // 3: 城市 and 管理, not 城市管理
  '城市管理部门负责城市管理工作。', // 4: 城市管理 twice
  '饲养犬只应当登记。', // 5: none of the words above
];

describe('rankArticles', () => {
  const random = freshDatabase();
  const hand = freshDatabase();
  let texts: Map<number, string>;
  let regulationOf: Map<number, string>;
  let ids: number[];
  beforeAll(() => {
    ({ texts, regulationOf } = buildRankingCorpus(random.db, 3, 9));
    const added = addRegulationVersion(hand.db, { id: 'crafted', title: '检索测试规定', articles: crafted });
    indexVersion(hand.db, added.versionId);
    ids = added.articleIds;
  });
  afterAll(() => {
    random.cleanup();
    hand.cleanup();
  });

  const pageOf = (db: typeof random.db, input: RankArticlesInput) => rankArticles(db, input).hits.map((h) => h.articleId);

  it('finds articles that hold any of the words, those with more of them first', () => {
    const found = pageOf(hand.db, { terms: [{ text: '物业', weight: 1 }, { text: '业主', weight: 1 }, { text: '合同', weight: 1 }] });
    expect(found[0]).toBe(ids[2]);
    expect(new Set(found)).toEqual(new Set([ids[0], ids[1], ids[2]]));
  });

  it('ranks a word of the asker above an expansion of lower weight', () => {
    expect(pageOf(hand.db, { terms: [{ text: '物业', weight: 1 }, { text: '业主', weight: 0.6 }] }).slice(1)).toEqual([ids[0], ids[1]]);
    expect(pageOf(hand.db, { terms: [{ text: '物业', weight: 0.6 }, { text: '业主', weight: 1 }] }).slice(1)).toEqual([ids[1], ids[0]]);
  });

  it('matches a longer word only where it occurs as a whole', () => {
    expect(pageOf(hand.db, { terms: [{ text: '城市管理', weight: 1 }] })).toEqual([ids[4]]);
    expect(pageOf(hand.db, { terms: [{ text: '城市管理', weight: 1 }, { text: '组织', weight: 0.3 }] })).toEqual([ids[4], ids[3]]);
  });

  it('gives the page the exhaustive ranking gives, on random libraries and questions', () => {
    const rnd = seededRandom(5);
    const pool = [...texts.values()];
    const regulations = [...new Set(regulationOf.values())];
    for (let q = 0; q < 120; q++) {
      const terms = randomQuestion(rnd, pool);
      const limit = 1 + Math.floor(rnd() * 20);
      const offset = Math.floor(rnd() * 3) * limit;
      const roll = rnd();
      const filter: Partial<RankArticlesInput> =
        roll < 0.6 ? {} : roll < 0.75 ? { kinds: ['government_rule'] } : roll < 0.9 ? { regulationIds: regulations.slice(0, 3) } : { regulationId: regulations[4] };
      const allowed = (id: number) =>
        !filter.kinds && !filter.regulationIds && !filter.regulationId
          ? true
          : filter.regulationId
            ? regulationOf.get(id) === filter.regulationId
            : filter.regulationIds
              ? filter.regulationIds.includes(regulationOf.get(id)!)
              : regulations.indexOf(regulationOf.get(id)!) % 3 === 1;
      const expected = rankByText(texts, terms, allowed).slice(offset, offset + limit);
      const input = { terms, limit, offset, ...filter };
      const page = rankArticles(random.db, input).hits;
      expect(page.map((h) => [h.articleId, h.score]), JSON.stringify(input)).toEqual(expected.map((e) => [e.articleId, Math.round(e.points / 100) / 10_000]));
      expect(rankExhaustively(random.db, input).hits).toEqual(page);
    }
  });

  it('pages through the ranking without repeating or losing an article', () => {
    const terms = [{ text: '法律', weight: 1 }, { text: '管理', weight: 0.6 }, { text: '人民', weight: 1 }];
    const all = pageOf(random.db, { terms, limit: 60 });
    const pages = [0, 20, 40].flatMap((offset) => pageOf(random.db, { terms, limit: 20, offset }));
    expect(all).toHaveLength(60);
    expect(pages).toEqual(all);
  });

  it('restricts to regulation ids, kinds, one regulation and a condition on regulations', () => {
    const terms = [{ text: '法', weight: 1 }, { text: '管理', weight: 1 }];
    const regulations = [...new Set(regulationOf.values())];
    const from = (input: Partial<RankArticlesInput>) => new Set(pageOf(random.db, { terms, limit: 100, ...input }).map((id) => regulationOf.get(id)));
    expect(from({ regulationIds: [regulations[1], regulations[2]] })).toEqual(new Set([regulations[1], regulations[2]]));
    expect(from({ regulationId: regulations[0] })).toEqual(new Set([regulations[0]]));
    expect(from({ kinds: ['industry_norm'] })).toEqual(new Set(regulations.filter((_, i) => i % 3 === 2)));
    expect(from({ where: eq(schema.regulations.id, regulations[3]) })).toEqual(new Set([regulations[3]]));
    expect(from({ regulationId: regulations[0], regulationIds: [regulations[1]] })).toEqual(new Set());
  });

  it('reads the allowed articles when a restriction keeps few, and ranks them as the walk does', () => {
    // Many common words and the smallest regulation: walking the postings would pass over more
    // than reading its articles.
    const terms = Array.from('法律条例管理市人民政府犬只养登记罚款物业服务企业城乡').map((text, i) => ({ text, weight: i % 2 ? 1 : 0.6 }));
    const sizes = new Map<string, number>();
    for (const r of regulationOf.values()) sizes.set(r, (sizes.get(r) ?? 0) + 1);
    const regulation = [...sizes].sort((a, b) => a[1] - b[1])[0][0];
    let stats: RankStats | undefined;
    const page = rankArticles(random.db, { terms, limit: 10, regulationId: regulation }, (s) => (stats = s));
    expect(stats).toMatchObject({ postingsRead: 0 });
    expect(stats!.textsRead).toBeGreaterThan(0);
    expect(page.hits.map((h) => h.articleId)).toEqual(rankByText(texts, terms, (id) => regulationOf.get(id) === regulation).slice(0, 10).map((e) => e.articleId));
  });

  it('marks every matched word in the snippet', () => {
    const terms = [{ text: '物业', weight: 1 }, { text: '合同', weight: 0.6 }];
    const hit = rankArticles(hand.db, { terms }).hits[0];
    const marked = hit.highlights.map(([s, e]) => foldText(hit.snippet.slice(s, e)));
    expect(marked).toEqual(['物业', '物业', '合同']);
  });

  it('counts the matches exactly when it read every list, and estimates them when it stopped early', () => {
    const terms = [{ text: '法', weight: 1 }, { text: '律', weight: 1 }, { text: '政府', weight: 0.6 }];
    const matching = rankByText(texts, terms).length;
    let whole: RankStats | undefined;
    expect(rankArticles(random.db, { terms, limit: 100, offset: 900 }, (s) => (whole = s))).toMatchObject({ total: matching, exact: true });
    expect(whole!.postingsRead).toBe(whole!.postings);
    // A longer word's driver postings include articles without the word: they are not counted.
    const word = [{ text: '法律条', weight: 1 }, { text: '政府', weight: 0.6 }];
    expect(rankArticles(random.db, { terms: word, limit: 100, offset: 900 })).toMatchObject({ total: rankByText(texts, word).length, exact: true });
    let early: RankStats | undefined;
    const first = rankArticles(random.db, { terms, limit: 1 }, (s) => (early = s));
    expect(early!.postingsRead).toBeLessThan(early!.postings);
    expect(first.exact).toBe(false);
    expect(Math.abs(first.total! - matching) / matching).toBeLessThan(0.25);
  });

  it('among words of equal weight beyond the cap drops the most common first, then the last given', () => {
    const words = Array.from({ length: 34 }, (_, i) => `w${String(i).padStart(2, '0')}`);
    // w00 is in two articles (the most common), every other word in one.
    const added = addRegulationVersion(hand.db, { id: 'capped', title: '词数上限测试规定', articles: [...words.map((w) => `本条含有 ${w} 一词。`), '另一条也含有 w00 一词。'] });
    indexVersion(hand.db, added.versionId);
    const found = (terms: { text: string; weight: number }[]) => new Set(rankArticles(hand.db, { terms, limit: 100 }).hits.map((h) => h.articleId));
    const all = found(words.map((text) => ({ text, weight: 1 })));
    // 34 words, 32 kept: w00 goes (most common), then the last given of the rest, w33.
    expect(all.has(added.articleIds[0])).toBe(false);
    expect(all.has(added.articleIds[33])).toBe(false);
    expect([1, 2, 31, 32].every((i) => all.has(added.articleIds[i]))).toBe(true);
    // Given in the other order, the last given is now w01.
    const reversed = found([...words].reverse().map((text) => ({ text, weight: 1 })));
    expect(reversed.has(added.articleIds[1])).toBe(false);
    expect(reversed.has(added.articleIds[33])).toBe(true);
  });

  it('keeps the 32 weightiest words and says the result is not exact', () => {
    const chars = Array.from('法律条例管理市人民政府犬只养登记罚款物业服务企业城乡规划噪声电梯殡葬车辆交通事故鉴定证据');
    const terms = chars.map((text, i) => ({ text, weight: i < 32 ? 1 : 0.1 }));
    expect(rankArticles(random.db, { terms, limit: 10 }).hits.map((h) => h.articleId)).toEqual(rankByText(texts, terms).slice(0, 10).map((e) => e.articleId));
    // Deep enough that every list is read through: only the cap makes the count inexact.
    expect(texts.size).toBeLessThan(1000);
    expect(rankArticles(random.db, { terms, limit: 100, offset: 900 }).exact).toBe(false);
    expect(rankArticles(random.db, { terms: terms.filter((t) => t.weight === 1), limit: 100, offset: 900 }).exact).toBe(true);
    // The exhaustive baseline counts every match of the words it keeps: exact unless the cap dropped some.
    expect(rankExhaustively(random.db, { terms, limit: 10 }).exact).toBe(false);
    expect(rankExhaustively(random.db, { terms: terms.filter((t) => t.weight === 1), limit: 10 }).exact).toBe(true);
  });

  it('leaves out a word whose every article was unindexed, as one the index never held', () => {
    // A library of its own: 32 articles, each with one word of its own (w00 … w31), and a
    // version taken out of the index again, whose 殡葬 stays in the dictionary with no postings.
    const own = freshDatabase();
    onTestFinished(own.cleanup);
    const words = Array.from({ length: 32 }, (_, i) => `w${String(i).padStart(2, '0')}`);
    const added = addRegulationVersion(own.db, { id: 'words', title: '词条规定', articles: words.map((w) => `本条含有 ${w} 一词。`) });
    indexVersion(own.db, added.versionId);
    const gone = addRegulationVersion(own.db, { id: 'gone', title: '撤回规定', articles: ['殡葬管理。'] });
    indexVersion(own.db, gone.versionId);
    unindexVersion(own.db, gone.versionId);
    // Each article (本条含有一词 and the word: 9 characters) holds its word once: stored score
    // 22000 / (1 + 1.2 × (0.25 + 0.75 × 9 / 120)) = 16087.7 → 16088, and with 32 articles
    // indexed a word in one of them has idf ln(1 + 31.5 / 1.5) = ln 22: 3.0910 × 100 × 16088 =
    // 4,972,869 millionths, shown to four places.
    expect(scoreToken(1, 9)).toBe(16_088);
    expect(Math.round(Math.log(22) * 100 * 16_088)).toBe(4_972_869);
    const score = 4.9729;
    // 33 words, but 殡葬 occurs nowhere now: the 32 others are all weighed (none is dropped at
    // the cap for it, heavier though it is), every article is found, and the count is exact.
    const terms = [{ text: '殡葬', weight: 2 }, ...words.map((text) => ({ text, weight: 1 }))];
    const all = rankArticles(own.db, { terms, limit: 100 });
    expect(all.hits.map((h) => [h.articleId, h.score])).toEqual(added.articleIds.map((id) => [id, score]));
    expect({ total: all.total, exact: all.exact }).toEqual({ total: 32, exact: true });
    // Beside one word that occurs, it leaves the walk as it was: the list read through, the count exact.
    expect(rankArticles(own.db, { terms: [{ text: 'w00', weight: 1 }, { text: '殡葬', weight: 0.1 }], limit: 1 })).toMatchObject({
      total: 1, exact: true, hits: [{ articleId: added.articleIds[0], score }],
    });
  });

  it('finds the articles of the one word that occurs among many that do not', () => {
    const terms = [...Array.from('甲乙丙丁戊己庚辛').map((text) => ({ text, weight: 2 })), { text: '登记', weight: 0.3 }];
    const page = rankArticles(hand.db, { terms });
    expect(page).toMatchObject({ total: 1, exact: true });
    expect(page.hits.map((h) => h.articleId)).toEqual([ids[5]]);
    expect(rankArticles(hand.db, { terms: [{ text: '甲乙', weight: 1 }] })).toEqual({ total: 0, exact: true, hits: [] });
    expect(rankArticles(hand.db, { terms: [] })).toEqual({ total: 0, exact: true, hits: [] });
  });

  it('leaves out an article deleted after it was indexed and ranks the rest as before', () => {
    // A library of its own: the other tests read the crafted one as it was indexed.
    const own = freshDatabase();
    onTestFinished(own.cleanup);
    const added = addRegulationVersion(own.db, { id: 'crafted', title: '检索测试规定', articles: crafted });
    indexVersion(own.db, added.versionId);
    const [first, second, both] = added.articleIds;
    const terms = [{ text: '合同', weight: 1 }, { text: '收费', weight: 1 }];
    expect(pageOf(own.db, { terms })[0]).toBe(both);
    own.db.$client.prepare('DELETE FROM regulation_articles WHERE id = ?').run(both);
    expect(pageOf(own.db, { terms })).toEqual([first, second]);
  });

  it('rejects a weight that is not positive and a page past the limit', () => {
    const codeOf = (input: RankArticlesInput) => {
      try {
        rankArticles(hand.db, input);
        return null;
      } catch (e) {
        return isAppError(e) ? `${e.code}:${e.message}` : String(e);
      }
    };
    expect(codeOf({ terms: [{ text: '物业', weight: 0 }] })).toBe('validation_failed:weight_invalid');
    expect(codeOf({ terms: [{ text: '物业', weight: Number.NaN }] })).toBe('validation_failed:weight_invalid');
    expect(codeOf({ terms: [{ text: '物业', weight: 1 }], limit: 100, offset: 950 })).toBe('validation_failed:offset_invalid');
    expect(codeOf({ terms: [{ text: '物业', weight: 1 }], limit: 0 })).toBe('validation_failed:limit_invalid');
  });

  it('lists every bad field of a refused search, each with its path', () => {
    expect(() => rankArticles(hand.db, { terms: [{ text: '物业', weight: 1 }, { text: '业主', weight: -1 }], limit: 0 })).toThrow(
      expect.objectContaining({ details: { fields: [{ path: 'terms.1.weight', message: 'weight_invalid' }, { path: 'limit', message: 'limit_invalid' }] } }),
    );
  });

  it('orders articles of equal score by id, whichever plan ranks them, and finds nothing exactly', () => {
    const db = freshDatabase();
    onTestFinished(db.cleanup);
    // Four articles with the same text: the same score. The first regulation's get the lower ids,
    // but the second's id sorts first, so reading their texts meets the higher ids first. Many
    // other articles with 物业 make reading the four cheaper than walking its postings.
    const text = '物业服务企业应当公示收费标准。';
    const first = addRegulationVersion(db.db, { id: 'same-b', title: '同分条例甲', articles: [text, text] });
    const second = addRegulationVersion(db.db, { id: 'same-a', title: '同分条例乙', articles: [text, text] });
    indexVersion(db.db, second.versionId);
    indexVersion(db.db, first.versionId);
    indexVersion(db.db, addRegulationVersion(db.db, { id: 'more', title: '其他条例', articles: Array.from({ length: 450 }, (_, i) => `物业第${i}条。`) }).versionId);
    const terms = [{ text: '物业', weight: 1 }, { text: '收费标准', weight: 1 }];
    const tied = [...first.articleIds, ...second.articleIds];
    for (const restriction of [{}, { regulationIds: ['same-a', 'same-b'] }]) {
      let stats: RankStats | undefined;
      const started = performance.now();
      const page = rankArticles(db.db, { terms, limit: 4, ...restriction }, (s) => (stats = s));
      const took = performance.now() - started;
      expect(page.hits.map((h) => h.articleId)).toEqual(tied);
      expect(rankExhaustively(db.db, { terms, limit: 4, ...restriction }).hits.map((h) => h.articleId)).toEqual(tied);
      // The time it reports is a part of the call's own.
      expect(stats!.collectMs).toBeGreaterThanOrEqual(0);
      expect(stats!.collectMs).toBeLessThanOrEqual(took);
      if ('regulationIds' in restriction) expect(stats).toMatchObject({ postingsRead: 0, textsRead: 4 });
    }
    expect(rankExhaustively(db.db, { terms: [{ text: '消防', weight: 1 }] })).toEqual({ total: 0, exact: true, hits: [] });
  });
});
