import { desc, eq, inArray } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import type { LifecycleEventKind } from '@/lib/shared';

/// One line of the publication log.
export interface PublicationLogEntry {
  /// The order the event was recorded in (1, 2, …).
  seq: number;
  kind: LifecycleEventKind;
  /// The day it happened or takes effect.
  on: string;
  regulationId: string;
  slug: string;
  title: string;
  versionSeq: number | null;
  source: string | null;
  /// When it was recorded.
  at: Date;
}

/// The publication log: every event of the library in the order it was recorded, newest first
/// (legislation.gov.uk's "new legislation" log); optionally only some kinds.
export async function listPublicationLog({ db, t }: Engine, opts: { limit?: number; kinds?: readonly LifecycleEventKind[] } = {}): Promise<PublicationLogEntry[]> {
  const { regulationEvents, regulations, regulationVersions } = t;
  const rows = await db
    .select({
      seq: regulationEvents.id, kind: regulationEvents.kind, on: regulationEvents.on, regulationId: regulationEvents.regulationId, slug: regulations.slug,
      title: regulations.title, versionSeq: regulationVersions.seq, source: regulationEvents.source, at: regulationEvents.createdAt,
    })
    .from(regulationEvents)
    .innerJoin(regulations, eq(regulations.id, regulationEvents.regulationId))
    .leftJoin(regulationVersions, eq(regulationVersions.id, regulationEvents.versionId))
    .where(opts.kinds ? inArray(regulationEvents.kind, [...opts.kinds]) : undefined)
    .orderBy(desc(regulationEvents.id))
    .limit(opts.limit ?? 50);
  return rows;
}
