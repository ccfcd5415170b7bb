import { and, eq, gt, sql, type SQL } from 'drizzle-orm';
import { executeOnPostgres, type Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { AppError } from '@/lib/errors';
import type { CommentIntake } from './commentIntake';
import { commentRateLimits, secondsUntilRoom, type RateWindow } from './commentRateLimits';
import { lockCampaigns } from './lockCampaigns';
import { newCommentReference } from './newCommentReference';

// Transaction-scoped advisory locks, one per sender and per text, so that comments of different
// senders and texts never wait for each other. They are always taken in the order campaigns
// (shared), account, address, text, so two transactions cannot each hold one the other wants.
function lockOn(tx: Engine, key: string): Promise<unknown> {
  return executeOnPostgres(tx, sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

// What one sender sent inside each window, in one indexed range scan over the longest window.
async function waitSeconds(tx: Engine, scope: 'authorId' | 'addressHash', key: string, limits: readonly RateWindow[], at: number): Promise<number> {
  const c = tx.t.consultationComments;
  const since = (windowMs: number) => sql.param(new Date(at - windowMs), c.createdAt);
  const fields: Record<string, SQL.Aliased | SQL> = {};
  limits.forEach((l, i) => {
    fields[`n${i}`] = sql<number>`count(*) filter (where ${c.createdAt} > ${since(l.windowMs)})`.mapWith(Number);
    fields[`o${i}`] = sql<Date | null>`min(${c.createdAt}) filter (where ${c.createdAt} > ${since(l.windowMs)})`.mapWith(c.createdAt);
  });
  const longest = Math.max(...limits.map((l) => l.windowMs));
  const [row] = (await tx.db.select(fields).from(c).where(and(eq(c[scope], key), gt(c.createdAt, new Date(at - longest))))) as Record<string, number | Date | null>[];
  return secondsUntilRoom(limits, limits.map((_, i) => ({ count: Number(row[`n${i}`] ?? 0), oldest: (row[`o${i}`] as Date | null)?.getTime() ?? null })), at);
}

/// Comment intake on PostgreSQL: drizzle queries in one transaction per comment. Transactions run
/// side by side there, so the checks that SQLite's single writer made safe take advisory locks:
/// the sender's account and address (two comments of one sender cannot both pass a limit) and the
/// text (two copies of one campaign text cannot both start a group).
export function postgresCommentIntake(engine: Engine): CommentIntake {
  const { consultations, consultationComments: c } = engine.t;
  return {
    consultation: async (id) => {
      const [row] = await engine.db
        .select({ versionId: consultations.versionId, opensOn: consultations.opensOn, closesOn: consultations.closesOn, moderation: consultations.moderation })
        .from(consultations)
        .where(eq(consultations.id, id))
        .limit(1);
      return row;
    },
    store: (comment, now) =>
      withTransaction(engine, async (tx) => {
        await lockCampaigns(tx, comment.consultationId, 'shared');
        await lockOn(tx, `comment-account:${comment.authorId}`);
        if (comment.addressHash) await lockOn(tx, `comment-address:${comment.addressHash}`);
        await lockOn(tx, `comment-text:${comment.consultationId}:${comment.bodyKey}`);
        const wait = Math.max(
          await waitSeconds(tx, 'authorId', comment.authorId, commentRateLimits.account, comment.at),
          comment.addressHash ? await waitSeconds(tx, 'addressHash', comment.addressHash, commentRateLimits.address, comment.at) : 0,
        );
        if (wait > 0) throw new AppError('too_many_attempts', 'comment_rate_limited', { retryAfterSeconds: wait });
        // Every copy of one text is in the same group (the first copy's), so any copy tells it.
        const [same] = await tx.db
          .select({ id: c.id, groupId: c.groupId })
          .from(c)
          .where(and(eq(c.consultationId, comment.consultationId), eq(c.bodyKey, comment.bodyKey)))
          .limit(1);
        const { at, ...fields } = comment;
        const row = { ...fields, groupId: same ? (same.groupId ?? same.id) : null, createdAt: new Date(at) };
        for (let attempt = 0; attempt < 5; attempt++) {
          const reference = newCommentReference(now);
          // A clash of references skips the row instead of aborting the transaction.
          const written = await tx.db.insert(c).values({ ...row, reference }).onConflictDoNothing({ target: c.reference }).returning({ id: c.id });
          if (written.length > 0) return { id: comment.id, reference, status: comment.status };
        }
        throw new Error('submitComment: five comment references in a row were taken');
      }),
  };
}
