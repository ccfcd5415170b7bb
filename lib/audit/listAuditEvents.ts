import { and, desc, eq, getTableColumns, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { auditEvents, consultations, draftComments, drafts, users, type AuditEvent } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';

/// Which entries to list. `billId` selects what happened to one bill: entries whose target is
/// the bill (target type `bill`), whose detail names it (`detail.billId`: versions,
/// consultations opened, workflow steps), that concern one of its consultations (target type
/// `consultation`, or `detail.consultationId`: moderation, dispositions, tags) or a margin
/// comment in its draft (target type `draft_comment`). `from` and `to` are China-time dates,
/// both included; `action` matches itself and the actions under it (`user` → `user.create`).
export interface AuditFilter {
  actorId?: string;
  actorEmail?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  billId?: string;
  from?: string;
  to?: string;
}

/// An entry as the audit pages show it: with the name and e-mail of who acted (null for the
/// system, or an account since removed) and `detailText`, the detail exactly as stored (and
/// hashed), beside `detail` parsed.
export type AuditEventRow = AuditEvent & { actorEmail: string | null; actorName: string | null; detailText: string | null };

const dayMs = 86_400_000;

/// The moment a China-time date (`YYYY-MM-DD`) begins: China keeps UTC+8 all year.
function chinaMidnight(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`));
}

/// The WHERE conditions of a filter (shared by the list and the CSV export).
function auditConditions(filter: AuditFilter & { beforeSeq?: number }, db: Db): SQL | undefined {
  const c: (SQL | undefined)[] = [];
  if (filter.actorId) c.push(eq(auditEvents.actorId, filter.actorId));
  if (filter.actorEmail) c.push(eq(users.email, filter.actorEmail.trim().toLowerCase()));
  if (filter.action) c.push(or(eq(auditEvents.action, filter.action), sql`substr(${auditEvents.action}, 1, ${filter.action.length + 1}) = ${`${filter.action}.`}`));
  if (filter.targetType) c.push(eq(auditEvents.targetType, filter.targetType));
  if (filter.targetId) c.push(eq(auditEvents.targetId, filter.targetId));
  if (filter.from) c.push(gte(auditEvents.at, chinaMidnight(filter.from)));
  if (filter.to) c.push(lt(auditEvents.at, new Date(chinaMidnight(filter.to).getTime() + dayMs)));
  if (filter.beforeSeq !== undefined) c.push(lt(auditEvents.id, filter.beforeSeq));
  if (filter.billId) {
    const billId = filter.billId;
    const billConsultations = db.select({ id: consultations.id }).from(consultations).where(eq(consultations.billId, billId));
    const billDraftComments = db.select({ id: draftComments.id }).from(draftComments).innerJoin(drafts, eq(drafts.id, draftComments.draftId)).where(eq(drafts.billId, billId));
    c.push(
      or(
        and(eq(auditEvents.targetType, 'bill'), eq(auditEvents.targetId, billId)),
        sql`json_extract(${auditEvents.detail}, '$.billId') = ${billId}`,
        and(eq(auditEvents.targetType, 'consultation'), inArray(auditEvents.targetId, billConsultations)),
        inArray(sql`json_extract(${auditEvents.detail}, '$.consultationId')`, billConsultations),
        and(eq(auditEvents.targetType, 'draft_comment'), inArray(auditEvents.targetId, billDraftComments)),
      ),
    );
  }
  return c.length ? and(...c) : undefined;
}

/// Audit entries matching a filter, newest first, with who acted; `limit` (default 100) and
/// `offset` page through them, `beforeSeq` continues below a seq already seen.
export function listAuditEvents(filter: AuditFilter & { limit?: number; offset?: number; beforeSeq?: number } = {}, db: Db = getDatabase()): AuditEventRow[] {
  return db
    .select({ ...getTableColumns(auditEvents), actorEmail: users.email, actorName: users.name, detailText: sql<string | null>`${auditEvents.detail}` })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(auditConditions(filter, db))
    .orderBy(desc(auditEvents.id))
    .limit(filter.limit ?? 100)
    .offset(filter.offset ?? 0)
    .all();
}
