import { asc, eq, sql } from 'drizzle-orm';
import type { SQLiteSelect } from 'drizzle-orm/sqlite-core';
import type { Engine } from '@/db/engine';

/// The disposition of a comment as columns of a select joined to `comment_dispositions` (all
/// null when none is recorded); `dispositionView` turns them into what a reader sees.
export function dispositionColumns({ commentDispositions }: Engine['t']) {
  return {
    disposition: commentDispositions.disposition,
    reason: commentDispositions.reason,
    decidedAt: commentDispositions.decidedAt,
  };
}

/// Joins each comment of a select to its disposition, if one is recorded (see `dispositionColumns`):
/// spread into `.leftJoin(...)`.
export function withDisposition({ commentDispositions, consultationComments }: Engine['t']) {
  return [commentDispositions, eq(commentDispositions.commentId, consultationComments.id)] as const;
}

/// The tie-break of two comments sent in the same millisecond: SQLite's rowid (the order they
/// were written, free in every index), and on PostgreSQL, which has no rowid, the id (an
/// `orderedId`, which sorts in the order the comments were taken).
export function sentTieBreak(engine: Engine) {
  return engine.kind === 'sqlite' ? sql`${engine.t.consultationComments}.rowid` : engine.t.consultationComments.id;
}

/// One page of a comment list, in the order the comments were sent: at most `limit` after
/// skipping `offset`.
export function pageInOrderSent<Q extends SQLiteSelect>(engine: Engine, query: Q, page: { limit?: number; offset?: number }) {
  const ordered = query.orderBy(asc(engine.t.consultationComments.createdAt), asc(sentTieBreak(engine)));
  // No limit: SQLite's is -1, and PostgreSQL takes any number past the rows there can be.
  return ordered.limit(page.limit ?? (engine.kind === 'sqlite' ? -1 : Number.MAX_SAFE_INTEGER)).offset(page.offset ?? 0);
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
