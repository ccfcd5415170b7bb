import type { Locale } from '@/lib/i18n';
import { commentExportColumns, type CommentExportRow } from './listCommentsForExport';

/// A cell that a spreadsheet would run as a formula (or a DDE command) when it starts with one
/// of these; the apostrophe makes Excel and LibreOffice show it as text.
const formulaStart = /^[=+\-@\t\r]/;

function csvCell(value: string): string {
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/// The comment export as CSV text: a byte-order mark (so Excel reads the Chinese as UTF-8), a
/// header row in `locale`, one record per comment, CRLF between records and RFC 4180 quoting.
/// Cells starting with = + - @ get a leading apostrophe so that no comment runs as a formula.
export function exportCommentsCsv(rows: CommentExportRow[], locale: Locale): string {
  const header = commentExportColumns.map((c) => csvCell(c.heading(locale))).join(',');
  const records = rows.map((row) => commentExportColumns.map((c) => csvCell(c.cell(row, locale))).join(','));
  return `\uFEFF${[header, ...records].join('\r\n')}\r\n`;
}
