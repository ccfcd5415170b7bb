import { asc, eq, inArray } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
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
/// overdue or the nearest deadline come first, then the rest by title. Either engine.
export async function listWorkflowBills(
  engine: Engine,
  actor: CurrentUser | null,
  filters: { kind?: BillKind; stage?: BillStage; coordinatorId?: string } = {},
  now: Date = new Date(),
): Promise<WorkflowBill[]> {
  if (!can(actor, 'workspace:view')) throw new AppError(actor ? 'forbidden' : 'unauthenticated', actor ? 'forbidden' : 'unauthenticated');
  const { db, t } = engine;
  const today = todayInChina(now);
  const mine = actor!.role === 'admin' ? null : (await db.select({ billId: t.billMembers.billId }).from(t.billMembers).where(eq(t.billMembers.userId, actor!.id))).map((m) => m.billId);
  const rows = (
    await db
      .select()
      .from(t.bills)
      .where(mine ? inArray(t.bills.id, mine) : undefined)
      .orderBy(asc(t.bills.title), asc(t.bills.id))
  ).filter((b) => (!filters.kind || b.kind === filters.kind) && (!filters.stage || b.stage === filters.stage));
  const coordinatorRows = await db
    .select({ billId: t.billMembers.billId, userId: t.billMembers.userId, name: t.users.name })
    .from(t.billMembers)
    .innerJoin(t.users, eq(t.users.id, t.billMembers.userId))
    .where(eq(t.billMembers.role, 'coordinator'));
  const coordinators = new Map(coordinatorRows.map((c) => [c.billId, { userId: c.userId, name: c.name }]));
  const listed: WorkflowBill[] = [];
  for (const b of rows) {
    const deadlines = isClosedStage(b.stage) ? [] : await billDeadlines(engine, b, today);
    const coordinator = coordinators.get(b.id) ?? null;
    if (filters.coordinatorId && coordinator?.userId !== filters.coordinatorId) continue;
    listed.push({ id: b.id, title: b.title, kind: b.kind, stage: b.stage, coordinator, nextDeadline: deadlines[0] ?? null });
  }
  const key = (b: WorkflowBill) => b.nextDeadline?.daysLeft ?? Number.POSITIVE_INFINITY;
  return listed.sort((a, b) => key(a) - key(b));
}
