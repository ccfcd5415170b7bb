import { eq } from 'drizzle-orm';
import { regulationVersions } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { applySearchIndexChange } from '@/lib/search';
import { indexedVersionsOf } from '@/lib/search';
import { todayInChina } from '@/lib/shared';
import { versionInForce } from './versionInForce';
import { datedVersions } from './lifecycle';
import { readRegulationEvents } from './regulationEvents';

/// Moves the search index onto the version of a regulation in force today (or its first version
/// when none is in force yet), taking any other version out. Returns the current version's id.
export function refreshCurrentVersion(regulationId: string, db: Db = getDatabase(), today: string = todayInChina()): string | null {
  const versions = datedVersions(db.select({ id: regulationVersions.id, seq: regulationVersions.seq, effectiveOn: regulationVersions.effectiveOn }).from(regulationVersions).where(eq(regulationVersions.regulationId, regulationId)).all(), readRegulationEvents(db, regulationId));
  if (versions.length === 0) return null;
  const current = versionInForce(versions, today) ?? [...versions].sort((a, b) => a.seq - b.seq)[0];
  const indexed = indexedVersionsOf(db, regulationId);
  for (const old of indexed.filter((id) => id !== current.id)) applySearchIndexChange(db, { unindex: old });
  if (!indexed.includes(current.id)) applySearchIndexChange(db, { index: current.id });
  return current.id;
}
