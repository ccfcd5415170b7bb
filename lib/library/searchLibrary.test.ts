import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sqliteEngine } from '@/db/engine';
import { freshDatabase } from '@/db/testing';
import { seedLibrary } from '@/lib/demo';
import { searchLibrary } from './searchLibrary';

const t = freshDatabase();
afterAll(t.cleanup);
beforeAll(async () => {
  await seedLibrary(sqliteEngine(t.db));
});
afterEach(() => vi.unstubAllEnvs());

/// Every page of a search, in order: each hit as its regulation's relation and its place.
async function allPages(q: string, pageSize: number) {
  const hits: { relation: string | null; key: string }[] = [];
  const totals: (number | null)[] = [];
  for (let page = 1; ; page++) {
    const r = await searchLibrary(sqliteEngine(t.db), { q, page, pageSize });
    totals.push(r.total);
    // Within a page groups are ordered by relation; the hits keep rank order inside a group.
    for (const g of r.groups) for (const h of g.hits) hits.push({ relation: g.jurisdiction.relation, key: `${g.title}${h.label}` });
    if (!r.hasMore) return { hits, totals, mode: r.understood.mode };
    expect(page).toBeLessThan(100);
  }
}

const rank = (relation: string | null) => (relation === 'own' || relation === 'superior' ? 0 : 1);

describe('searchLibrary, own texts first', () => {
  it('ranks the city’s own texts and its 上位法 before other places’ on every page, not only within one', async () => {
    vi.stubEnv('LAWBENCH_CITY', '');
    const plain = await allPages('犬', 7);
    vi.stubEnv('LAWBENCH_CITY', '舟山市');
    vi.stubEnv('LAWBENCH_PROVINCE', '浙江省');
    const tiered = await allPages('犬', 7);
    // The same articles, none twice, none lost between the tiers' pages…
    expect(tiered.hits.map((h) => h.key).sort()).toEqual(plain.hits.map((h) => h.key).sort());
    expect(new Set(tiered.hits.map((h) => h.key)).size).toBe(tiered.hits.length);
    // …every near one before every far one, though 嘉兴's rule matches 犬 as often as 舟山's.
    const order = tiered.hits.map((h) => rank(h.relation));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.filter((x) => x === 0).length).toBeGreaterThan(7);
    expect(order.filter((x) => x === 1).length).toBeGreaterThan(7);
    expect(plain.hits.slice(0, 7).some((h) => h.key.startsWith('嘉兴'))).toBe(true);
    expect(tiered.totals[0]).toBe(plain.totals[0]);
  });

  it('answers as a phrase when the phrase is found only in another place’s text', async () => {
    vi.stubEnv('LAWBENCH_CITY', '舟山市');
    vi.stubEnv('LAWBENCH_PROVINCE', '浙江省');
    // 嘉兴's wording; 舟山's regulation has 犬只准养登记制度.
    const r = await allPages('养犬准养登记制度', 5);
    expect(r.mode).toBe('phrase');
    expect(r.hits.length).toBeGreaterThan(0);
    // Only other places' texts have it; the city's own are not filled in with question matches.
    expect(r.hits.every((h) => rank(h.relation) === 1)).toBe(true);
    expect(r.hits.some((h) => h.key.startsWith('嘉兴'))).toBe(true);
  });
});
