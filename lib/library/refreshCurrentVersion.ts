import { eq } from 'drizzle-orm';
import { regulations, regulationVersions } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { todayInChina } from './dates';
import { applySearchIndexChange } from '@/lib/search/applySearchIndexChange';
import { versionInForce } from './versionInForce';

/// Points the regulation at the version in force today (or its first version when none is in
/// force yet) and moves the search index onto it. Returns the current version's id.
export function refreshCurrentVersion(regulationId: string, db: Db = getDatabase(), today: string = todayInChina()): string | null {
  const versions = db.select({ id: regulationVersions.id, seq: regulationVersions.seq, effectiveOn: regulationVersions.effectiveOn }).from(regulationVersions).where(eq(regulationVersions.regulationId, regulationId)).all();
  const reg = db.select({ currentVersionId: regulations.currentVersionId }).from(regulations).where(eq(regulations.id, regulationId)).get();
  if (!reg || versions.length === 0) return null;
  const current = versionInForce(versions, today) ?? [...versions].sort((a, b) => a.seq - b.seq)[0];
  if (reg.currentVersionId !== current.id) {
    db.update(regulations).set({ currentVersionId: current.id }).where(eq(regulations.id, regulationId)).run();
    applySearchIndexChange(db, { index: current.id, unindex: reg.currentVersionId ?? undefined });
  }
  return current.id;
}
