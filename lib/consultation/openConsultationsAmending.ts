import { eq, inArray } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { todayInChina } from '@/lib/shared';
import { readConsultations } from './readConsultations';
import type { ConsultationSummary } from './types';

/// The consultations open today on drafts that amend a regulation of the library: the
/// regulation's page points the public to them (本法规正在修改，公开征求意见至…).
export async function openConsultationsAmending(engine: Engine, regulationId: string, now: Date = new Date()): Promise<ConsultationSummary[]> {
  const { bills, consultations } = engine.t;
  const amending = engine.db.select({ id: bills.id }).from(bills).where(eq(bills.regulationId, regulationId));
  return (await readConsultations(engine, inArray(consultations.billId, amending), todayInChina(now))).map((r) => r.summary).filter((c) => c.status === 'open');
}
