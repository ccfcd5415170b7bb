import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { engines } from '@/db/engineTesting';
import { withTransaction } from '@/db/withTransaction';
import { regulations } from '@/db/schema';
import { importRegulation, readRegulationFile } from '@/lib/library';
import type { RegulationKind } from '@/lib/shared/vocabulary';
import { rankingTerms } from './answerQuery';
import { MICRO, planRankedTerms, termPointsInText } from './planRankedTerms';
import { termPointsSql, walkOnPostgres } from './postgresRanking';
import { tokenRows } from './postgresSearch';
import { array, run } from './postgresSql';
import { seededRandom } from './testing/rankingCorpus';
import { queryTerms } from './queryTerms';
import { rankArticlesOn, type WeightedTerm } from './rankArticles';
import type { RankOptions } from './rankPostings';
import { readQuestion } from './readQuestion';
import { searchArticlesOn, type SearchArticlesInput } from './searchArticles';
import { planTerms, ranksBefore, scoreText, type Candidate } from './searchPlan';
import { analyzeText, foldText, indexedLength } from './tokenize';

const files = ['reg-058-jiaxing.md', 'reg-078-zhoushan.md', 'reg-068-hangzhou.md', 'reg-070-hangzhou.md', 'reg-062-ningbo.md'];

type Indexed = { id: number; regulationId: string; eid: string; text: string; kind: RegulationKind; region: string | null };

/// Every indexed article with its regulation's kind and region, read back from the engine.
async function indexedArticles({ db, t }: Engine): Promise<Indexed[]> {
  const versions = (await db.select({ id: t.searchVersions.versionId }).from(t.searchVersions)).map((v) => v.id);
  return db
    .select({ id: t.regulationArticles.id, regulationId: t.regulationArticles.regulationId, eid: t.regulationArticles.eid, text: t.regulationArticles.text, kind: t.regulations.kind, region: t.regulations.region })
    .from(t.regulationArticles)
    .innerJoin(t.regulations, eq(t.regulations.id, t.regulationArticles.regulationId))
    .where(inArray(t.regulationArticles.versionId, versions));
}

/// How many of the articles hold each token, counted from their texts.
function documentFrequencies(all: Indexed[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const a of all) for (const token of analyzeText(a.text).tokens.keys()) df.set(token, (df.get(token) ?? 0) + 1);
  return df;
}

/// The answer worked out the long way, without the index: document counts from the texts, every
/// article allowed by the filter scored from its text, all of them sorted.
function bruteForce(all: Indexed[], input: { q: string; limit?: number; offset?: number; kinds?: RegulationKind[]; regulationId?: string; region?: string }) {
  const df = documentFrequencies(all);
  const terms = queryTerms(input.q);
  const plans = planTerms((token) => (df.has(token) ? { id: 0, df: df.get(token)!, maxScore: 0 } : undefined), terms, all.length);
  if (!plans) return { total: 0, hits: [] };
  const driver = plans.reduce((a, b) => (b.driver.df < a.driver.df ? b : a));
  const kept = all.filter((a) => (!input.kinds || input.kinds.includes(a.kind)) && (!input.regulationId || a.regulationId === input.regulationId) && (!input.region || a.region === input.region));
  const scored = kept.flatMap((a): (Candidate & { a: Indexed })[] => {
    const s = scoreText(a.text, plans, driver);
    return s ? [{ articleId: a.id, ...s, a }] : [];
  });
  scored.sort((x, y) => (ranksBefore(x, y) ? -1 : ranksBefore(y, x) ? 1 : 0));
  const offset = input.offset ?? 0;
  return {
    total: scored.length,
    hits: scored.slice(offset, offset + (input.limit ?? 20)).map((c) => `${c.a.regulationId}/${c.a.eid} ${Math.round(c.score * 10_000) / 10_000}`),
  };
}

/// A ranked (question) search worked out the long way: every article's points for every term
/// counted in its text, summed, sorted by points and then article id.
function rankedBruteForce(all: Indexed[], terms: WeightedTerm[], page: { limit: number; offset?: number; kinds?: RegulationKind[] }) {
  const df = documentFrequencies(all);
  const planned = planRankedTerms((token) => (df.has(token) ? { id: 0, df: df.get(token)!, maxScore: 0 } : undefined), terms, all.length).terms;
  const scored = all
    .filter((a) => !page.kinds || page.kinds.includes(a.kind))
    .map((a) => ({ a, points: planned.reduce((sum, t) => sum + termPointsInText(t, foldText(a.text), indexedLength(a.text)), 0) }))
    .filter((x) => x.points > 0)
    .sort((x, y) => y.points - x.points || x.a.id - y.a.id);
  const offset = page.offset ?? 0;
  return { total: scored.length, hits: scored.slice(offset, offset + page.limit).map((x) => `${x.a.regulationId}/${x.a.eid} ${Math.round((x.points / MICRO) * 10_000) / 10_000}`) };
}

describe.each(engines())('library search on $name', ({ name, engine }) => {
  let all: Indexed[];
  beforeAll(async () => {
    for (const file of files) {
      const bytes = readFileSync(path.resolve('db/seed/regulations', file));
      await importRegulation(engine(), await readRegulationFile(new Uint8Array(bytes), file), { sourceText: bytes.toString('utf8') });
    }
    all = await indexedArticles(engine());
  }, 60_000);

  const search = async (input: SearchArticlesInput) => {
    const found = await searchArticlesOn(engine(), input);
    return { total: found.total, exact: found.exact, hits: found.hits.map((h) => `${h.regulationId}/${h.eid} ${h.score}`), found };
  };

  it('finds one- and two-character words and phrases, ranked as scoring every article would', async () => {
    expect(all.length).toBeGreaterThan(200);
    for (const q of ['犬', '养犬', '犬只 登记', '养犬人', '城市管理 执法', '物业服务企业', '第三十条', '没有这样的词语']) {
      for (const page of [{ limit: 5 }, { limit: 7, offset: 5 }]) {
        const expected = bruteForce(all, { q, ...page });
        const got = await search({ q, ...page });
        expect(got.hits, `${q} ${JSON.stringify(page)}`).toEqual(expected.hits);
        if (got.exact) expect(got.total).toBe(expected.total);
        else expect(got.total).toBeGreaterThanOrEqual(got.hits.length + (page.offset ?? 0));
      }
    }
  });

  it('gives snippets with every match marked', async () => {
    const { found } = await search({ q: '犬只 登记', limit: 3 });
    for (const hit of found.hits) {
      for (const [start, end] of hit.highlights) expect(['犬只', '登记']).toContain(hit.snippet.slice(start, end));
      expect(hit.regulationTitle).toMatch(/条例$/);
    }
  });

  it('applies the filters, with whichever plan they call for', async () => {
    const jiaxing = all.find((a) => a.regulationId && a.text.includes('嘉兴'))!.regulationId;
    const region = all.find((a) => a.region)!.region!;
    for (const q of ['犬', '犬只 登记', '管理']) {
      // One regulation: its articles are read and scored (the scan).
      expect((await search({ q, limit: 10, regulationId: jiaxing })).hits).toEqual(bruteForce(all, { q, limit: 10, regulationId: jiaxing }).hits);
      expect((await search({ q, limit: 10, kinds: ['local_regulation'] })).hits).toEqual(bruteForce(all, { q, limit: 10, kinds: ['local_regulation'] }).hits);
      expect((await search({ q, limit: 10, where: eq(regulations.region, region) })).hits).toEqual(bruteForce(all, { q, limit: 10, region }).hits);
    }
    expect(await search({ q: '犬', regulationIds: [] })).toMatchObject({ total: 0, hits: [] });
  });

  it('refuses a query it cannot read, in words the page can show', async () => {
    await expect(searchArticlesOn(engine(), { q: '  ' })).rejects.toMatchObject({ code: 'validation_failed', message: 'query_empty' });
    await expect(searchArticlesOn(engine(), { q: '犬'.repeat(201) })).rejects.toMatchObject({ message: 'query_too_long' });
    await expect(searchArticlesOn(engine(), { q: '犬', offset: -1 })).rejects.toMatchObject({ message: 'offset_invalid' });
  });

  it('finds nothing, and says the count is exact, for a query of punctuation alone', async () => {
    expect(await search({ q: '！？——' })).toMatchObject({ total: 0, exact: true, hits: [] });
  });

  it('ranks a question on its words as scoring every article would, and counts the matches', async () => {
    for (const q of ['邻居养狗扰民怎么办', '狗咬人了谁赔钱', '遛狗要拴绳吗？', '犬只办理登记需要什么材料']) {
      const terms = rankingTerms(readQuestion(q));
      for (const page of [{ limit: 10 }, { limit: 5, offset: 10 }, { limit: 10, kinds: ['local_regulation' as const] }]) {
        const expected = rankedBruteForce(all, terms, page);
        const found = await rankArticlesOn(engine(), { terms, ...page });
        expect(found.hits.map((h) => `${h.regulationId}/${h.eid} ${h.score}`), `${q} ${JSON.stringify(page)}`).toEqual(expected.hits);
        if (found.exact) expect(found.total).toBe(expected.total);
      }
    }
  });

  // The one computation PostgreSQL makes on its own, the points of a posting, and the walk's
  // reads answered by its queries: tests of PostgreSQL alone (not skipped on SQLite, absent).
  if (name === 'PostgreSQL') it('computes each posting’s points as termPoints does, to the last one, halves included', async () => {
    const random = seededRandom(7);
    const pairs = Array.from({ length: 5000 }, () => ({ factor: random() * 40, score: 1 + Math.floor(random() * 32_000) }));
    // Products that end in exactly one half, where rounding rules differ.
    pairs.push({ factor: 0.5, score: 1 }, { factor: 0.5, score: 5 }, { factor: 1.25, score: 2 }, { factor: 2.5, score: 1 }, { factor: 0.0001, score: 3 });
    const rows = await run<{ points: string }>(
      engine(),
      sql`select ${termPointsSql(sql`u.f`, sql`u.s`)} as points from unnest(${array(pairs.map((p) => p.factor), 'float8')}, ${array(pairs.map((p) => p.score), 'int8')}) with ordinality as u(f, s, i) order by u.i`,
    );
    expect(rows.map((r) => Number(r.points))).toEqual(pairs.map((p) => Math.max(1, Math.round(p.factor * p.score))));
  });

  // The walk's every path on PostgreSQL: candidates completed by reading their texts or by
  // scanning a list for them, small reads, a longer word held until it is checked.
  if (name === 'PostgreSQL') it('walks the postings as SQLite does, however it completes its candidates', async () => {
    const where = new Map(all.map((a) => [a.id, `${a.regulationId}/${a.eid}`]));
    const questions: WeightedTerm[][] = [rankingTerms(readQuestion('邻居养狗扰民怎么办')), [{ text: '养犬人', weight: 1 }, { text: '登记', weight: 0.5 }, { text: '公安机关', weight: 0.8 }]];
    await withTransaction(engine(), async (tx) => {
      const n = all.length;
      const [{ max }] = await run<{ max: string }>(tx, sql`select max(id) as max from regulation_articles`);
      for (const weighted of questions) {
        const dictionary = await tokenRows(tx, [...new Set(weighted.flatMap((t) => queryTerms(t.text).flatMap((q) => q.tokens)))]);
        const { terms } = planRankedTerms((token) => dictionary.get(token), weighted, n);
        const expected = rankedBruteForce(all, weighted, { limit: 10 });
        const ways: Partial<RankOptions>[] = [{}, { costs: { scan: 1e9 } }, { costs: { text: 1e12 } }, { chunk: 8 }];
        const completions = new Set<string>();
        for (const way of ways) {
          const found = await walkOnPostgres(tx, terms, 10, { indexed: n, maxArticleId: Number(max), ...way });
          expect(found.top.map((c) => `${where.get(c.articleId)} ${Math.round((c.points / MICRO) * 10_000) / 10_000}`), JSON.stringify(way)).toEqual(expected.hits);
          if (found.exact) expect(found.total).toBe(expected.total);
          for (const step of found.stats.completion) completions.add(typeof step === 'number' ? 'scan' : step);
        }
        expect([...completions].sort()).toEqual(['scan', 'text']);
      }
    });
  });
});
