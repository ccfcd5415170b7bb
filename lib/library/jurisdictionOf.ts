import type { JurisdictionLevel, JurisdictionRelation } from '@/lib/shared/vocabulary';

/// The place this site serves, from `LAWBENCH_CITY` and `LAWBENCH_PROVINCE` (e.g. 杭州市, 浙江省);
/// null when not configured, and then no text is called 本市 or 上位法.
export type HomeJurisdiction = { city: string; province: string | null };

export function homeJurisdiction(env: Record<string, string | undefined> = process.env): HomeJurisdiction | null {
  const city = env.LAWBENCH_CITY?.trim();
  return city ? { city, province: env.LAWBENCH_PROVINCE?.trim() || null } : null;
}

/// A regulation's jurisdiction as the library shows it: level, place, issuing body, and how it
/// stands to the site's own city.
export type Jurisdiction = { level: JurisdictionLevel; region: string | null; body: string | null; relation: JurisdictionRelation | null };

/// How a text of `level` and `region` stands to `home`: the city's own, above it (national, or
/// its province), or another place's.
export function jurisdictionOf(reg: { level: JurisdictionLevel; region: string | null; enactingBody: string | null }, home: HomeJurisdiction | null = homeJurisdiction()): Jurisdiction {
  const relation: JurisdictionRelation | null = !home
    ? null
    : reg.region === home.city
      ? 'own'
      : reg.level === 'national' || (reg.level === 'province' && !!home.province && reg.region === home.province)
        ? 'superior'
        : 'elsewhere';
  return { level: reg.level, region: reg.region, body: reg.enactingBody, relation };
}

/// Order of the relations when the library lists or ranks texts: the city's own first, then
/// what binds it from above, then other places' for reference; unknown last.
export function relationRank(relation: JurisdictionRelation | null): number {
  return relation === 'own' ? 0 : relation === 'superior' ? 1 : relation === 'elsewhere' ? 2 : 3;
}
