import { and, desc, eq, getTableColumns, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AuditEvent } from '@/db/schema';
import type { Engine } from '@/db/engine';

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

/// One field of an entry's detail, as text: SQLite's json_extract, PostgreSQL's ->> on `json`.
function detailField({ kind, t }: Engine, key: 'billId' | 'consultationId'): SQL {
  return kind === 'postgres' ? sql`(${t.auditEvents.detail} ->> ${key})` : sql`json_extract(${t.auditEvents.detail}, ${`$.${key}`})`;
}

/// The WHERE conditions of a filter (shared by the list and the CSV export).
function auditConditions(engine: Engine, filter: AuditFilter & { beforeSeq?: number }): SQL | undefined {
  const { db, t } = engine;
  const a = t.auditEvents;
  const c: (SQL | undefined)[] = [];
  if (filter.actorId) c.push(eq(a.actorId, filter.actorId));
  if (filter.actorEmail) c.push(eq(t.users.email, filter.actorEmail.trim().toLowerCase()));
  if (filter.action) c.push(or(eq(a.action, filter.action), eq(sql`substr(${a.action}, 1, ${sql.raw(String(filter.action.length + 1))})`, `${filter.action}.`)));
  if (filter.targetType) c.push(eq(a.targetType, filter.targetType));
  if (filter.targetId) c.push(eq(a.targetId, filter.targetId));
  if (filter.from) c.push(gte(a.at, chinaMidnight(filter.from)));
  if (filter.to) c.push(lt(a.at, new Date(chinaMidnight(filter.to).getTime() + dayMs)));
  if (filter.beforeSeq !== undefined) c.push(lt(a.id, filter.beforeSeq));
  if (filter.billId) {
    const billId = filter.billId;
    const billConsultations = db.select({ id: t.consultations.id }).from(t.consultations).where(eq(t.consultations.billId, billId));
    const billDraftComments = db.select({ id: t.draftComments.id }).from(t.draftComments).innerJoin(t.drafts, eq(t.drafts.id, t.draftComments.draftId)).where(eq(t.drafts.billId, billId));
    c.push(
      or(
        and(eq(a.targetType, 'bill'), eq(a.targetId, billId)),
        eq(detailField(engine, 'billId'), billId),
        and(eq(a.targetType, 'consultation'), inArray(a.targetId, billConsultations)),
        inArray(detailField(engine, 'consultationId'), billConsultations),
        and(eq(a.targetType, 'draft_comment'), inArray(a.targetId, billDraftComments)),
      ),
    );
  }
  return c.length ? and(...c) : undefined;
}

/// Audit entries matching a filter, newest first, with who acted; `limit` (default 100) and
/// `offset` page through them, `beforeSeq` continues below a seq already seen. Either engine;
/// `detailText` is the stored text read through a cast, as the chain check reads it.
export async function listAuditEvents(engine: Engine, filter: AuditFilter & { limit?: number; offset?: number; beforeSeq?: number } = {}): Promise<AuditEventRow[]> {
  const { db, t } = engine;
  return db
    .select({ ...getTableColumns(t.auditEvents), actorEmail: t.users.email, actorName: t.users.name, detailText: sql<string | null>`cast(${t.auditEvents.detail} as text)` })
    .from(t.auditEvents)
    .leftJoin(t.users, eq(t.users.id, t.auditEvents.actorId))
    .where(auditConditions(engine, filter))
    .orderBy(desc(t.auditEvents.id))
    .limit(filter.limit ?? 100)
    .offset(filter.offset ?? 0);
}
