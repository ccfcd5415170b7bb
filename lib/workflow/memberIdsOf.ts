import { eq } from 'drizzle-orm';
import { billMembers } from '@/db/schema';
import type { Db } from '@/db/client';

/// The ids of a bill's members, leaving out `except` (who made the change the others are told of).
export function memberIdsOf(db: Pick<Db, 'select'>, billId: string, except?: string): string[] {
  return db.select({ userId: billMembers.userId }).from(billMembers).where(eq(billMembers.billId, billId)).all().map((m) => m.userId).filter((u) => u !== except);
}
