import { asc, eq } from 'drizzle-orm';
import { billMembers, bills, drafts, regulations, users, type Bill } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
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

/// The bill resource the policy decides on (who is on it, in which role).
export function billResource(db: Db, billId: string): BillResource {
  return { type: 'bill', members: db.select({ userId: billMembers.userId, role: billMembers.role }).from(billMembers).where(eq(billMembers.billId, billId)).all() };
}

/// One bill, for someone allowed to see it (members, and admins); `not_found` otherwise, so that
/// outsiders cannot tell which bills exist.
export function getBill(actor: CurrentUser | null, billId: string, db: Db = getDatabase()): BillDetail {
  if (!actor) throw new AppError('unauthenticated', 'unauthenticated');
  const row = db
    .select({ bill: bills, draftId: drafts.id, regulationTitle: regulations.title })
    .from(bills)
    .innerJoin(drafts, eq(drafts.billId, bills.id))
    .leftJoin(regulations, eq(regulations.id, bills.regulationId))
    .where(eq(bills.id, billId))
    .get();
  const resource = row ? billResource(db, billId) : null;
  if (!row || !resource || !can(actor, 'bill:view', resource)) throw new AppError('not_found', 'bill_not_found');
  const members = db
    .select({ userId: billMembers.userId, role: billMembers.role, name: users.name, email: users.email, accountRole: users.role })
    .from(billMembers)
    .innerJoin(users, eq(users.id, billMembers.userId))
    .where(eq(billMembers.billId, billId))
    .orderBy(asc(users.name))
    .all();
  return { ...row.bill, draftId: row.draftId, regulationTitle: row.regulationTitle, members, resource };
}

/// The bill that owns a draft, checked like `getBill`.
export function getBillOfDraft(actor: CurrentUser | null, draftId: string, db: Db = getDatabase()): BillDetail {
  const row = db.select({ billId: drafts.billId }).from(drafts).where(eq(drafts.id, draftId)).get();
  if (!row) throw new AppError('not_found', 'draft_not_found');
  return getBill(actor, row.billId, db);
}
