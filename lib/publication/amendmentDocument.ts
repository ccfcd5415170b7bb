import { eq } from 'drizzle-orm';
import type { Promulgation } from '@/db/schema';
import type { Engine } from '@/db/engine';
import { downloadDocument, type DownloadDocument } from '@/lib/documents';
import { AppError } from '@/lib/errors';
import { renderDecisionText, type TextComparison } from '@/lib/legal-text';
import { readRegulation } from '@/lib/library';
import { exportComparisonDocx, exportComparisonPdf, exportDecisionDocx } from '@/lib/versioning';

/// The documents a published amendment carries beside its text.
export const amendmentDocuments = { decision: ['txt', 'docx'], comparison: ['docx', 'pdf'] } as const;

/// The stored 修改决定 and 修改对照表 of a publication.
type StoredAmendment = Pick<Promulgation, 'decision' | 'comparison'>;

/// One document of a published amendment as bytes: the 修改决定 as text or Word, or the 修改对照表
/// (headed 《title》修改前后对照表) as Word or PDF. Shared by the library's download and the filing package.
export async function amendmentFile(stored: StoredAmendment, title: string, document: 'decision' | 'comparison', format: string): Promise<Uint8Array> {
  if (document === 'decision') {
    const decision = { ...stored.decision!, closing: stored.decision!.closing || undefined };
    return format === 'docx' ? exportDecisionDocx(decision) : new TextEncoder().encode(renderDecisionText(decision));
  }
  const options = { title: `《${title}》修改前后对照表`, beforeHeading: '修改前', afterHeading: '修改后' };
  const comparison = stored.comparison as TextComparison;
  return format === 'pdf' ? exportComparisonPdf(comparison, options) : exportComparisonDocx(comparison, options);
}

/// The 修改决定 (text or Word) or the 修改对照表 (Word or PDF) of the version in force on `at`
/// (default today), as published with it; `not_found` when that version was not published here
/// as an amendment, `bad_request` for another document or format.
export async function amendmentDocument(engine: Engine, idOrSlug: string, query: { document?: string; format?: string; at?: string }): Promise<DownloadDocument> {
  const formats = (amendmentDocuments as Record<string, readonly string[]>)[query.document ?? ''];
  if (!formats || !formats.includes(query.format ?? '')) throw new AppError('bad_request', 'amendment_document_invalid', { details: { documents: amendmentDocuments } });
  const r = await readRegulation(engine, idOrSlug, { at: query.at });
  const { promulgations } = engine.t;
  const [p] = await engine.db.select({ decision: promulgations.decision, comparison: promulgations.comparison }).from(promulgations).where(eq(promulgations.versionId, r.version.id)).limit(1);
  if (!p?.decision || !p.comparison) throw new AppError('not_found', 'no_amendment_documents');
  const document = query.document as 'decision' | 'comparison';
  const body = await amendmentFile(p, r.regulation.title, document, query.format!);
  const name = document === 'decision' ? p.decision.title : `${r.regulation.title}-修改对照表`;
  return downloadDocument(body, query.format as 'txt' | 'docx' | 'pdf', name);
}
