import { desc, eq, inArray } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import type { CurrentUser } from '@/lib/auth';

/// The bills a person works on (all bills for an admin), newest first, with their role on each.
/// Runs on either engine.
export async function listBills({ db, t }: Engine, actor: CurrentUser | null) {
  if (!actor) return [];
  const mine = await db.select({ billId: t.billMembers.billId, role: t.billMembers.role }).from(t.billMembers).where(eq(t.billMembers.userId, actor.id));
  const roleOf = new Map(mine.map((m) => [m.billId, m.role]));
  const ids = mine.map((m) => m.billId);
  if (actor.role !== 'admin' && ids.length === 0) return [];
  const rows = await db
    .select({ id: t.bills.id, title: t.bills.title, kind: t.bills.kind, stage: t.bills.stage, createdAt: t.bills.createdAt, draftId: t.drafts.id })
    .from(t.bills)
    .innerJoin(t.drafts, eq(t.drafts.billId, t.bills.id))
    .where(actor.role === 'admin' ? undefined : inArray(t.bills.id, ids))
    .orderBy(desc(t.bills.createdAt), desc(t.bills.id));
  return rows.map((b) => ({ ...b, myRole: roleOf.get(b.id) ?? null }));
}
