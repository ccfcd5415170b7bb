import { getDatabase, type Db } from '@/db/client';
import { getRegulation } from '@/lib/library';
import type { ExportableVersion } from './exports/exportModel';
import { noticeOfVersion } from './noticeOfVersion';

/// One version of a regulation ready for export: the version in force on `at` (default today; the
/// first version before any was in force), with its 公告 when it was promulgated here and every
/// event of the regulation. `regulation_not_found` / `date_invalid` as `getRegulation`.
export function loadExportable(idOrSlug: string, opts: { at?: string } = {}, db: Db = getDatabase()): ExportableVersion {
  const r = getRegulation(idOrSlug, { at: opts.at }, db);
  const seqOf = new Map(r.versions.map((v) => [v.id, v.seq]));
  const found = noticeOfVersion(r.version.id, db);
  const notice = found && { number: found.number, body: found.body, text: found.text };
  const { id, seq, change, adoptedOn, approvedOn, promulgatedOn, effectiveOn, infoLines } = r.version;
  return {
    regulation: { id: r.regulation.id, slug: r.regulation.slug, title: r.text.title || r.regulation.title, kind: r.regulation.kind, region: r.regulation.region, enactingBody: r.regulation.enactingBody, approvingBody: r.regulation.approvingBody, workNumber: noticeOfVersion(r.versions[0].id, db)?.number ?? null },
    version: { id, seq, change, adoptedOn, approvedOn, promulgatedOn, effectiveOn, infoLines },
    text: r.text,
    notice,
    events: r.events.map((e) => ({ kind: e.kind, on: e.on, body: e.body ?? null, versionSeq: e.versionId ? (seqOf.get(e.versionId) ?? null) : null })),
  };
}
