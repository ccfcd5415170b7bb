import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { consultationComments, consultations, draftVersions, type Consultation } from '@/db/schema';
import type { Db } from '@/db/client';
import { consultationStatus } from './consultationStatus';
import type { ConsultationSummary } from './types';

/// Consultations matching `where`, newest opening date first, each with its list summary (status
/// on `today`, published comment count from one grouped query) and its row.
export function readConsultations(db: Db, where: SQL | undefined, today: string): { summary: ConsultationSummary; row: Consultation }[] {
  const rows = db
    .select({ c: consultations, versionName: draftVersions.name })
    .from(consultations)
    .innerJoin(draftVersions, eq(draftVersions.id, consultations.versionId))
    .where(where)
    .orderBy(desc(consultations.opensOn), desc(consultations.createdAt))
    .all();
  if (rows.length === 0) return [];
  const counts = new Map(
    db
      .select({ id: consultationComments.consultationId, n: count() })
      .from(consultationComments)
      .where(and(inArray(consultationComments.consultationId, rows.map((r) => r.c.id)), eq(consultationComments.status, 'published')))
      .groupBy(consultationComments.consultationId)
      .all()
      .map((r) => [r.id, r.n]),
  );
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
