import { and, eq, max } from 'drizzle-orm';
import { regulations, regulationVersions } from '@/db/schema';
import { insertRegulationVersion } from './insertRegulationVersion';
import { getDatabase, type Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import type { ParseJson } from '@/lib/legal-text';
import { deriveMetadata } from './deriveMetadata';
import { isIsoDate } from '@/lib/shared';
import { refreshCurrentVersion } from './refreshCurrentVersion';
import { slugFor } from './slugFor';
import { levelOfRegion } from './deriveJurisdiction';
import { type JurisdictionLevel, type RegulationKind, type VersionChange } from '@/lib/shared/vocabulary';

/// Choices an importer can make beyond what the text says.
export type ImportOptions = {
  /// Import as a later version of this regulation (id or slug) instead of a new regulation.
  versionOf?: string;
  /// The date this version takes effect (`YYYY-MM-DD`), overriding what the header says.
  effectiveOn?: string;
  kind?: RegulationKind;
  /// How this version came about, overriding what the header says (a consolidated 修改决定 is a 修正).
  change?: VersionChange;
  topic?: string;
  /// The jurisdiction, overriding what the title and header lines suggest.
  level?: JurisdictionLevel;
  region?: string;
  enactingBody?: string;
  actorId?: string | null;
  sourceText?: string;
};

/// Result of an import: where the text went.
export type ImportResult = { regulationId: string; versionId: string; slug: string; title: string; seq: number; articles: number; effectiveOn: string | null };

/// Puts a parsed text into the published library: a new `Regulation` with its first version, or
/// (with `versionOf`) a new `RegulationVersion` of an existing one. Articles are stored one row
/// each with their eids; the write is audited in the same transaction and the search index then
/// follows the version in force today.
export function importRegulation(json: ParseJson, opts: ImportOptions = {}, db: Db = getDatabase()): ImportResult {
  if (json.articles.length === 0) throw new AppError('validation_failed', 'no_articles');
  if (opts.effectiveOn !== undefined && !isIsoDate(opts.effectiveOn)) throw new AppError('validation_failed', 'date_invalid');
  const meta = deriveMetadata(json);
  const effectiveOn = opts.effectiveOn ?? meta.effectiveOn;
  const result = db.transaction((tx) => {
    let regulationId: string;
    let slug: string;
    if (opts.versionOf) {
      const existing = tx
        .select()
        .from(regulations)
        .where(eq(regulations.id, opts.versionOf))
        .get() ?? tx.select().from(regulations).where(eq(regulations.slug, opts.versionOf)).get();
      if (!existing) throw new AppError('not_found', 'regulation_not_found');
      regulationId = existing.id;
      slug = existing.slug;
      tx.update(regulations).set({ title: json.title, updatedAt: new Date() }).where(eq(regulations.id, regulationId)).run();
    } else {
      slug = slugFor(json.title);
      if (tx.select({ id: regulations.id }).from(regulations).where(eq(regulations.slug, slug)).get()) {
        throw new AppError('conflict', 'regulation_exists', { details: { slug } });
      }
      regulationId = crypto.randomUUID();
      tx.insert(regulations)
        .values({
          id: regulationId,
          slug,
          title: json.title,
          kind: opts.kind ?? meta.kind,
          region: opts.region ?? meta.region,
          level: opts.level ?? (opts.region ? levelOfRegion(opts.region) : meta.level),
          topic: opts.topic ?? meta.topic,
          enactingBody: opts.enactingBody ?? meta.enactingBody,
          approvingBody: meta.approvingBody,
        })
        .run();
    }
    const seq = (tx.select({ m: max(regulationVersions.seq) }).from(regulationVersions).where(eq(regulationVersions.regulationId, regulationId)).get()?.m ?? 0) + 1;
    if (effectiveOn && tx.select({ id: regulationVersions.id }).from(regulationVersions).where(and(eq(regulationVersions.regulationId, regulationId), eq(regulationVersions.effectiveOn, effectiveOn))).get()) {
      throw new AppError('conflict', 'version_exists', { details: { effectiveOn } });
    }
    const change = opts.change ?? (seq === 1 && !opts.versionOf ? meta.change : meta.change === 'original' ? 'amendment' : meta.change);
    const versionId = insertRegulationVersion(tx, {
      regulationId, seq, change, text: json, sourceText: opts.sourceText ?? '',
      adoptedOn: meta.adoptedOn, approvedOn: meta.approvedOn, promulgatedOn: meta.promulgatedOn, effectiveOn,
      body: meta.enactingBody, approvingBody: meta.approvingBody,
    });
    recordAudit(tx, { actorId: opts.actorId ?? null, action: 'regulation.import', targetType: 'regulation', targetId: regulationId, detail: { versionId, seq, title: json.title } });
    return { regulationId, versionId, slug, title: json.title, seq, articles: json.articles.length, effectiveOn };
  });
  refreshCurrentVersion(result.regulationId, db);
  return result;
}
