import { eq } from 'drizzle-orm';
import { promulgations } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { downloadDocument, type DownloadDocument } from '@/lib/documents';
import { AppError } from '@/lib/errors';
import { renderDecisionText, type TextComparison } from '@/lib/legal-text';
import { getRegulation } from '@/lib/library';
import { exportComparisonDocx, exportComparisonPdf, exportDecisionDocx } from '@/lib/versioning';

/// The documents a published amendment carries beside its text.
export const amendmentDocuments = { decision: ['txt', 'docx'], comparison: ['docx', 'pdf'] } as const;

/// The 修改决定 (text or Word) or the 修改对照表 (Word or PDF) of the version in force on `at`
/// (default today), as published with it; `not_found` when that version was not published here
/// as an amendment, `bad_request` for another document or format.
export async function amendmentDocument(idOrSlug: string, query: { document?: string; format?: string; at?: string }, db: Db = getDatabase()): Promise<DownloadDocument> {
  const formats = (amendmentDocuments as Record<string, readonly string[]>)[query.document ?? ''];
  if (!formats || !formats.includes(query.format ?? '')) throw new AppError('bad_request', 'amendment_document_invalid', { details: { documents: amendmentDocuments } });
  const r = getRegulation(idOrSlug, { at: query.at }, db);
  const p = db.select({ decision: promulgations.decision, comparison: promulgations.comparison }).from(promulgations).where(eq(promulgations.versionId, r.version.id)).get();
  if (!p?.decision || !p.comparison) throw new AppError('not_found', 'no_amendment_documents');
  const decision = { ...p.decision, closing: p.decision.closing || undefined };
  if (query.document === 'decision') {
    const body = query.format === 'docx' ? await exportDecisionDocx(decision) : new TextEncoder().encode(renderDecisionText(decision));
    return downloadDocument(body, query.format as 'txt' | 'docx', decision.title);
  }
  const options = { title: `《${r.regulation.title}》修改前后对照表`, beforeHeading: '修改前', afterHeading: '修改后' };
  const comparison = p.comparison as TextComparison;
  const body = query.format === 'pdf' ? await exportComparisonPdf(comparison, options) : await exportComparisonDocx(comparison, options);
  return downloadDocument(body, query.format as 'docx' | 'pdf', `${r.regulation.title}-修改对照表`);
}
