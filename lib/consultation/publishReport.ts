import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { consultations } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { can } from '@/lib/auth';
import { parseInput } from '@/lib/shared';
import type { CurrentUser } from '@/lib/auth';
import { getBill } from '@/lib/drafting';
import { AppError } from '@/lib/errors';
import { todayInChina } from '@/lib/shared';
import { sqliteEngine } from '@/db/engine';

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
/// `consultation.report` in the same transaction.
export async function publishReport(
  actor: CurrentUser | null,
  consultationId: string,
  input: { summary: string },
  db: Db = getDatabase(),
  now: Date = new Date(),
): Promise<{ publishedAt: Date; summary: string }> {
  if (!actor) throw new AppError('unauthenticated', 'unauthenticated');
  const consultation = db.select().from(consultations).where(eq(consultations.id, consultationId)).get();
  if (!consultation) throw new AppError('not_found', 'consultation_not_found');
  const bill = await getBill(sqliteEngine(db), actor, consultation.billId);
  if (!can(actor, 'draft:edit', bill.resource)) throw new AppError('forbidden', 'report_forbidden');
  if (todayInChina(now) <= consultation.closesOn) throw new AppError('conflict', 'consultation_still_open');
  const { summary } = parseInput(reportSchema, input);
  const publishedAt = consultation.reportPublishedAt ?? now;
  db.transaction((tx) => {
    tx.update(consultations).set({ reportPublishedAt: publishedAt, reportSummary: summary }).where(eq(consultations.id, consultationId)).run();
    recordAudit(
      tx,
      {
        actorId: actor.id,
        action: 'consultation.report',
        targetType: 'consultation',
        targetId: consultationId,
        detail: { republished: consultation.reportPublishedAt !== null, summaryLength: summary.length },
      },
      now,
    );
  });
  return { publishedAt, summary };
}
