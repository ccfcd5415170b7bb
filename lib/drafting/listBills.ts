import { desc, eq, inArray } from 'drizzle-orm';
import { billMembers, bills, drafts } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import type { CurrentUser } from '@/lib/auth';

/// The bills a person works on (all bills for an admin), newest first, with their role on each.
export function listBills(actor: CurrentUser | null, db: Db = getDatabase()) {
  if (!actor) return [];
  const mine = db.select({ billId: billMembers.billId, role: billMembers.role }).from(billMembers).where(eq(billMembers.userId, actor.id)).all();
  const roleOf = new Map(mine.map((m) => [m.billId, m.role]));
  const ids = mine.map((m) => m.billId);
  if (actor.role !== 'admin' && ids.length === 0) return [];
  return db
    .select({ id: bills.id, title: bills.title, kind: bills.kind, stage: bills.stage, createdAt: bills.createdAt, draftId: drafts.id })
    .from(bills)
    .innerJoin(drafts, eq(drafts.billId, bills.id))
    .where(actor.role === 'admin' ? undefined : inArray(bills.id, ids))
    .orderBy(desc(bills.createdAt))
    .all()
    .map((b) => ({ ...b, myRole: roleOf.get(b.id) ?? null }));
}
