import { and, eq, isNull, type SQL } from 'drizzle-orm';
import { consultationComments, consultations, users } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import { todayInChina } from '@/lib/shared';
import { consultationStatus } from './consultationStatus';
import { commentText, dispositionColumns, pageInOrderSent, withDisposition } from './commentColumns';
import { dispositionView } from './dispositionView';
import { fillProposalDiffs } from './fillProposalDiffs';
import { maskAuthorName } from './maskAuthorName';
import type { PublicComment } from './types';
import { versionArticles } from './versionArticles';

/// The published comments of a consultation, oldest first, as anyone may read them: on one
/// article (`articleEid`), on the draft as a whole (`articleEid: null`) or all (absent). Only
/// what the public page shows is read: the author's name masked, no e-mail, no address; the
/// disposition only once the consultation's report is published; `limit` and `offset` page it.
/// A proposal comes with its word difference to the article as stored with the comment: listing
/// never diffs (but for an older row without one, once, written back).
/// `consultation_not_found` for an unknown consultation and for one not open yet.
export function listPublishedComments(
  consultationId: string,
  filter: { articleEid?: string | null; limit?: number; offset?: number } = {},
  db: Db = getDatabase(),
  now: Date = new Date(),
): PublicComment[] {
  const c = db
    .select({ versionId: consultations.versionId, opensOn: consultations.opensOn, closesOn: consultations.closesOn, reportPublishedAt: consultations.reportPublishedAt })
    .from(consultations)
    .where(eq(consultations.id, consultationId))
    .get();
  if (!c || consultationStatus(c, todayInChina(now)) === 'upcoming') throw new AppError('not_found', 'consultation_not_found');
  const conditions: SQL[] = [eq(consultationComments.consultationId, consultationId), eq(consultationComments.status, 'published')];
  if (filter.articleEid === null) conditions.push(isNull(consultationComments.articleEid));
  else if (filter.articleEid !== undefined) conditions.push(eq(consultationComments.articleEid, filter.articleEid));
  const reported = c.reportPublishedAt !== null;
  const { labels, texts } = versionArticles(db, c.versionId);
  const query = db
    .select({
      id: consultationComments.id,
      reference: consultationComments.reference,
      articleEid: consultationComments.articleEid,
      body: consultationComments.body,
      proposedText: consultationComments.proposedText,
      proposedDiff: consultationComments.proposedDiff,
      name: users.name,
      createdAt: consultationComments.createdAt,
      ...dispositionColumns,
    })
    .from(consultationComments)
    .leftJoin(users, eq(users.id, consultationComments.authorId))
    .leftJoin(...withDisposition)
    .where(and(...conditions))
    .$dynamic();
  const rows = fillProposalDiffs(db, pageInOrderSent(query, filter).all(), texts);
  return rows.map((r) => ({
    ...commentText(r, labels),
    proposedDiff: r.proposedDiff,
    authorName: maskAuthorName(r.name),
    disposition: reported ? dispositionView(r) : null,
  }));
}
