import { asc, eq, inArray } from 'drizzle-orm';
import { billMembers, bills, users } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { can, type CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { todayInChina, type BillStage, type BillKind } from '@/lib/shared';
import { billDeadlines } from './billDeadlines';
import type { Deadline } from './computeDeadlines';
import { isClosedStage } from './paths';

/// A bill as the workflow dashboard lists it.
export interface WorkflowBill {
  id: string;
  title: string;
  kind: BillKind;
  stage: BillStage;
  coordinator: { userId: string; name: string } | null;
  nextDeadline: Deadline | null;
}

/// Every bill the person may see (an admin: all; staff: those they are on), by stage, with its
/// coordinator and the nearest deadline; filtered by kind, stage and coordinator. Bills with an
/// overdue or the nearest deadline come first, then the rest by title.
export function listWorkflowBills(
  actor: CurrentUser | null,
  filters: { kind?: BillKind; stage?: BillStage; coordinatorId?: string } = {},
  db: Db = getDatabase(),
  now: Date = new Date(),
): WorkflowBill[] {
  if (!can(actor, 'workspace:view')) throw new AppError(actor ? 'forbidden' : 'unauthenticated', actor ? 'forbidden' : 'unauthenticated');
  const today = todayInChina(now);
  const mine = actor!.role === 'admin' ? null : db.select({ billId: billMembers.billId }).from(billMembers).where(eq(billMembers.userId, actor!.id)).all().map((m) => m.billId);
  const rows = db
    .select()
    .from(bills)
    .where(mine ? inArray(bills.id, mine) : undefined)
    .orderBy(asc(bills.title))
    .all()
    .filter((b) => (!filters.kind || b.kind === filters.kind) && (!filters.stage || b.stage === filters.stage));
  const coordinators = new Map(
    db
      .select({ billId: billMembers.billId, userId: billMembers.userId, name: users.name })
      .from(billMembers)
      .innerJoin(users, eq(users.id, billMembers.userId))
      .where(eq(billMembers.role, 'coordinator'))
      .all()
      .map((c) => [c.billId, { userId: c.userId, name: c.name }]),
  );
  const listed = rows
    .map((b): WorkflowBill => {
      const deadlines = isClosedStage(b.stage) ? [] : billDeadlines(db, b, today);
      return { id: b.id, title: b.title, kind: b.kind, stage: b.stage, coordinator: coordinators.get(b.id) ?? null, nextDeadline: deadlines[0] ?? null };
    })
    .filter((b) => !filters.coordinatorId || b.coordinator?.userId === filters.coordinatorId);
  const key = (b: WorkflowBill) => b.nextDeadline?.daysLeft ?? Number.POSITIVE_INFINITY;
  return listed.sort((a, b) => key(a) - key(b));
}
