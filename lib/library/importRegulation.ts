import { and, eq, max } from 'drizzle-orm';
import { lockRow, type Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { insertRegulationVersionOn } from './insertRegulationVersion';
import { appendAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import type { ParseJson } from '@/lib/legal-text';
import { deriveMetadata } from './deriveMetadata';
import { findRegulationOn } from './getRegulation';
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
export async function importRegulation(engine: Engine, json: ParseJson, opts: ImportOptions = {}): Promise<ImportResult> {
  if (json.articles.length === 0) throw new AppError('validation_failed', 'no_articles');
  if (opts.effectiveOn !== undefined && !isIsoDate(opts.effectiveOn)) throw new AppError('validation_failed', 'date_invalid');
  const meta = deriveMetadata(json);
  const effectiveOn = opts.effectiveOn ?? meta.effectiveOn;
  const result = await withTransaction(engine, async (tx) => {
    const { regulations, regulationVersions } = tx.t;
    let regulationId: string;
    let slug: string;
    if (opts.versionOf) {
      const existing = await findRegulationOn(tx, opts.versionOf);
      regulationId = existing.id;
      slug = existing.slug;
      // Two versions imported at once take their numbers one after the other.
      await lockRow(tx, regulations, regulationId);
      await tx.db.update(regulations).set({ title: json.title, updatedAt: new Date() }).where(eq(regulations.id, regulationId));
    } else {
      slug = slugFor(json.title);
      if ((await tx.db.select({ id: regulations.id }).from(regulations).where(eq(regulations.slug, slug))).length > 0) {
        throw new AppError('conflict', 'regulation_exists', { details: { slug } });
      }
      regulationId = crypto.randomUUID();
      await tx.db.insert(regulations).values({
        id: regulationId,
        slug,
        title: json.title,
        kind: opts.kind ?? meta.kind,
        region: opts.region ?? meta.region,
        level: opts.level ?? (opts.region ? levelOfRegion(opts.region) : meta.level),
        topic: opts.topic ?? meta.topic,
        enactingBody: opts.enactingBody ?? meta.enactingBody,
        approvingBody: meta.approvingBody,
      });
    }
    const [latest] = await tx.db.select({ m: max(regulationVersions.seq) }).from(regulationVersions).where(eq(regulationVersions.regulationId, regulationId));
    const seq = (latest?.m ?? 0) + 1;
    if (effectiveOn && (await tx.db.select({ id: regulationVersions.id }).from(regulationVersions).where(and(eq(regulationVersions.regulationId, regulationId), eq(regulationVersions.effectiveOn, effectiveOn)))).length > 0) {
      throw new AppError('conflict', 'version_exists', { details: { effectiveOn } });
    }
    const change = opts.change ?? (seq === 1 && !opts.versionOf ? meta.change : meta.change === 'original' ? 'amendment' : meta.change);
    const versionId = await insertRegulationVersionOn(tx, {
      regulationId, seq, change, text: json, sourceText: opts.sourceText ?? '',
      adoptedOn: meta.adoptedOn, approvedOn: meta.approvedOn, promulgatedOn: meta.promulgatedOn, effectiveOn,
      body: meta.enactingBody, approvingBody: meta.approvingBody,
    });
    await appendAudit(tx, { actorId: opts.actorId ?? null, action: 'regulation.import', targetType: 'regulation', targetId: regulationId, detail: { versionId, seq, title: json.title } });
    return { regulationId, versionId, slug, title: json.title, seq, articles: json.articles.length, effectiveOn };
  });
  await refreshCurrentVersion(engine, result.regulationId);
  return result;
}
