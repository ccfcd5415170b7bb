import { asc, eq, sql } from 'drizzle-orm';
import type { SQLiteSelect } from 'drizzle-orm/sqlite-core';
import { commentDispositions, consultationComments } from '@/db/schema';

/// The disposition of a comment as columns of a select joined to `comment_dispositions` (all
/// null when none is recorded); `dispositionView` turns them into what a reader sees.
export const dispositionColumns = {
  disposition: commentDispositions.disposition,
  reason: commentDispositions.reason,
  decidedAt: commentDispositions.decidedAt,
};

/// Joins each comment of a select to its disposition, if one is recorded (see `dispositionColumns`).
export const withDisposition = [commentDispositions, eq(commentDispositions.commentId, consultationComments.id)] as const;

/// One page of a comment list, in the order the comments were sent (the rowid orders two sent in
/// the same millisecond): at most `limit` after skipping `offset`.
export function pageInOrderSent<Q extends SQLiteSelect>(query: Q, page: { limit?: number; offset?: number }) {
  return query
    .orderBy(asc(consultationComments.createdAt), asc(sql`consultation_comments.rowid`))
    .limit(page.limit ?? -1)
    .offset(page.offset ?? 0);
}

/// What every list shows of a comment: its reference, the article it is on (labelled as in the
/// consultation's version), its words and proposed wording, and when it was sent.
export function commentText(
  c: { id: string; reference: string; articleEid: string | null; body: string; proposedText: string | null; createdAt: Date },
  labels: Map<string, string>,
) {
  return {
    id: c.id,
    reference: c.reference,
    articleEid: c.articleEid,
    articleLabel: c.articleEid ? (labels.get(c.articleEid) ?? null) : null,
    body: c.body,
    proposedText: c.proposedText,
    createdAt: c.createdAt.toISOString(),
  };
}
