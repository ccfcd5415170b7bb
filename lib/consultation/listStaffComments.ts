import { and, count, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Engine } from '@/db/engine';
import type { CurrentUser } from '@/lib/auth';
import { authorizeConsultationStaff } from './authorizeConsultationStaff';
import { commentText, dispositionColumns, pageInOrderSent, withDisposition } from './commentColumns';
import { dispositionView } from './dispositionView';
import type { StaffComment } from './types';
import { versionArticles } from './versionArticles';

/// Which comments the staff list shows; `articleEid: null` means comments on the draft as a whole,
/// `assigneeId: null` comments nobody handles yet; an absent field does not filter.
export type StaffCommentFilter = {
  status?: StaffComment['status'];
  articleEid?: string | null;
  groupId?: string;
  assigneeId?: string | null;
  /// A page of the list: at most `limit` comments after skipping `offset`.
  limit?: number;
  offset?: number;
};


/// The comments of a consultation as bill staff work on them, oldest first: every status, the
/// author's name and e-mail, tags, assignee, disposition, and the size of each comment's group.
/// For members of the bill (and admins); `consultation_not_found` for everyone else.
export async function listStaffComments(engine: Engine, actor: CurrentUser | null, consultationId: string, filter: StaffCommentFilter = {}): Promise<StaffComment[]> {
  const { consultation } = await authorizeConsultationStaff(engine, actor, consultationId, 'bill:view', 'consultation_not_found');
  const { t } = engine;
  const { consultationComments } = t;
  // A comment's campaign group: its group id, or itself while it is alone.
  const groupKey = sql<string>`coalesce(${consultationComments.groupId}, ${consultationComments.id})`;
  const conditions: SQL[] = [eq(consultationComments.consultationId, consultationId)];
  if (filter.status) conditions.push(eq(consultationComments.status, filter.status));
  if (filter.articleEid === null) conditions.push(isNull(consultationComments.articleEid));
  else if (filter.articleEid !== undefined) conditions.push(eq(consultationComments.articleEid, filter.articleEid));
  if (filter.groupId !== undefined) conditions.push(or(eq(consultationComments.groupId, filter.groupId), eq(consultationComments.id, filter.groupId))!);
  if (filter.assigneeId === null) conditions.push(isNull(consultationComments.assigneeId));
  else if (filter.assigneeId !== undefined) conditions.push(eq(consultationComments.assigneeId, filter.assigneeId));

  const groups = await engine.db
    .select({ key: groupKey, n: count() })
    .from(consultationComments)
    .where(eq(consultationComments.consultationId, consultationId))
    .groupBy(groupKey)
    .having(sql`count(*) > 1`);
  const sizes = new Map(groups.map((g) => [g.key, g.n]));
  const { labels } = await versionArticles(engine, consultation.versionId);
  // The users table twice, under two names (SQLite's `alias` only renames it in the SQL it
  // writes: the same on PostgreSQL).
  const author = alias(t.users, 'author');
  const assignee = alias(t.users, 'assignee');
  const query = engine.db
    .select({
      c: consultationComments,
      authorName: author.name,
      authorEmail: author.email,
      assigneeName: assignee.name,
      ...dispositionColumns(t),
    })
    .from(consultationComments)
    .leftJoin(author, eq(author.id, consultationComments.authorId))
    .leftJoin(assignee, eq(assignee.id, consultationComments.assigneeId))
    .leftJoin(...withDisposition(t))
    .where(and(...conditions))
    .$dynamic();
  return (await pageInOrderSent(engine, query, filter)).map(({ c, authorName, authorEmail, assigneeName, ...d }) => ({
    ...commentText(c, labels),
    status: c.status,
    rejectReason: c.rejectReason,
    authorId: c.authorId,
    authorName,
    authorEmail,
    groupId: c.groupId,
    groupSize: sizes.get(c.groupId ?? c.id) ?? 1,
    tags: c.tags,
    assigneeId: c.assigneeId,
    assigneeName,
    disposition: dispositionView(d),
  }));
}
