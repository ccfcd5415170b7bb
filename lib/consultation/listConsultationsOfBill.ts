import { eq } from 'drizzle-orm';
import { consultations } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import type { CurrentUser } from '@/lib/auth';
import { getBill } from '@/lib/drafting';
import { todayInChina } from '@/lib/shared';
import { readConsultations } from './readConsultations';
import type { ConsultationSummary } from './types';
import { sqliteEngine } from '@/db/engine';

/// Every consultation of a bill, upcoming ones included, newest first: for the members of the
/// bill (and admins); `bill_not_found` for everyone else.
export async function listConsultationsOfBill(actor: CurrentUser | null, billId: string, db: Db = getDatabase(), now: Date = new Date()): Promise<ConsultationSummary[]> {
  await getBill(sqliteEngine(db), actor, billId);
  return readConsultations(db, eq(consultations.billId, billId), todayInChina(now)).map((r) => r.summary);
}
