import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { billSignoffs } from '@/db/schema';
import { billWithPeople } from './billAtStage';

const day = (monthDay: string) => new Date(`2026-${monthDay}T02:00:00Z`);

/// A government rule walked to 合法性审查 (drafting 03-01, consultation 03-02, legality review
/// 04-10 of 2026): its next stage, 常务会议, needs a four-eyes sign-off.
export async function atLegalityReview(db: Db) {
  const b = await billWithPeople(db, 'government_rule');
  for (const [to, d] of [['drafting', '03-01'], ['consultation', '03-02'], ['legality_review', '04-10']] as const) await b.walk(to, day(d));
  return b;
}

/// The sign-off rows of a bill for its 常务会议.
export function executiveMeetingSignoffs(db: Db, billId: string) {
  return db.select().from(billSignoffs).where(and(eq(billSignoffs.billId, billId), eq(billSignoffs.stage, 'executive_meeting'))).all();
}
