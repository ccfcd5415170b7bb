import { and, count, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { consultationComments, users } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
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

// A comment's campaign group: its group id, or itself while it is alone.
const groupKey = sql<string>`coalesce(${consultationComments.groupId}, ${consultationComments.id})`;

/// The comments of a consultation as bill staff work on them, oldest first: every status, the
/// author's name and e-mail, tags, assignee, disposition, and the size of each comment's group.
/// For members of the bill (and admins); `consultation_not_found` for everyone else.
export async function listStaffComments(actor: CurrentUser | null, consultationId: string, filter: StaffCommentFilter = {}, db: Db = getDatabase()): Promise<StaffComment[]> {
  const { consultation } = await authorizeConsultationStaff(actor, consultationId, 'bill:view', 'consultation_not_found', db);
  const conditions: SQL[] = [eq(consultationComments.consultationId, consultationId)];
  if (filter.status) conditions.push(eq(consultationComments.status, filter.status));
  if (filter.articleEid === null) conditions.push(isNull(consultationComments.articleEid));
  else if (filter.articleEid !== undefined) conditions.push(eq(consultationComments.articleEid, filter.articleEid));
  if (filter.groupId !== undefined) conditions.push(or(eq(consultationComments.groupId, filter.groupId), eq(consultationComments.id, filter.groupId))!);
  if (filter.assigneeId === null) conditions.push(isNull(consultationComments.assigneeId));
  else if (filter.assigneeId !== undefined) conditions.push(eq(consultationComments.assigneeId, filter.assigneeId));

  const sizes = new Map(
    db
      .select({ key: groupKey, n: count() })
      .from(consultationComments)
      .where(eq(consultationComments.consultationId, consultationId))
      .groupBy(groupKey)
      .having(sql`count(*) > 1`)
      .all()
      .map((g) => [g.key, g.n]),
  );
  const { labels } = versionArticles(db, consultation.versionId);
  const author = alias(users, 'author');
  const assignee = alias(users, 'assignee');
  const query = db
    .select({
      c: consultationComments,
      authorName: author.name,
      authorEmail: author.email,
      assigneeName: assignee.name,
      ...dispositionColumns,
    })
    .from(consultationComments)
    .leftJoin(author, eq(author.id, consultationComments.authorId))
    .leftJoin(assignee, eq(assignee.id, consultationComments.assigneeId))
    .leftJoin(...withDisposition)
    .where(and(...conditions))
    .$dynamic();
  return pageInOrderSent(query, filter)
    .all()
    .map(({ c, authorName, authorEmail, assigneeName, ...d }) => ({
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
