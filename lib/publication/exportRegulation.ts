import type { Engine } from '@/db/engine';
import { downloadDocument, type DownloadDocument } from '@/lib/documents';
import { AppError } from '@/lib/errors';
import { exportFormats, parseInput, type ExportFormat } from '@/lib/shared';
import { exportAkn } from './exports/exportAkn';
import type { ExportableVersion } from './exports/exportModel';
import { exportPlainText } from './exports/exportPlainText';
import { exportVersionDocx } from './exports/exportVersionDocx';
import { exportVersionPdf } from './exports/exportVersionPdf';
import { loadExportable } from './loadExportable';
import { exportQuerySchema } from './schemas';

/// The JSON export: the `parse` JSON of the text (as `lawbench parse` prints it) with the
/// regulation, the version, its 公告 and its lifecycle events beside it.
function exportJson(v: ExportableVersion): string {
  return JSON.stringify({ ...v.text, regulation: v.regulation, version: v.version, notice: v.notice, lifecycle: v.events }, null, 2);
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/// One version as a file in `format`: the official layout in PDF, Word with heading styles, plain
/// text, JSON, or Akoma Ntoso 3.0.
export async function renderExport(v: ExportableVersion, format: ExportFormat): Promise<DownloadDocument> {
  const name = `${v.regulation.title}（${v.version.effectiveOn ?? v.version.promulgatedOn ?? v.version.adoptedOn ?? v.version.seq}）`;
  switch (format) {
    case 'pdf':
      return downloadDocument(await exportVersionPdf(v), 'pdf', name);
    case 'docx':
      return downloadDocument(await exportVersionDocx(v), 'docx', name);
    case 'txt':
      return downloadDocument(utf8(exportPlainText(v)), 'txt', name);
    case 'json':
      return downloadDocument(utf8(exportJson(v)), 'json', name);
    case 'akn':
      return { ...downloadDocument(utf8(exportAkn(v)), 'xml', name), filename: `${name}.akn.xml` };
  }
}

/// The export asked for by a query (`format`, optional `at`): an unknown or missing format is a
/// `bad_request` listing the formats; then it is rendered from the version in force on `at`.
export async function exportRegulation(engine: Engine, idOrSlug: string, query: { format?: string; at?: string }): Promise<DownloadDocument> {
  if (!(exportFormats as readonly string[]).includes(query.format ?? '')) throw new AppError('bad_request', 'export_format_invalid', { details: { formats: exportFormats } });
  const { format, at } = parseInput(exportQuerySchema, query);
  return renderExport(await loadExportable(engine, idOrSlug, { at }), format);
}
