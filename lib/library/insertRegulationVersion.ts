import { createHash } from 'node:crypto';
import type { NewRegulationArticle, NewRegulationVersion } from '@/db/schema';
import type { Engine } from '@/db/engine';
import { articleText, type ParseJson } from '@/lib/legal-text';
import { bumpLibraryGenerationOn } from './libraryGeneration';
import { versionEventRows, type VersionDates } from './regulationEvents';

/// A new version to write: its text and dates (the ids are made here).
export type NewVersion = Omit<VersionDates, 'versionId'> & { text: ParseJson; sourceText: string };

/// The rows of a new version: the version itself and one row per article with its eid and text hash.
function regulationVersionRows(v: NewVersion, versionId: string): { version: NewRegulationVersion; articles: NewRegulationArticle[] } {
  return {
    version: {
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
    },
    articles: v.text.articles.map((a, position) => {
      const text = articleText(a);
      return {
        versionId,
        regulationId: v.regulationId,
        eid: a.eid,
        number: a.number,
        sub: a.sub ?? 0,
        position,
        chapter: a.chapter !== undefined ? String(a.chapter) : null,
        text,
        textHash: createHash('sha256').update(text).digest('hex').slice(0, 32),
      };
    }),
  };
}

/// Writes one version of a regulation inside the caller's transaction (`tx` of withTransaction,
/// either engine): the version row, one row per article with its eid and text hash, and the
/// version's events (adoption, approval, promulgation, entry into force), counted as a change of
/// the library. Import and publication both use it; the caller then moves the search index
/// (refreshCurrentVersion). Returns the version id.
export async function insertRegulationVersionOn(tx: Engine, v: NewVersion): Promise<string> {
  const versionId = crypto.randomUUID();
  const rows = regulationVersionRows(v, versionId);
  await tx.db.insert(tx.t.regulationVersions).values(rows.version);
  // A few hundred articles per statement: one round trip each on PostgreSQL, and well inside
  // SQLite's limit on bound values.
  for (let i = 0; i < rows.articles.length; i += ARTICLES_PER_INSERT) await tx.db.insert(tx.t.regulationArticles).values(rows.articles.slice(i, i + ARTICLES_PER_INSERT));
  for (const event of versionEventRows({ ...v, versionId })) await tx.db.insert(tx.t.regulationEvents).values(event);
  await bumpLibraryGenerationOn(tx);
  return versionId;
}

const ARTICLES_PER_INSERT = 500;
