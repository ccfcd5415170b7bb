import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';

/// The ids of a bill's members, leaving out `except` (who made the change the others are told of).
/// Either engine.
export async function membersToTell({ db, t }: Engine, billId: string, except?: string): Promise<string[]> {
  const rows = await db.select({ userId: t.billMembers.userId }).from(t.billMembers).where(eq(t.billMembers.billId, billId));
  return rows.map((m) => m.userId).filter((u) => u !== except);
}
