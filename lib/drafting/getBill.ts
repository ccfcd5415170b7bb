import { asc, eq } from 'drizzle-orm';
import type { Bill } from '@/db/schema';
import type { Engine } from '@/db/engine';
import { can, type BillResource } from '@/lib/auth';
import type { CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { type MemberRole } from '@/lib/shared/vocabulary';

/// A bill as its pages show it: members with names, its draft, the regulation it amends.
export type BillDetail = Bill & {
  draftId: string;
  regulationTitle: string | null;
  members: { userId: string; name: string; email: string; role: MemberRole; accountRole: CurrentUser['role'] }[];
  resource: BillResource;
};

/// The bill resource the policy decides on (who is on it, in which role). Runs on either engine.
export async function billResource({ db, t }: Engine, billId: string): Promise<BillResource> {
  return { type: 'bill', members: await db.select({ userId: t.billMembers.userId, role: t.billMembers.role }).from(t.billMembers).where(eq(t.billMembers.billId, billId)) };
}

/// One bill, for someone allowed to see it (members, and admins); `not_found` otherwise, so that
/// outsiders cannot tell which bills exist. Runs on either engine.
export async function getBill(engine: Engine, actor: CurrentUser | null, billId: string): Promise<BillDetail> {
  if (!actor) throw new AppError('unauthenticated', 'unauthenticated');
  const { db, t } = engine;
  const [row] = await db
    .select({ bill: t.bills, draftId: t.drafts.id, regulationTitle: t.regulations.title })
    .from(t.bills)
    .innerJoin(t.drafts, eq(t.drafts.billId, t.bills.id))
    .leftJoin(t.regulations, eq(t.regulations.id, t.bills.regulationId))
    .where(eq(t.bills.id, billId));
  const resource = row ? await billResource(engine, billId) : null;
  if (!row || !resource || !can(actor, 'bill:view', resource)) throw new AppError('not_found', 'bill_not_found');
  const members = await db
    .select({ userId: t.billMembers.userId, role: t.billMembers.role, name: t.users.name, email: t.users.email, accountRole: t.users.role })
    .from(t.billMembers)
    .innerJoin(t.users, eq(t.users.id, t.billMembers.userId))
    .where(eq(t.billMembers.billId, billId))
    .orderBy(asc(t.users.name), asc(t.users.id));
  return { ...row.bill, draftId: row.draftId, regulationTitle: row.regulationTitle, members, resource };
}

/// The bill that owns a draft, checked like `getBill`.
export async function getBillOfDraft(engine: Engine, actor: CurrentUser | null, draftId: string): Promise<BillDetail> {
  if (!actor) throw new AppError('unauthenticated', 'unauthenticated');
  const { db, t } = engine;
  const [row] = await db.select({ billId: t.drafts.billId }).from(t.drafts).where(eq(t.drafts.id, draftId));
  if (!row) throw new AppError('not_found', 'draft_not_found');
  return getBill(engine, actor, row.billId);
}
