import { asc, eq } from 'drizzle-orm';
import { regulationVersions, type Regulation } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import type { ParseJson } from '@/lib/legal-text';
import { findRegulation, versionSummary, type VersionSummary } from './getRegulation';

/// A published version with its whole text, for comparing versions with each other.
export type VersionWithText = VersionSummary & { text: ParseJson };

/// A regulation (by id or slug) and every published version of it with its text, oldest (seq 1)
/// first; `regulation_not_found` when there is no such regulation or it has no version yet.
export function readRegulationVersions(idOrSlug: string, db: Db = getDatabase()): { regulation: Regulation; versions: VersionWithText[] } {
  const regulation = findRegulation(idOrSlug, db);
  const rows = db.select().from(regulationVersions).where(eq(regulationVersions.regulationId, regulation.id)).orderBy(asc(regulationVersions.seq)).all();
  if (rows.length === 0) throw new AppError('not_found', 'regulation_not_found');
  const versions = rows.map((v) => ({ ...versionSummary(v), text: v.structure as ParseJson }));
  return { regulation, versions };
}
