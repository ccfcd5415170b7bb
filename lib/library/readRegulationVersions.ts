import { AppError } from '@/lib/errors';
import type { Regulation } from '@/db/schema';
import type { Engine } from '@/db/engine';
import type { ParseJson } from '@/lib/legal-text';
import { findRegulationOn, selectVersionsOf, versionSummary, type VersionSummary } from './getRegulation';

/// A published version with its whole text, for comparing versions with each other.
export type VersionWithText = VersionSummary & { text: ParseJson };

/// A regulation (by id or slug) and every published version of it with its text, oldest (seq 1)
/// first; `regulation_not_found` when there is no such regulation or it has no version yet.
/// Either engine.
export async function readRegulationVersions(engine: Engine, idOrSlug: string): Promise<{ regulation: Regulation; versions: VersionWithText[] }> {
  const regulation = await findRegulationOn(engine, idOrSlug);
  const rows = await selectVersionsOf(engine.db, engine.t, regulation.id);
  if (rows.length === 0) throw new AppError('not_found', 'regulation_not_found');
  const versions = rows.map((v) => ({ ...versionSummary(v), text: v.structure as ParseJson }));
  return { regulation, versions };
}
