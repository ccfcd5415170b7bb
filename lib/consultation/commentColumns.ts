import { asc, sql } from 'drizzle-orm';
import { commentDispositions, consultationComments } from '@/db/schema';

/// The disposition of a comment as columns of a select joined to `comment_dispositions` (all
/// null when none is recorded); `dispositionView` turns them into what a reader sees.
export const dispositionColumns = {
  disposition: commentDispositions.disposition,
  reason: commentDispositions.reason,
  decidedAt: commentDispositions.decidedAt,
};

/// Comments in the order they were sent; the rowid orders two sent in the same millisecond.
export const inOrderSent = [asc(consultationComments.createdAt), asc(sql`consultation_comments.rowid`)] as const;

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
