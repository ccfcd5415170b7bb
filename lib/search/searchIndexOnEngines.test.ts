import { beforeEach, describe, expect, it } from 'vitest';
import { eq, sql, type SQL } from 'drizzle-orm';
import { executeOnPostgres, type Engine } from '@/db/engine';
import { engines } from '@/db/engineTesting';
import { applySearchIndexChangeOn } from './applySearchIndexChange';
import { indexVersionsOn } from './indexVersion';
import { ROWS_PER_STATEMENT } from './postgresSearchIndex';
import { pruneSearchIndexOn } from './pruneSearchIndex';
import { scoreToken } from './scoreToken';
import { addRegulationVersionOn, corpusArticles } from './testing/library';
import { seededRandom } from './testing/rankingCorpus';
import { analyzeText } from './tokenize';
import { unindexVersionOn } from './unindexVersion';

const articles = corpusArticles('reg-058-jiaxing.md');

/// The rows of a query, on either engine.
async function rows(engine: Engine, query: SQL): Promise<Record<string, unknown>[]> {
  if (engine.kind === 'sqlite') return engine.db.all(query);
  return ((await executeOnPostgres(engine, query)) as { rows: Record<string, unknown>[] }).rows;
}

/// Every posting as `token score eid@version`, sorted: what the index holds, comparable across engines.
async function postingLines(engine: Engine): Promise<string[]> {
  const found = await rows(
    engine,
    sql`select t.token as token, p.score as score, a.eid as eid, a.version_id as version from search_postings as p join search_tokens as t on t.id = p.token_id join regulation_articles as a on a.id = p.article_id`,
  );
  return found.map((r) => `${r.token} ${r.score} ${r.eid}@${r.version}`).sort();
}

/// The postings the index should hold for some article texts of a version: each distinct token
/// of each article with its BM25 factor, computed here from the tokenizer and the score formula.
function expectedLines(texts: string[], versionId: string): string[] {
  return texts
    .flatMap((text, i) => {
      const { tokens, length } = analyzeText(text);
      return [...tokens].map(([token, tf]) => `${token} ${scoreToken(tf, length)} art_${i + 1}@${versionId}`);
    })
    .sort();
}

const scalar = async (engine: Engine, query: SQL) => Number(Object.values((await rows(engine, query))[0] ?? { n: 0 })[0]);
const postings = (engine: Engine) => scalar(engine, sql`select count(*) as n from search_postings`);
const df = (engine: Engine, token: string) => scalar(engine, sql`select coalesce(max(df), 0) as n from search_tokens where token = ${token}`);
const stats = async (engine: Engine) => (await rows(engine, sql`select versions, articles from search_stats where id = 1`)).map((r) => ({ versions: Number(r.versions), articles: Number(r.articles) }))[0];
const containing = (texts: string[], word: string) => texts.filter((t) => t.includes(word)).length;
const generation = (engine: Engine) => scalar(engine, sql`select generation as n from search_stats where id = 1`);
/// Tokens whose highest stored score is not the highest score of their postings (the walk's
/// first bound), as `token stored/actual`.
const wrongMaxScores = async (engine: Engine) =>
  (
    await rows(
      engine,
      sql`select t.token as token, t.max_score as stored, max(p.score) as actual from search_tokens as t join search_postings as p on p.token_id = t.id group by t.id, t.token, t.max_score having t.max_score <> max(p.score)`,
    )
  ).map((r) => `${r.token} ${r.stored}/${r.actual}`);

describe.each(engines())('the search index written on $name', ({ engine }) => {
  let next = 0;
  /// A regulation of its own (ids unique within the file), not yet indexed.
  const regulation = (texts: string[], seq = 1, id = `r${++next}`) => addRegulationVersionOn(engine(), { id, title: `测试条例${id}`, seq, articles: texts });
  // Each test starts from an empty index, whatever ran before it (the triggers on search_versions
  // bring search_stats back to zero). Tokens stay, with no documents and no score: the index keeps their ids.
  beforeEach(async () => {
    for (const statement of [sql`delete from search_postings`, sql`delete from search_versions`, sql`update search_tokens set df = 0, max_score = 0`]) {
      if (engine().kind === 'sqlite') engine().db.run(statement);
      else await executeOnPostgres(engine(), statement);
    }
  });

  it('writes exactly one posting per distinct token of each article, with its score, and counts documents', async () => {
    const { versionId } = await regulation(articles);
    const report = await indexVersionsOn(engine(), [versionId]);
    expect(report).toEqual({ versions: 1, articles: articles.length, postings: expectedLines(articles, versionId).length });
    expect(await postingLines(engine())).toEqual(expectedLines(articles, versionId));
    expect(await df(engine(), '养犬')).toBe(containing(articles, '养犬'));
    expect(await wrongMaxScores(engine())).toEqual([]);
    expect(await stats(engine())).toEqual({ versions: 1, articles: articles.length });
    const [version] = await engine().db.select().from(engine().t.searchVersions).where(eq(engine().t.searchVersions.versionId, versionId));
    expect(version).toMatchObject({ articles: articles.length, postings: report.postings });

    // Indexed again, alone or twice in one batch: replaced in place, counted once.
    await indexVersionsOn(engine(), [versionId]);
    await indexVersionsOn(engine(), [versionId, versionId]);
    expect(await postingLines(engine())).toEqual(expectedLines(articles, versionId));
    expect(await df(engine(), '养犬')).toBe(containing(articles, '养犬'));

    expect(await unindexVersionOn(engine(), versionId)).toBe(report.postings);
    expect(await postings(engine())).toBe(0);
    expect(await df(engine(), '养犬')).toBe(0);
    expect(await stats(engine())).toEqual({ versions: 0, articles: 0 });
    expect(await unindexVersionOn(engine(), versionId)).toBe(0);
  });

  it('records each version’s own numbers of articles and postings when several are indexed at once', async () => {
    const first = await regulation(articles.slice(0, 3));
    const second = await regulation(articles.slice(3, 8));
    const report = await indexVersionsOn(engine(), [first.versionId, second.versionId]);
    const rows = await engine().db.select().from(engine().t.searchVersions);
    const numbers = new Map(rows.map((r) => [r.versionId, [r.articles, r.postings]]));
    expect(numbers).toEqual(
      new Map([
        [first.versionId, [3, expectedLines(articles.slice(0, 3), first.versionId).length]],
        [second.versionId, [5, expectedLines(articles.slice(3, 8), second.versionId).length]],
      ]),
    );
    expect(report.postings).toBe(numbers.get(first.versionId)![1] + numbers.get(second.versionId)![1]);
  });

  it('still removes the postings when the article rows changed after indexing', async () => {
    const { versionId } = await regulation(articles.slice(0, 8));
    await indexVersionsOn(engine(), [versionId]);
    await engine().db.update(engine().t.regulationArticles).set({ text: '本条已被改写。' }).where(eq(engine().t.regulationArticles.versionId, versionId));
    await unindexVersionOn(engine(), versionId);
    expect(await postings(engine())).toBe(0);
    expect(await df(engine(), '养犬')).toBe(0);
  });

  it('fails as a whole on an unknown version, keeping no token it created', async () => {
    const { versionId } = await regulation(['新设的条文：犬只芯片登记。']);
    const tokens = await scalar(engine(), sql`select count(*) as n from search_tokens`);
    await expect(indexVersionsOn(engine(), [versionId, 'no-such-version'])).rejects.toMatchObject({ code: 'not_found', message: 'version_not_found', details: { versionId: 'no-such-version' } });
    expect(await postings(engine())).toBe(0);
    expect(await scalar(engine(), sql`select count(*) as n from search_tokens`)).toBe(tokens);
    await indexVersionsOn(engine(), [versionId]);
    expect(await postingLines(engine())).toEqual(expectedLines(['新设的条文：犬只芯片登记。'], versionId));
    await unindexVersionOn(engine(), versionId);
  });

  it('moves the index from a replaced version to the current one', async () => {
    const old = await regulation(['养犬人应当为犬只办理登记。'], 1, 'moved');
    const current = await regulation(['养犬人应当为犬只植入电子标识。'], 2, 'moved');
    await applySearchIndexChangeOn(engine(), { index: old.versionId });
    expect(await df(engine(), '登记')).toBe(1);
    await applySearchIndexChangeOn(engine(), { index: current.versionId, unindex: old.versionId });
    expect(await postingLines(engine())).toEqual(expectedLines(['养犬人应当为犬只植入电子标识。'], current.versionId));
    expect(await df(engine(), '登记')).toBe(0);
    await applySearchIndexChangeOn(engine(), { unindex: current.versionId });
  });

  it('counts documents right when several regulations are indexed at once', async () => {
    const texts = Array.from({ length: 6 }, (_, i) => articles.slice(i * 3, i * 3 + 5));
    const versions = await Promise.all(texts.map((t) => regulation(t)));
    // On PostgreSQL each runs in a transaction of its own, side by side; the index's lock orders them.
    await Promise.all(versions.map((v) => applySearchIndexChangeOn(engine(), { index: v.versionId })));
    expect(await postingLines(engine())).toEqual(versions.flatMap((v, i) => expectedLines(texts[i], v.versionId)).sort());
    for (const word of ['养犬', '犬', '管理', '登记']) expect(await df(engine(), word)).toBe(texts.flat().filter((t) => t.includes(word)).length);
    expect(await wrongMaxScores(engine())).toEqual([]);
    await Promise.all(versions.map((v) => unindexVersionOn(engine(), v.versionId)));
    expect(await postings(engine())).toBe(0);
  });

  it('writes and removes a version of more tokens and postings than one statement takes', async () => {
    // Random characters of the common CJK block: nearly every bigram is new, so the tokens, the
    // postings, the document counts and the unindexing keys each run past one statement's rows.
    const random = seededRandom(3);
    const texts = Array.from({ length: 450 }, () => String.fromCodePoint(...Array.from({ length: 60 }, () => 0x4e00 + Math.floor(random() * 3000))));
    const { versionId } = await regulation(texts);
    const expected = expectedLines(texts, versionId);
    expect(new Set(expected.map((line) => line.split(' ')[0])).size).toBeGreaterThan(ROWS_PER_STATEMENT);
    const report = await indexVersionsOn(engine(), [versionId]);
    expect(report.postings).toBe(expected.length);
    expect(await postingLines(engine())).toEqual(expected);
    const [token] = expected[expected.length - 1].split(' ');
    expect(await df(engine(), token)).toBe(texts.filter((t) => analyzeText(t).tokens.has(token)).length);
    expect(await wrongMaxScores(engine())).toEqual([]);
    expect(await unindexVersionOn(engine(), versionId)).toBe(expected.length);
    expect(await postings(engine())).toBe(0);
    expect(await df(engine(), token)).toBe(0);
  });

  it('prunes the postings of a version deleted outright', async () => {
    const kept = await regulation(['养犬人应当为犬只办理登记。']);
    const gone = await regulation(articles.slice(0, 5));
    await indexVersionsOn(engine(), [kept.versionId, gone.versionId]);
    await engine().db.delete(engine().t.regulationVersions).where(eq(engine().t.regulationVersions.id, gone.versionId));
    expect(await stats(engine())).toEqual({ versions: 1, articles: 1 });
    // Posting lists kept in memory are read again after a prune that removed something, only then.
    const before = await generation(engine());
    expect(await pruneSearchIndexOn(engine())).toBe(expectedLines(articles.slice(0, 5), gone.versionId).length);
    expect(await generation(engine())).toBe(before + 1);
    expect(await postingLines(engine())).toEqual(expectedLines(['养犬人应当为犬只办理登记。'], kept.versionId));
    expect(await df(engine(), '养犬')).toBe(1);
    expect(await pruneSearchIndexOn(engine())).toBe(0);
    expect(await generation(engine())).toBe(before + 1);
  });
});
