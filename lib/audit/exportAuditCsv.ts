import type { Engine } from '@/db/engine';
import { translate, type Locale, type MessageKey } from '@/lib/i18n';
import { listAuditEvents, type AuditEventRow, type AuditFilter } from './listAuditEvents';

/// A cell that a spreadsheet would run as a formula (or a DDE command) when it starts with one
/// of these; the apostrophe makes Excel and LibreOffice show it as text.
const formulaStart = /^[=+\-@\t\r]/;

function csvCell(value: string): string {
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// China keeps UTC+8 all year.
const chinaOffsetMs = 8 * 3_600_000;

const columns: { heading: MessageKey; cell: (e: AuditEventRow) => string }[] = [
  { heading: 'audit.col.seq', cell: (e) => String(e.id) },
  { heading: 'audit.col.time', cell: (e) => `${new Date(e.at.getTime() + chinaOffsetMs).toISOString().slice(0, 23)}+08:00` },
  { heading: 'audit.col.actorName', cell: (e) => e.actorName ?? '' },
  { heading: 'audit.col.actorEmail', cell: (e) => e.actorEmail ?? '' },
  { heading: 'audit.col.action', cell: (e) => e.action },
  { heading: 'audit.col.targetType', cell: (e) => e.targetType },
  { heading: 'audit.col.targetId', cell: (e) => e.targetId },
  { heading: 'audit.col.detail', cell: (e) => e.detailText ?? '' },
  { heading: 'audit.col.prevHash', cell: (e) => e.prevHash ?? '' },
  { heading: 'audit.col.hash', cell: (e) => e.hash ?? '' },
];

/// Rows fetched per step: each step is one short query, so a long export never holds a
/// connection (or SQLite's reader) while the bytes travel.
const batch = 2000;

/// The audit entries matching `filter`, newest first, as CSV text in pieces (a byte-order mark
/// so that Excel reads the Chinese as UTF-8, a header row in `locale`, CRLF between records,
/// RFC 4180 quoting): a route streams them, so a log of millions of entries is never held in
/// memory whole. Times are ISO 8601 in China time to the millisecond, details the stored JSON
/// text and hashes included, so that every record of a copy can be re-hashed and checked. Cells starting with = + - @ get a leading apostrophe so that none runs as a formula.
/// Either engine.
export async function* exportAuditCsv(engine: Engine, filter: AuditFilter, locale: Locale): AsyncGenerator<string> {
  yield `\uFEFF${columns.map((c) => csvCell(translate(locale, c.heading))).join(',')}\r\n`;
  let beforeSeq: number | undefined;
  for (;;) {
    const rows = await listAuditEvents(engine, { ...filter, beforeSeq, limit: batch });
    if (rows.length === 0) return;
    yield rows.map((row) => `${columns.map((c) => csvCell(c.cell(row))).join(',')}\r\n`).join('');
    if (rows.length < batch) return;
    beforeSeq = rows[rows.length - 1].id;
  }
}
