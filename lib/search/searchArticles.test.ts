import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import * as schema from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { indexVersion } from './indexVersion';
import { foldText } from './tokenize';
import { queryTerms } from './queryTerms';
import { searchArticles, type SearchArticlesInput } from './searchArticles';
import { addRegulationVersion, corpusArticles } from './testing/library';
import { unindexVersion } from './unindexVersion';

const jiaxing = corpusArticles('reg-058-jiaxing.md');
const zhoushan = corpusArticles('reg-078-zhoushan.md');
const hangzhou = corpusArticles('reg-070-hangzhou.md');

// Hand-written articles for the cases the corpus does not isolate.
const crafted = [
  '犬只应当登记。犬只应当免疫。', // short, 犬只 twice: must rank above the long one
  `饲养犬只的，${'应当遵守城市管理的有关规定，维护公共秩序和环境卫生，不得干扰他人正常生活，'.repeat(8)}`,
  '城市建设由市管理机构负责组织实施。', // has 城市, 市管 and 管理, but not 城市管理
  '犬吠噪声不得超过七十分贝，PM2.5浓度按照ＧＢ3095标准执行。',
];

describe('searchArticles', () => {
  const { db, file, cleanup } = freshDatabase();
  const ids: Record<string, number[]> = {};
  const texts = new Map<number, string>();
  const regulationOf = new Map<number, string>();

  beforeAll(() => {
    const add = (r: Parameters<typeof addRegulationVersion>[1]) => {
      const { versionId, articleIds } = addRegulationVersion(db, r);
      ids[r.id] = articleIds;
      articleIds.forEach((id, i) => {
        texts.set(id, r.articles[i]);
        regulationOf.set(id, r.id);
      });
      indexVersion(db, versionId);
    };
    add({ id: 'jiaxing-dogs', title: '嘉兴市养犬管理条例', region: '嘉兴市', articles: jiaxing });
    add({ id: 'zhoushan-dogs', title: '舟山市养犬管理条例', kind: 'government_rule', region: '舟山市', articles: zhoushan });
    add({ id: 'hangzhou-property', title: '杭州市物业管理条例', region: '杭州市', articles: hangzhou });
    add({ id: 'crafted', title: '检索测试规范', kind: 'industry_norm', articles: crafted });
  });
  afterAll(cleanup);

  /// Every matching article id, reading all pages.
  const allHits = (input: SearchArticlesInput) => {
    const out: number[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = searchArticles(db, { ...input, limit: 100, offset }).hits;
      out.push(...page.map((h) => h.articleId));
      if (page.length < 100) return out;
    }
  };
  const containing = (needle: string, regulation?: string) =>
    [...texts].filter(([id, t]) => foldText(t).includes(needle) && (!regulation || regulationOf.get(id) === regulation)).map(([id]) => id);

  it('finds a single character (犬) in exactly the articles that contain it', () => {
    const expected = containing('犬');
    expect(expected.length).toBeGreaterThan(50);
    expect(allHits({ q: '犬' }).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    expect(searchArticles(db, { q: '犬' })).toMatchObject({ total: expected.length, exact: true });
  });

  it('finds two characters (养犬, 物业) in exactly the articles that contain them', () => {
    for (const q of ['养犬', '物业']) {
      const expected = containing(q);
      expect(expected.length).toBeGreaterThan(10);
      expect(allHits({ q }).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    }
  });

  it('finds four characters (犬只管理) and a long phrase only where they occur contiguously', () => {
    expect(allHits({ q: '犬只管理' }).sort((a, b) => a - b)).toEqual(containing('犬只管理').sort((a, b) => a - b));
    expect(containing('犬只管理').length).toBeGreaterThanOrEqual(3);
    const phrase = '养犬人应当携带犬只到畜牧兽医主管部门确定的狂犬病免疫点';
    const expected = containing(phrase);
    expect(expected.length).toBeGreaterThan(0);
    expect(allHits({ q: phrase })).toEqual(expected);
  });

  it('does not find a phrase whose bigrams all occur but not next to each other', () => {
    const [, , scattered] = ids.crafted;
    const tokens = queryTerms('城市管理')[0].tokens;
    expect(tokens.every((t) => texts.get(scattered)!.includes(t))).toBe(true);
    expect(allHits({ q: '城市管理' })).not.toContain(scattered);
  });

  it('finds latin and digit terms case- and width-insensitively, as whole words', () => {
    const [, , , latin] = ids.crafted;
    expect(allHits({ q: 'pm2' })).toEqual([latin]);
    expect(allHits({ q: 'ＰＭ2.5' })).toEqual([latin]);
    expect(allHits({ q: 'gb3095' })).toEqual([latin]);
    expect(allHits({ q: 'gb30' })).toEqual([]);
  });

  it('ranks a short article with repeated matches above a long one with a single match', () => {
    const [short, long] = ids.crafted;
    const ranked = allHits({ q: '犬只', regulationId: 'crafted' });
    expect(ranked).toEqual([short, long]);
    const all = allHits({ q: '犬只' });
    expect(all.indexOf(short)).toBeLessThan(all.indexOf(long));
    const hits = searchArticles(db, { q: '犬只', limit: 100 }).hits;
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('ANDs space-separated terms', () => {
    const expected = [...texts].filter(([, t]) => t.includes('养犬') && t.includes('罚款')).map(([id]) => id);
    expect(expected.length).toBeGreaterThan(0);
    expect(allHits({ q: '养犬 罚款' }).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
  });

  it('restricts to regulation ids, kinds, one regulation and a caller predicate', () => {
    expect(new Set(allHits({ q: '犬', regulationIds: ['zhoushan-dogs'] }).map((id) => regulationOf.get(id)))).toEqual(new Set(['zhoushan-dogs']));
    expect(allHits({ q: '犬', regulationIds: ['zhoushan-dogs'] }).sort((a, b) => a - b)).toEqual(containing('犬', 'zhoushan-dogs').sort((a, b) => a - b));
    expect(allHits({ q: '犬', kinds: ['government_rule'] }).sort((a, b) => a - b)).toEqual(containing('犬', 'zhoushan-dogs').sort((a, b) => a - b));
    expect(allHits({ q: '犬', regulationId: 'jiaxing-dogs' }).sort((a, b) => a - b)).toEqual(containing('犬', 'jiaxing-dogs').sort((a, b) => a - b));
    expect(allHits({ q: '犬', where: eq(schema.regulations.region, '嘉兴市') }).sort((a, b) => a - b)).toEqual(containing('犬', 'jiaxing-dogs').sort((a, b) => a - b));
    expect(allHits({ q: '犬', regulationIds: ['zhoushan-dogs'], regulationId: 'jiaxing-dogs' })).toEqual([]);
    // Restrictions together keep what each keeps: the regulation both name, and within it all.
    const both = { q: '犬', regulationIds: ['zhoushan-dogs', 'jiaxing-dogs'] };
    expect(allHits({ ...both, regulationId: 'jiaxing-dogs' }).sort((a, b) => a - b)).toEqual(containing('犬', 'jiaxing-dogs').sort((a, b) => a - b));
    expect(allHits({ ...both, where: eq(schema.regulations.region, '嘉兴市') }).sort((a, b) => a - b)).toEqual(containing('犬', 'jiaxing-dogs').sort((a, b) => a - b));
    expect(allHits({ q: '物业', kinds: ['industry_norm'] })).toEqual([]);
  });

  it('returns hits with their regulation, version, eid and number', () => {
    const hit = searchArticles(db, { q: '犬只管理', regulationId: 'jiaxing-dogs' }).hits[0];
    const index = ids['jiaxing-dogs'].indexOf(hit.articleId);
    expect(hit).toMatchObject({ regulationId: 'jiaxing-dogs', regulationTitle: '嘉兴市养犬管理条例', versionId: 'jiaxing-dogs-v1', eid: `art_${index + 1}`, number: index + 1, sub: 0 });
  });

  it('marks every match in a snippet of about 80 characters', () => {
    for (const q of ['犬', '物业服务', 'pm2', '养犬 登记']) {
      const terms = queryTerms(q).map((t) => t.text);
      for (const hit of searchArticles(db, { q, limit: 50 }).hits) {
        expect(hit.snippet.length).toBeLessThanOrEqual(80 + 12 + 2);
        expect(hit.highlights.length).toBeGreaterThan(0);
        for (const [start, end] of hit.highlights) {
          const marked = foldText(hit.snippet.slice(start, end));
          expect(terms.some((t) => marked.includes(t))).toBe(true);
        }
      }
    }
  });

  it('treats search syntax and quotes as plain text, never as an SQLite error', () => {
    const plain = allHits({ q: '养犬' });
    expect(allHits({ q: '"养犬"' })).toEqual(plain);
    expect(allHits({ q: '养犬*' })).toEqual(plain);
    expect(allHits({ q: '(养犬)' })).toEqual(plain);
    expect(allHits({ q: '养犬 AND 犬只' })).toEqual([]); // AND is a word no article contains
    for (const q of ['"', '*', '"养犬', 'NEAR(养犬 犬只', 'NEAR(', "'); DROP TABLE search_postings; --", '^养犬', '养犬 OR 物业 NOT', '{}[]:', '%_\\']) {
      expect(() => searchArticles(db, { q })).not.toThrow();
    }
    expect(searchArticles(db, { q: '"*()' })).toEqual({ total: 0, exact: true, hits: [] });
  });

  it('rejects an over-long or empty query with a validation error', () => {
    const codeOf = (q: string) => {
      try {
        searchArticles(db, { q });
        return null;
      } catch (e) {
        return isAppError(e) ? `${e.code}:${e.message}` : String(e);
      }
    };
    expect(codeOf('犬'.repeat(1000))).toBe('validation_failed:query_too_long');
    expect(codeOf('犬'.repeat(201))).toBe('validation_failed:query_too_long');
    expect(codeOf('')).toBe('validation_failed:query_empty');
    expect(codeOf(' \u3000\n ')).toBe('validation_failed:query_empty');
    expect(codeOf('犬'.repeat(200))).toBeNull();
  });

  it('pages through results without repeating or losing any', () => {
    const all = allHits({ q: '物业' });
    const pages = [0, 20, 40].flatMap((offset) => searchArticles(db, { q: '物业', limit: 20, offset }).hits.map((h) => h.articleId));
    expect(pages).toEqual(all.slice(0, 60));
  });

  it('finds nothing of a version once it is unindexed', () => {
    expect(allHits({ q: '养犬', regulationId: 'jiaxing-dogs' }).length).toBeGreaterThan(0);
    unindexVersion(db, 'jiaxing-dogs-v1');
    expect(allHits({ q: '养犬', regulationId: 'jiaxing-dogs' })).toEqual([]);
    expect(allHits({ q: '养犬' }).some((id) => regulationOf.get(id) === 'jiaxing-dogs')).toBe(false);
    indexVersion(db, 'jiaxing-dogs-v1');
    expect(allHits({ q: '养犬', regulationId: 'jiaxing-dogs' }).length).toBeGreaterThan(0);
  });

  it('ranks the same whether it walks the postings or reads the allowed articles', () => {
    const log: string[] = [];
    const traced = drizzle(new Database(file, { verbose: (s) => log.push(String(s)) }), { schema }) as Db;
    try {
      for (const q of ['犬', '犬只', '犬只 登记', '应当']) {
        log.length = 0;
        const scan = searchArticles(traced, { q, regulationId: 'crafted', limit: 100 });
        const scanned = scan.hits;
        expect(log.some((s) => s.includes('FROM search_versions AS v'))).toBe(true);
        // Having read every article of the regulation, the scan counts its matches exactly.
        expect({ total: scan.total, exact: scan.exact }).toEqual({ total: scanned.length, exact: true });
        log.length = 0;
        const walked = searchArticles(traced, { q, kinds: ['industry_norm'], limit: 100 }).hits;
        expect(log.some((s) => s.includes('FROM search_postings AS p'))).toBe(true);
        expect(scanned.length).toBeGreaterThan(0);
        expect(scanned).toEqual(walked);
      }
    } finally {
      traced.$client.close();
    }
  });

  it('reads a two-character page from the postings index without scanning a table', () => {
    const log: string[] = [];
    const traced = drizzle(new Database(file, { verbose: (s) => log.push(String(s)) }), { schema }) as Db;
    try {
      for (const input of [{ q: '物业' }, { q: '犬' }, { q: '犬只管理' }, { q: '物业', kinds: ['local_regulation' as const] }, { q: '犬', regulationIds: ['zhoushan-dogs', 'hangzhou-property'] }]) {
        log.length = 0;
        expect(searchArticles(traced, input).hits.length).toBeGreaterThan(0);
        const walk = log.filter((s) => s.includes('FROM search_postings AS p'));
        expect(walk).toHaveLength(1);
        const plan = traced.$client.prepare(`EXPLAIN QUERY PLAN ${walk[0]}`).all() as { detail: string }[];
        const details = plan.map((p) => p.detail);
        expect(details).toContainEqual(expect.stringMatching(/^SEARCH p USING PRIMARY KEY \(token_id=\?\)/));
        expect(details).toContainEqual(expect.stringMatching(/^SEARCH a USING INTEGER PRIMARY KEY/));
        expect(details.filter((d) => /^SCAN (p|a)\b|TEMP B-TREE/.test(d))).toEqual([]);
      }
    } finally {
      traced.$client.close();
    }
  });
});
