import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { applySearchIndexChangeOn, indexedVersionsOf } from '@/lib/search';
import { todayInChina } from '@/lib/shared';
import { versionInForce } from './versionInForce';
import { datedVersions } from './lifecycle';
import { readRegulationEventsOn } from './regulationEvents';

/// Moves the search index onto the version of a regulation in force today (or its first version
/// when none is in force yet), taking any other version out. Returns the current version's id.
export async function refreshCurrentVersion(engine: Engine, regulationId: string, today: string = todayInChina()): Promise<string | null> {
  const { regulationVersions } = engine.t;
  const rows = await engine.db
    .select({ id: regulationVersions.id, seq: regulationVersions.seq, effectiveOn: regulationVersions.effectiveOn })
    .from(regulationVersions)
    .where(eq(regulationVersions.regulationId, regulationId));
  const versions = datedVersions(rows, await readRegulationEventsOn(engine, regulationId));
  if (versions.length === 0) return null;
  const current = versionInForce(versions, today) ?? [...versions].sort((a, b) => a.seq - b.seq)[0];
  const indexed = await indexedVersionsOf(engine, regulationId);
  for (const old of indexed.filter((id) => id !== current.id)) await applySearchIndexChangeOn(engine, { unindex: old });
  if (!indexed.includes(current.id)) await applySearchIndexChangeOn(engine, { index: current.id });
  return current.id;
}
