import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
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
export async function listPublishedComments(
  engine: Engine,
  consultationId: string,
  filter: { articleEid?: string | null; limit?: number; offset?: number } = {},
  now: Date = new Date(),
): Promise<PublicComment[]> {
  const { t } = engine;
  const { consultations, consultationComments, users } = t;
  const [c] = await engine.db
    .select({ versionId: consultations.versionId, opensOn: consultations.opensOn, closesOn: consultations.closesOn, reportPublishedAt: consultations.reportPublishedAt })
    .from(consultations)
    .where(eq(consultations.id, consultationId))
    .limit(1);
  if (!c || consultationStatus(c, todayInChina(now)) === 'upcoming') throw new AppError('not_found', 'consultation_not_found');
  const conditions: SQL[] = [eq(consultationComments.consultationId, consultationId), eq(consultationComments.status, 'published')];
  if (filter.articleEid === null) conditions.push(isNull(consultationComments.articleEid));
  else if (filter.articleEid !== undefined) conditions.push(eq(consultationComments.articleEid, filter.articleEid));
  const reported = c.reportPublishedAt !== null;
  const { labels, texts } = await versionArticles(engine, c.versionId);
  const query = engine.db
    .select({
      id: consultationComments.id,
      reference: consultationComments.reference,
      articleEid: consultationComments.articleEid,
      body: consultationComments.body,
      proposedText: consultationComments.proposedText,
      proposedDiff: consultationComments.proposedDiff,
      name: users.name,
      createdAt: consultationComments.createdAt,
      ...dispositionColumns(t),
    })
    .from(consultationComments)
    .leftJoin(users, eq(users.id, consultationComments.authorId))
    .leftJoin(...withDisposition(t))
    .where(and(...conditions))
    .$dynamic();
  const rows = await fillProposalDiffs(engine, await pageInOrderSent(engine, query, filter), texts);
  return rows.map((r) => ({
    ...commentText(r, labels),
    proposedDiff: r.proposedDiff,
    authorName: maskAuthorName(r.name),
    disposition: reported ? dispositionView(r) : null,
  }));
}
