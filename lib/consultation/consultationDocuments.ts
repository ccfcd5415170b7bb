import type { Engine } from '@/db/engine';
import type { CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n';
import { downloadDocument, type DownloadDocument } from '@/lib/documents';
import { authorizeConsultationStaff } from './authorizeConsultationStaff';
import { exportCommentsCsv } from './exportCommentsCsv';
import { exportCommentsXlsx } from './exportCommentsXlsx';
import { exportReportDocx } from './exportReportDocx';
import { exportReportPdf } from './exportReportPdf';
import { getConsultationReport, type ConsultationReport } from './getConsultationReport';
import { listCommentsForExport } from './listCommentsForExport';
import { storedReportFile } from './storedReportFile';

/// Every comment of a consultation with its moderation and disposition, as CSV or XLSX, for the
/// members of its bill.
export async function commentsExport(engine: Engine, actor: CurrentUser | null, consultationId: string, format: 'csv' | 'xlsx', locale: Locale): Promise<DownloadDocument> {
  const { consultation } = await authorizeConsultationStaff(engine, actor, consultationId, 'bill:view', 'consultation_not_found');
  const rows = await listCommentsForExport(engine, consultationId);
  const name = `${consultation.title}-意见`;
  if (format === 'csv') return downloadDocument(new TextEncoder().encode(exportCommentsCsv(rows, locale)), 'csv', name);
  return downloadDocument(await exportCommentsXlsx(rows, locale), 'xlsx', name);
}

/// The 征求意见情况通报 as the public may read it: only once it is published.
export async function publicReport(engine: Engine, consultationId: string): Promise<ConsultationReport> {
  const report = await getConsultationReport(engine, consultationId);
  if (!report.published) throw new AppError('not_found', 'report_not_published');
  return report;
}

const reportName = (report: ConsultationReport) => `${report.title}-征求意见情况通报`;

/// The report as a Word or PDF file, built afresh (for a filing package, built once anyway).
export async function reportDocument(report: ConsultationReport, format: 'docx' | 'pdf'): Promise<DownloadDocument> {
  return downloadDocument(format === 'docx' ? await exportReportDocx(report) : await exportReportPdf(report), format, reportName(report));
}

/// The published report as a Word or PDF file for anyone to download: built once per content
/// of the report and read back from the database after that (`storedReportFile`).
export async function publicReportDocument(engine: Engine, report: ConsultationReport, format: 'docx' | 'pdf'): Promise<DownloadDocument> {
  return downloadDocument(await storedReportFile(engine, report, format), format, reportName(report));
}
