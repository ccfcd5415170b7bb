import { and, eq } from 'drizzle-orm';
import { billMembers, users } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { can } from '@/lib/auth';
import type { CurrentUser } from '@/lib/auth';
import { normalizeEmail } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { billResource } from './getBill';
import { type MemberRole } from '@/lib/shared/vocabulary';

/// Adds a colleague to a bill (or changes their bill role), or removes them (`role: null`).
/// Only the bill's editors and coordinator (and admins on it) may; reviewer accounts can only be
/// reviewers. The coordinator is handed over by an admin only, and the previous one stays on as an
/// editor; a bill always keeps exactly one coordinator.
export function setBillMember(actor: CurrentUser | null, billId: string, email: string, role: MemberRole | null, db: Db = getDatabase()): void {
  // An admin hands the coordinator role over without being on the bill.
  const handover = role === 'coordinator' && actor?.role === 'admin';
  if (!handover && !can(actor, 'bill:manage', billResource(db, billId))) throw new AppError('forbidden', 'forbidden');
  const user = db.select().from(users).where(eq(users.email, normalizeEmail(email))).get();
  if (!user) throw new AppError('validation_failed', 'member_not_found');
  if (!['admin', 'drafter', 'reviewer'].includes(user.role)) throw new AppError('validation_failed', 'member_not_staff');
  if (role === 'coordinator' && actor!.role !== 'admin') throw new AppError('forbidden', 'coordinator_handover_admin');
  if (role === 'coordinator' && user.role === 'reviewer') throw new AppError('validation_failed', 'coordinator_not_reviewer');
  const effective = role === 'editor' && user.role === 'reviewer' ? 'reviewer' : role;
  db.transaction((tx) => {
    if (effective === 'coordinator') {
      tx.update(billMembers).set({ role: 'editor' }).where(and(eq(billMembers.billId, billId), eq(billMembers.role, 'coordinator'))).run();
    }
    tx.delete(billMembers).where(and(eq(billMembers.billId, billId), eq(billMembers.userId, user.id))).run();
    if (effective) tx.insert(billMembers).values({ billId, userId: user.id, role: effective }).run();
    const coordinators = tx.select().from(billMembers).where(and(eq(billMembers.billId, billId), eq(billMembers.role, 'coordinator'))).all();
    if (coordinators.length === 0) throw new AppError('conflict', 'last_editor');
    recordAudit(tx, { actorId: actor!.id, action: 'bill.member', targetType: 'bill', targetId: billId, detail: { userId: user.id, role: effective } });
  });
}
