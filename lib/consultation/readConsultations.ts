import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Consultation } from '@/db/schema';
import type { Engine } from '@/db/engine';
import { consultationStatus } from './consultationStatus';
import type { ConsultationSummary } from './types';

/// Consultations matching `where` (built on the tables of `engine.t`), newest opening date first,
/// each with its list summary (status on `today`, published comment count from one grouped query)
/// and its row.
export async function readConsultations(engine: Engine, where: SQL | undefined, today: string): Promise<{ summary: ConsultationSummary; row: Consultation }[]> {
  const { consultations, consultationComments, draftVersions } = engine.t;
  const rows = await engine.db
    .select({ c: consultations, versionName: draftVersions.name })
    .from(consultations)
    .innerJoin(draftVersions, eq(draftVersions.id, consultations.versionId))
    .where(where)
    .orderBy(desc(consultations.opensOn), desc(consultations.createdAt));
  if (rows.length === 0) return [];
  const published = await engine.db
    .select({ id: consultationComments.consultationId, n: count() })
    .from(consultationComments)
    .where(and(inArray(consultationComments.consultationId, rows.map((r) => r.c.id)), eq(consultationComments.status, 'published')))
    .groupBy(consultationComments.consultationId);
  const counts = new Map(published.map((r) => [r.id, r.n]));
  return rows.map(({ c, versionName }) => ({
    row: c,
    summary: {
      id: c.id,
      billId: c.billId,
      draftId: c.draftId,
      versionId: c.versionId,
      versionName,
      title: c.title,
      description: c.description,
      opensOn: c.opensOn,
      closesOn: c.closesOn,
      status: consultationStatus(c, today),
      moderation: c.moderation,
      commentCount: counts.get(c.id) ?? 0,
      reportPublished: c.reportPublishedAt !== null,
    },
  }));
}
