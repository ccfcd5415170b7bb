import type { Engine } from '@/db/engine';
import { jurisdictionOf, type HomeJurisdiction } from './jurisdictionOf';

/// The regulations a library search ranks in two tiers: first the city's own and its 上位法
/// (`near`), then other places' and those of unknown standing (`far`), each restricted to
/// `among` when given. Null when there is nothing to tier: no home city set, or one tier empty.
export async function homeFirstTiers({ db, t }: Engine, home: HomeJurisdiction | null, among?: string[]): Promise<{ near: string[]; far: string[] } | null> {
  if (!home) return null;
  const allowed = among ? new Set(among) : null;
  const near: string[] = [];
  const far: string[] = [];
  const { regulations } = t;
  const rows = await db.select({ id: regulations.id, level: regulations.level, region: regulations.region, enactingBody: regulations.enactingBody }).from(regulations);
  for (const r of rows) {
    if (allowed && !allowed.has(r.id)) continue;
    const relation = jurisdictionOf(r, home).relation;
    (relation === 'own' || relation === 'superior' ? near : far).push(r.id);
  }
  return near.length > 0 && far.length > 0 ? { near, far } : null;
}
