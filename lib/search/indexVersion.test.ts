import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { eq } from 'drizzle-orm';
import { regulationArticles, regulations, searchTokens, searchVersions } from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { applySearchIndexChange } from './applySearchIndexChange';
import { indexVersion, indexVersions } from './indexVersion';
import { pruneSearchIndex } from './pruneSearchIndex';
import { searchArticles } from './searchArticles';
import { addRegulationVersion, corpusArticles } from './testing/library';
import { unindexVersion } from './unindexVersion';

const articles = corpusArticles('reg-058-jiaxing.md');

describe('indexVersion', () => {
  /// A database of its own holding 嘉兴市养犬管理条例, not yet indexed: each test starts from it, so
  /// any one can run alone (as a mutation run does).
  function library() {
    const { db, cleanup } = freshDatabase();
    onTestFinished(cleanup);
    const { versionId } = addRegulationVersion(db, { id: 'jx', title: '嘉兴市养犬管理条例', articles });
    const postings = () => (db.$client.prepare('SELECT count(*) AS n FROM search_postings').get() as { n: number }).n;
    const df = (token: string) => db.select({ df: searchTokens.df }).from(searchTokens).where(eq(searchTokens.token, token)).get()?.df ?? 0;
    return { db, versionId, postings, df };
  }

  it('writes one posting per distinct token of each article and counts document frequency', () => {
    const { db, versionId, postings, df } = library();
    const report = indexVersion(db, versionId);
    expect(report).toMatchObject({ versions: 1, articles: articles.length });
    expect(postings()).toBe(report.postings);
    expect(df('养犬')).toBe(articles.filter((t) => t.includes('养犬')).length);
    expect(db.select().from(searchVersions).all()).toMatchObject([{ versionId, regulationId: 'jx', articles: articles.length }]);
  });

  it('re-indexes a version in place instead of duplicating it', () => {
    const { db, versionId, postings, df } = library();
    indexVersion(db, versionId);
    const before = postings();
    indexVersion(db, versionId);
    indexVersions(db, [versionId, versionId]);
    expect(postings()).toBe(before);
    expect(df('养犬')).toBe(articles.filter((t) => t.includes('养犬')).length);
  });

  it('removes every posting and document count when unindexed', () => {
    const { db, versionId, postings, df } = library();
    indexVersion(db, versionId);
    expect(unindexVersion(db, versionId)).toBeGreaterThan(0);
    expect(postings()).toBe(0);
    expect(df('养犬')).toBe(0);
    expect(unindexVersion(db, versionId)).toBe(0);
  });

  it('still removes the postings when the article rows changed after indexing', () => {
    const { db, versionId, postings, df } = library();
    indexVersion(db, versionId);
    db.update(regulationArticles).set({ text: '本条已被改写。' }).where(eq(regulationArticles.versionId, versionId)).run();
    unindexVersion(db, versionId);
    expect(postings()).toBe(0);
    expect(df('养犬')).toBe(0);
  });

  it('fails as a whole on an unknown version and leaves the index usable', () => {
    const { db, postings } = library();
    const other = addRegulationVersion(db, { id: 'jx2', title: '嘉兴市养犬管理条例', articles: ['新设的条文：犬只芯片登记。'] });
    let error: unknown;
    try {
      indexVersions(db, [other.versionId, 'no-such-version']);
    } catch (e) {
      error = e;
    }
    expect(isAppError(error) && error.code).toBe('not_found');
    expect(postings()).toBe(0);
    // The tokens created by the failed batch were rolled back; indexing again must recreate them.
    indexVersion(db, other.versionId);
    expect(searchArticles(db, { q: '芯片' }).hits.map((h) => h.regulationId)).toEqual(['jx2']);
  });
});

describe('pruneSearchIndex', () => {
  const { db, cleanup } = freshDatabase();
  afterAll(cleanup);
  const stats = () => db.$client.prepare('SELECT versions, articles FROM search_stats').get();
  const postings = () => (db.$client.prepare('SELECT count(*) AS n FROM search_postings').get() as { n: number }).n;

  it('drops the postings of a version deleted outright, which searches already skip', () => {
    const kept = addRegulationVersion(db, { id: 'kept', title: '某市养犬管理条例', articles: ['养犬人应当为犬只办理登记。'] });
    const gone = addRegulationVersion(db, { id: 'gone', title: '某市物业管理条例', articles: articles.slice(0, 5) });
    indexVersions(db, [kept.versionId, gone.versionId]);
    expect(stats()).toEqual({ versions: 2, articles: 6 });
    const keptPostings = indexVersion(db, kept.versionId).postings;

    db.delete(regulations).where(eq(regulations.id, 'gone')).run();
    expect(stats()).toEqual({ versions: 1, articles: 1 });
    expect(searchArticles(db, { q: '养犬' }).hits.map((h) => h.regulationId)).toEqual(['kept']);
    expect(postings()).toBeGreaterThan(keptPostings);

    expect(pruneSearchIndex(db)).toBeGreaterThan(0);
    expect(postings()).toBe(keptPostings);
    expect(db.select({ df: searchTokens.df }).from(searchTokens).where(eq(searchTokens.token, '养犬')).get()?.df).toBe(1);
  });
});

describe('applySearchIndexChange', () => {
  const { db, cleanup } = freshDatabase();
  afterAll(cleanup);

  it('moves the index from the replaced version to the current one', () => {
    const old = addRegulationVersion(db, { id: 'r', title: '某市养犬管理条例', seq: 1, articles: ['养犬人应当为犬只办理登记。'] });
    const current = addRegulationVersion(db, { id: 'r', title: '某市养犬管理条例', seq: 2, articles: ['养犬人应当为犬只植入电子标识。'] });
    applySearchIndexChange(db, { index: old.versionId });
    expect(searchArticles(db, { q: '登记' }).hits).toHaveLength(1);
    applySearchIndexChange(db, { index: current.versionId, unindex: old.versionId });
    expect(searchArticles(db, { q: '登记' }).hits).toHaveLength(0);
    expect(searchArticles(db, { q: '电子标识' }).hits.map((h) => h.versionId)).toEqual([current.versionId]);
  });
});
