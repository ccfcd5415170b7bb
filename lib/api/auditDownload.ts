import type { z } from 'zod';
import type { Engine } from '@/db/engine';
import { exportAuditCsv, type AuditFilter } from '@/lib/audit';
import { can, type CurrentUser } from '@/lib/auth';
import { getBill } from '@/lib/drafting';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n';
import { todayInChina } from '@/lib/shared';
import type { auditExportQuery } from './auditOperations';
import { textStream } from './textStream';

/// The CSV download of `GET /api/v1/audit/export`, authorised: with `bill`, that bill's entries
/// for its members and admins (`not_found` to anyone who may not see the bill); otherwise the
/// whole log, for admins only. The body streams, however long the log. (It lives here rather
/// than in lib/audit because the audit log is written by auth and drafting, so it cannot ask
/// them who may read it without an import cycle.)
export async function auditDownload(
  engine: Engine,
  actor: CurrentUser,
  query: z.output<typeof auditExportQuery>,
  locale: Locale,
): Promise<{ body: ReadableStream<Uint8Array>; contentType: string; filename: string }> {
  const filter: AuditFilter = { actorEmail: query.actor, action: query.action, from: query.from, to: query.to };
  let name = `审计记录-${todayInChina()}`;
  if (query.bill) {
    const bill = await getBill(engine, actor, query.bill);
    if (!can(actor, 'bill:audit', bill.resource)) throw new AppError('forbidden', 'forbidden');
    filter.billId = bill.id;
    name = `${bill.title}-审计记录-${todayInChina()}`;
  } else if (!can(actor, 'audit:view')) throw new AppError('forbidden', 'forbidden');
  return { body: textStream(exportAuditCsv(engine, filter, locale)), contentType: 'text/csv; charset=utf-8', filename: `${name}.csv` };
}
