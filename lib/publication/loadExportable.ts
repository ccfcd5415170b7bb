import type { Engine } from '@/db/engine';
import { readRegulation } from '@/lib/library';
import type { ExportableVersion } from './exports/exportModel';
import { noticeOfVersion } from './noticeOfVersion';

/// One version of a regulation ready for export: the version in force on `at` (default today; the
/// first version before any was in force), with its 公告 when it was promulgated here and every
/// event of the regulation. `regulation_not_found` / `date_invalid` as `readRegulation`.
export async function loadExportable(engine: Engine, idOrSlug: string, opts: { at?: string } = {}): Promise<ExportableVersion> {
  const r = await readRegulation(engine, idOrSlug, { at: opts.at });
  const seqOf = new Map(r.versions.map((v) => [v.id, v.seq]));
  const found = await noticeOfVersion(engine, r.version.id);
  const first = r.versions[0].id === r.version.id ? found : await noticeOfVersion(engine, r.versions[0].id);
  const notice = found && { number: found.number, body: found.body, text: found.text };
  const { id, seq, change, adoptedOn, approvedOn, promulgatedOn, effectiveOn, infoLines } = r.version;
  return {
    regulation: { id: r.regulation.id, slug: r.regulation.slug, title: r.text.title || r.regulation.title, kind: r.regulation.kind, region: r.regulation.region, enactingBody: r.regulation.enactingBody, approvingBody: r.regulation.approvingBody, workNumber: first?.number ?? null },
    version: { id, seq, change, adoptedOn, approvedOn, promulgatedOn, effectiveOn, infoLines },
    text: r.text,
    notice,
    events: r.events.map((e) => ({ kind: e.kind, on: e.on, body: e.body ?? null, versionSeq: e.versionId ? (seqOf.get(e.versionId) ?? null) : null })),
  };
}
