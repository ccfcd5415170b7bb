import { and, count, eq } from 'drizzle-orm';
import type { Consultation } from '@/db/schema';
import type { Engine } from '@/db/engine';
import type { ParseJson } from '@/lib/legal-text';
import type { ConsultationDetail, ConsultationSummary } from './types';

/// The detail of a consultation whose summary and row are known: its frozen text, read from the
/// version row itself (the public are not members of the bill), and published comments per article.
/// The report summary is shown to the public once the report is published, to staff while they write it.
export async function describeConsultation(engine: Engine, summary: ConsultationSummary, row: Consultation, audience: 'public' | 'staff'): Promise<ConsultationDetail> {
  const { consultationComments, draftVersions } = engine.t;
  const [version] = await engine.db.select({ structure: draftVersions.structure }).from(draftVersions).where(eq(draftVersions.id, row.versionId)).limit(1);
  const articleCounts: Record<string, number> = {};
  let generalCount = 0;
  const counts = await engine.db
    .select({ eid: consultationComments.articleEid, n: count() })
    .from(consultationComments)
    .where(and(eq(consultationComments.consultationId, row.id), eq(consultationComments.status, 'published')))
    .groupBy(consultationComments.articleEid);
  for (const c of counts) {
    if (c.eid === null) generalCount = c.n;
    else articleCounts[c.eid] = c.n;
  }
  return {
    ...summary,
    explanation: row.explanation,
    questions: row.questions,
    shortReason: row.shortReason,
    reportSummary: audience === 'staff' || row.reportPublishedAt ? row.reportSummary : null,
    text: JSON.parse(version!.structure) as ParseJson,
    articleCounts,
    generalCount,
  };
}
