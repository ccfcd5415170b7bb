import { createHash } from 'node:crypto';
import { regulationArticles, regulationVersions } from '@/db/schema';
import type { Db } from '@/db/client';
import { articleText, type ParseJson } from '@/lib/legal-text';
import { bumpLibraryGeneration } from './libraryGeneration';
import { recordVersionEvents, type VersionDates } from './regulationEvents';

/// A new version to write: its text and dates (the ids are made here).
export type NewVersion = Omit<VersionDates, 'versionId'> & { text: ParseJson; sourceText: string };

/// Writes one version of a regulation inside the caller's transaction: the version row, one row
/// per article with its eid and text hash, and the version's events (adoption, approval,
/// promulgation, entry into force), counted as a change of the library. Returns the version id. Import and publication both use it.
export function insertRegulationVersion(tx: Pick<Db, 'insert' | 'update'>, v: NewVersion): string {
  const versionId = crypto.randomUUID();
  tx.insert(regulationVersions)
    .values({
      id: versionId,
      regulationId: v.regulationId,
      seq: v.seq,
      change: v.change,
      title: v.text.title,
      adoptedOn: v.adoptedOn,
      approvedOn: v.approvedOn,
      promulgatedOn: v.promulgatedOn,
      effectiveOn: v.effectiveOn,
      infoLines: v.text.info,
      events: v.text.events,
      structure: v.text,
      sourceText: v.sourceText,
    })
    .run();
  v.text.articles.forEach((a, position) => {
    const text = articleText(a);
    tx.insert(regulationArticles)
      .values({
        versionId,
        regulationId: v.regulationId,
        eid: a.eid,
        number: a.number,
        sub: a.sub ?? 0,
        position,
        chapter: a.chapter !== undefined ? String(a.chapter) : null,
        text,
        textHash: createHash('sha256').update(text).digest('hex').slice(0, 32),
      })
      .run();
  });
  recordVersionEvents(tx, { ...v, versionId });
  bumpLibraryGeneration(tx);
  return versionId;
}
