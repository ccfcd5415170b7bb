import { asc } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { todayInChina } from '@/lib/shared';
import type { RegulationSort } from './libraryQuery';
import { versionInForce } from './versionInForce';
import { datedVersions, regulationStatus, type RegulationStatus } from './lifecycle';
import { readAllRegulationEvents } from './regulationEvents';
import { type JurisdictionRelation, type RegulationKind } from '@/lib/shared/vocabulary';
import { homeJurisdiction, jurisdictionOf, relationRank, type Jurisdiction } from './jurisdictionOf';

/// Filters of the library index (all optional, combined with AND).
export type RegulationFilters = {
  status?: RegulationStatus | 'amended';
  kind?: RegulationKind;
  year?: number;
  topic?: string;
  /// Only the city's own texts, those above it, or other places' (see jurisdictionOf).
  scope?: JurisdictionRelation;
};

/// One line of the library index.
export type RegulationListItem = {
  id: string;
  slug: string;
  title: string;
  kind: RegulationKind;
  region: string | null;
  jurisdiction: Jurisdiction;
  topic: string | null;
  status: RegulationStatus;
  amended: boolean;
  adoptedOn: string | null;
  effectiveOn: string | null;
  versions: number;
  updatedAt: Date;
};


/// The library index: every regulation with its status today, filtered, sorted and paged, plus
/// the values each filter can take (for the filter controls).
export async function listRegulations(
  engine: Engine,
  opts: RegulationFilters & { sort?: RegulationSort; page?: number; pageSize?: number; today?: string } = {},
): Promise<{ items: RegulationListItem[]; total: number; page: number; pageSize: number; facets: { topics: string[]; years: number[]; scopes: Partial<Record<JurisdictionRelation, number>> } }> {
  const { db, t } = engine;
  const { regulations, regulationVersions } = t;
  const today = opts.today ?? todayInChina();
  const home = homeJurisdiction();
  const versions = await db.select({ id: regulationVersions.id, regulationId: regulationVersions.regulationId, seq: regulationVersions.seq, effectiveOn: regulationVersions.effectiveOn, adoptedOn: regulationVersions.adoptedOn }).from(regulationVersions).orderBy(asc(regulationVersions.seq));
  const events = await readAllRegulationEvents(engine);
  const byReg = new Map<string, typeof versions>();
  for (const v of versions) byReg.set(v.regulationId, [...(byReg.get(v.regulationId) ?? []), v]);
  const all: RegulationListItem[] = (await db.select().from(regulations)).map((r) => {
      const vs = datedVersions(byReg.get(r.id) ?? [], events.get(r.id) ?? []);
      const { status, amended } = regulationStatus(vs, events.get(r.id) ?? [], today);
      const current = versionInForce(vs, today) ?? vs[0];
      return {
        id: r.id,
        slug: r.slug,
        title: r.title,
        kind: r.kind,
        region: r.region,
        jurisdiction: jurisdictionOf(r, home),
        topic: r.topic,
        status,
        amended,
        adoptedOn: vs[0]?.adoptedOn ?? null,
        effectiveOn: current?.effectiveOn ?? null,
        versions: vs.length,
        updatedAt: r.updatedAt,
      };
    });
  const facets = {
    topics: [...new Set(all.map((r) => r.topic).filter((t): t is string => !!t))].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    years: [...new Set(all.map((r) => Number(r.adoptedOn?.slice(0, 4))).filter((y) => y > 0))].sort((a, b) => b - a),
    scopes: countScopes(all),
  };
  const filtered = all.filter(
    (r) =>
      (!opts.status || (opts.status === 'amended' ? r.amended : r.status === opts.status)) &&
      (!opts.kind || r.kind === opts.kind) &&
      (!opts.year || r.adoptedOn?.startsWith(String(opts.year))) &&
      (!opts.topic || r.topic === opts.topic) &&
      (!opts.scope || r.jurisdiction.relation === opts.scope),
  );
  const sort = opts.sort ?? 'effective';
  // The city's own texts first, then those above it, then other places' (when the site knows its city).
  filtered.sort((a, b) =>
    relationRank(a.jurisdiction.relation) - relationRank(b.jurisdiction.relation) ||
    (sort === 'title' ? a.title.localeCompare(b.title, 'zh-CN') : sort === 'adopted' ? (b.adoptedOn ?? '').localeCompare(a.adoptedOn ?? '') : (b.effectiveOn ?? '').localeCompare(a.effectiveOn ?? '')),
  );
  const pageSize = Math.min(Math.max(opts.pageSize ?? 20, 1), 100);
  const page = Math.max(opts.page ?? 1, 1);
  return { items: filtered.slice((page - 1) * pageSize, page * pageSize), total: filtered.length, page, pageSize, facets };
}

function countScopes(items: RegulationListItem[]): Partial<Record<JurisdictionRelation, number>> {
  const counts: Partial<Record<JurisdictionRelation, number>> = {};
  for (const r of items) if (r.jurisdiction.relation) counts[r.jurisdiction.relation] = (counts[r.jurisdiction.relation] ?? 0) + 1;
  return counts;
}
