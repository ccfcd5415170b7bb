import { eq, inArray } from 'drizzle-orm';
import { bills, consultations } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { todayInChina } from '@/lib/shared';
import { readConsultations } from './readConsultations';
import type { ConsultationSummary } from './types';

/// The consultations open today on drafts that amend a regulation of the library: the
/// regulation's page points the public to them (本法规正在修改，公开征求意见至…).
export function openConsultationsAmending(regulationId: string, db: Db = getDatabase(), now: Date = new Date()): ConsultationSummary[] {
  const amending = db.select({ id: bills.id }).from(bills).where(eq(bills.regulationId, regulationId));
  return readConsultations(db, inArray(consultations.billId, amending), todayInChina(now))
    .map((r) => r.summary)
    .filter((c) => c.status === 'open');
}
