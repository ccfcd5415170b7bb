import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { lockRow, type Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { can } from '@/lib/auth';
import { parseInput } from '@/lib/shared';
import type { CurrentUser } from '@/lib/auth';
import { getBill } from '@/lib/drafting';
import { AppError } from '@/lib/errors';
import { todayInChina } from '@/lib/shared';

const reportSchema = z.object({
  summary: z
    .string({ message: 'report_summary_required' })
    .trim()
    .min(1, { message: 'report_summary_required' })
    .max(5000, { message: 'report_summary_too_long' }),
});

/// Publishes the 征求意见情况通报 of a closed consultation with the staff's summary paragraph, so
/// that the public sees the report and what became of each comment. Editors of the bill only
/// (`report_forbidden`); `consultation_still_open` until the day after it closes (China time).
/// Publishing again replaces the summary and keeps the first publication time. Audited as
/// `consultation.report` in the same transaction. Either engine.
export async function publishReport(
  engine: Engine,
  actor: CurrentUser | null,
  consultationId: string,
  input: { summary: string },
  now: Date = new Date(),
): Promise<{ publishedAt: Date; summary: string }> {
  if (!actor) throw new AppError('unauthenticated', 'unauthenticated');
  const c = engine.t.consultations;
  const [consultation] = await engine.db.select().from(c).where(eq(c.id, consultationId)).limit(1);
  if (!consultation) throw new AppError('not_found', 'consultation_not_found');
  const bill = await getBill(engine, actor, consultation.billId);
  if (!can(actor, 'draft:edit', bill.resource)) throw new AppError('forbidden', 'report_forbidden');
  if (todayInChina(now) <= consultation.closesOn) throw new AppError('conflict', 'consultation_still_open');
  const { summary } = parseInput(reportSchema, input);
  return withTransaction(engine, async (tx) => {
    // Two editors publishing at once on PostgreSQL: the second waits here, then reads the first's
    // publication time and keeps it. (SQLite's transactions already run one at a time.)
    await lockRow(tx, tx.t.consultations, consultationId);
    const [current] = await tx.db.select({ reportPublishedAt: c.reportPublishedAt }).from(c).where(eq(c.id, consultationId)).limit(1);
    const firstPublishedAt = current?.reportPublishedAt ?? null;
    const publishedAt = firstPublishedAt ?? now;
    await tx.db.update(c).set({ reportPublishedAt: publishedAt, reportSummary: summary }).where(eq(c.id, consultationId));
    await appendAudit(
      tx,
      {
        actorId: actor.id,
        action: 'consultation.report',
        targetType: 'consultation',
        targetId: consultationId,
        detail: { republished: firstPublishedAt !== null, summaryLength: summary.length },
      },
      now,
    );
    return { publishedAt, summary };
  });
}
