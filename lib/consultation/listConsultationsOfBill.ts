import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import type { CurrentUser } from '@/lib/auth';
import { getBill } from '@/lib/drafting';
import { todayInChina } from '@/lib/shared';
import { readConsultations } from './readConsultations';
import type { ConsultationSummary } from './types';

/// Every consultation of a bill, upcoming ones included, newest first: for the members of the
/// bill (and admins); `bill_not_found` for everyone else.
export async function listConsultationsOfBill(engine: Engine, actor: CurrentUser | null, billId: string, now: Date = new Date()): Promise<ConsultationSummary[]> {
  await getBill(engine, actor, billId);
  return (await readConsultations(engine, eq(engine.t.consultations.billId, billId), todayInChina(now))).map((r) => r.summary);
}
