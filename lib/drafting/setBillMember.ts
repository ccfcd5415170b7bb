import { and, eq, sql } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { can } from '@/lib/auth';
import type { CurrentUser } from '@/lib/auth';
import { normalizeEmail } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { billResource } from './getBill';
import { type MemberRole } from '@/lib/shared/vocabulary';

/// Adds a colleague to a bill (or changes their bill role), or removes them (`role: null`).
/// Only the bill's editors and coordinator (and admins on it) may; reviewer accounts can only be
/// reviewers. The coordinator is handed over by an admin only, and the previous one stays on as an
/// editor; a bill always keeps exactly one coordinator. Runs on either engine.
///
/// Two changes at once must not leave the bill without a coordinator. On SQLite the transaction
/// holds the write lock; on PostgreSQL each change first touches the bill's row, which a second
/// change then waits on until the first commits.
export async function setBillMember(engine: Engine, actor: CurrentUser | null, billId: string, email: string, role: MemberRole | null): Promise<void> {
  // An admin hands the coordinator role over without being on the bill.
  const handover = role === 'coordinator' && actor?.role === 'admin';
  if (!handover && !can(actor, 'bill:manage', await billResource(engine, billId))) throw new AppError('forbidden', 'forbidden');
  const { users } = engine.t;
  const [user] = await engine.db.select().from(users).where(eq(users.email, normalizeEmail(email)));
  if (!user) throw new AppError('validation_failed', 'member_not_found');
  if (!['admin', 'drafter', 'reviewer'].includes(user.role)) throw new AppError('validation_failed', 'member_not_staff');
  if (role === 'coordinator' && actor!.role !== 'admin') throw new AppError('forbidden', 'coordinator_handover_admin');
  if (role === 'coordinator' && user.role === 'reviewer') throw new AppError('validation_failed', 'coordinator_not_reviewer');
  const effective = role === 'editor' && user.role === 'reviewer' ? 'reviewer' : role;
  await withTransaction(engine, async (tx) => {
    const { bills, billMembers } = tx.t;
    const [bill] = await tx.db.update(bills).set({ stage: sql`${bills.stage}` }).where(eq(bills.id, billId)).returning({ id: bills.id });
    if (!bill) throw new AppError('not_found', 'bill_not_found');
    if (effective === 'coordinator') {
      await tx.db.update(billMembers).set({ role: 'editor' }).where(and(eq(billMembers.billId, billId), eq(billMembers.role, 'coordinator')));
    }
    await tx.db.delete(billMembers).where(and(eq(billMembers.billId, billId), eq(billMembers.userId, user.id)));
    if (effective) await tx.db.insert(billMembers).values({ billId, userId: user.id, role: effective });
    const coordinators = await tx.db.select().from(billMembers).where(and(eq(billMembers.billId, billId), eq(billMembers.role, 'coordinator')));
    if (coordinators.length === 0) throw new AppError('conflict', 'last_editor');
    await appendAudit(tx, { actorId: actor!.id, action: 'bill.member', targetType: 'bill', targetId: billId, detail: { userId: user.id, role: effective } });
  });
}
