import { inArray } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { articleLabel } from '@/lib/legal-text';
import { MAX_OFFSET as MAX_SEARCH_DEPTH, answerQuery, type AnswerResult } from '@/lib/search';
import { findRegulationOn } from './getRegulation';
import { listRegulations, type RegulationFilters } from './listRegulations';
import { homeFirstTiers } from './homeFirstTiers';
import { homeJurisdiction, jurisdictionOf, relationRank, type HomeJurisdiction, type Jurisdiction } from './jurisdictionOf';

/// One matching article, ready to show: where it is, a snippet, and the marked ranges.
export type LibraryHit = { number: number; sub: number; label: string; eid: string; snippet: string; highlights: [number, number][]; score: number };

/// Hits of one regulation, in rank order of its best hit.
export type LibraryHitGroup = { regulationId: string; slug: string; title: string; jurisdiction: Jurisdiction; hits: LibraryHit[] };

/// How the search understood the query (see lib/search's `answerQuery`): found as typed
/// (`phrase`) or read as a question, with the words searched for and the statutory terms added.
export type SearchUnderstanding = Pick<AnswerResult, 'mode' | 'terms' | 'expansions' | 'cut'>;

/// Full-text search of the library's current texts, filtered like the index and optionally
/// inside one regulation; a query not found as typed is read as a question. Hits are ranked and
/// grouped by regulation. `without` switches thesaurus expansions off.
export async function searchLibrary(
  engine: Engine,
  opts: RegulationFilters & { q: string; within?: string; page?: number; pageSize?: number; without?: string[] },
): Promise<{ groups: LibraryHitGroup[]; hits: number; total: number | null; page: number; pageSize: number; hasMore: boolean; understood: SearchUnderstanding }> {
  const pageSize = Math.min(Math.max(opts.pageSize ?? 20, 1), 50);
  const page = Math.max(opts.page ?? 1, 1);
  const filtered = opts.status || opts.year || opts.topic || opts.kind || opts.scope;
  const regulationIds = filtered ? (await listRegulations(engine, { status: opts.status, year: opts.year, topic: opts.topic, kind: opts.kind, scope: opts.scope, pageSize: 100_000 })).items.map((r) => r.id) : undefined;
  const within = opts.within ? (await findRegulationOn(engine, opts.within)).id : undefined;
  const none: SearchUnderstanding = { mode: 'phrase', terms: [], expansions: [] };
  if (regulationIds && regulationIds.length === 0) return { groups: [], hits: 0, total: 0, page, pageSize, hasMore: false, understood: none };
  // One extra hit tells whether there is a next page without counting every match; search pages
  // stop at the index's depth limit.
  const offset = (page - 1) * pageSize;
  if (offset >= MAX_SEARCH_DEPTH) return { groups: [], hits: 0, total: null, page, pageSize, hasMore: false, understood: none };
  const home = homeJurisdiction();
  const result = await homeFirstAnswer(engine, { q: opts.q, pageSize, offset, regulationIds, regulationId: within, without: opts.without }, home);
  const understood: SearchUnderstanding = { mode: result.mode, terms: result.terms, expansions: result.expansions, ...(result.cut ? { cut: result.cut } : {}) };
  const hits = result.hits.slice(0, pageSize);
  const { regulations } = engine.t;
  const titles = new Map(
    hits.length ? (await engine.db.select({ id: regulations.id, slug: regulations.slug, title: regulations.title, level: regulations.level, region: regulations.region, enactingBody: regulations.enactingBody }).from(regulations).where(inArray(regulations.id, [...new Set(hits.map((h) => h.regulationId))]))).map((r) => [r.id, r]) : [],
  );
  const groups = new Map<string, LibraryHitGroup>();
  for (const h of hits) {
    const reg = titles.get(h.regulationId);
    if (!reg) continue;
    const group = groups.get(h.regulationId) ?? { regulationId: h.regulationId, slug: reg.slug, title: reg.title, jurisdiction: jurisdictionOf(reg, home), hits: [] };
    group.hits.push({ number: h.number, sub: h.sub ?? 0, label: articleLabel(h.number, h.sub || undefined), eid: h.eid, snippet: h.snippet, highlights: h.highlights, score: h.score });
    groups.set(h.regulationId, group);
  }
  // Within the page, the city's own texts come before those above it, and those before other
  // places' (each group keeps the rank of its best hit otherwise).
  const ordered = [...groups.values()].sort((a, b) => relationRank(a.jurisdiction.relation) - relationRank(b.jurisdiction.relation));
  return { understood, groups: ordered, hits: hits.length, total: result.total, page, pageSize, hasMore: result.hits.length > pageSize };
}

type AnswerPage = { q: string; pageSize: number; offset: number; regulationIds?: string[]; regulationId?: string; without?: string[] };

/// One page of `answerQuery` (with one hit more than the page, to tell whether another follows)
/// ranked in two tiers, the city's own texts and its 上位法 before every other place's, on every
/// page and not only within one: the near tier's hits in rank order, then the far tier's. Both
/// tiers are read in the same mode — a phrase when it is found as typed in either.
async function homeFirstAnswer(engine: Engine, page: AnswerPage, home: HomeJurisdiction | null): Promise<AnswerResult> {
  const { q, pageSize, offset, regulationIds, regulationId, without } = page;
  const limit = Math.min(pageSize + 1, MAX_SEARCH_DEPTH - offset);
  const tiers = regulationId ? null : await homeFirstTiers(engine, home, regulationIds);
  if (!tiers) return answerQuery(engine, { q, limit, offset, regulationIds, regulationId, without });
  let near = await answerQuery(engine, { q, limit, offset, regulationIds: tiers.near, without });
  if (near.mode === 'question' && (await answerQuery(engine, { q, limit: 1, offset: 0, regulationIds: tiers.far, mode: 'phrase' })).hits.length > 0) {
    // Found as typed in other places' texts only: the whole search is a phrase search.
    near = await answerQuery(engine, { q, limit, offset, regulationIds: tiers.near, mode: 'phrase' });
  }
  // The count is the whole search's: two tiers' estimates would add up their errors.
  const whole = await answerQuery(engine, { q, limit: 1, offset: 0, regulationIds, without, mode: near.mode });
  const counted = { total: whole.total, exact: whole.exact };
  if (near.hits.length === limit) return { ...near, ...counted };
  // The near tier ran out within this page: its hits end at offset + hits, or, on a page past
  // its last hit, at its total, counted exactly as its walk read every posting. The far tier
  // starts where it left off.
  const nearCount = near.hits.length > 0 ? offset + near.hits.length : Math.min(near.total ?? offset, offset);
  const farOffset = Math.max(0, offset - nearCount);
  const far = await answerQuery(engine, { q, limit: limit - near.hits.length, offset: farOffset, regulationIds: tiers.far, without, mode: near.mode });
  return { ...near, hits: [...near.hits, ...far.hits], ...counted };
}
