import { eq, sql, type SQL } from 'drizzle-orm';
import { executeOnPostgres, type Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { AppError } from '@/lib/errors';
import type { CommentIntake, CommentToStore } from './commentIntake';
import { commentRateLimits, secondsUntilRoom, type RateWindow } from './commentRateLimits';
import { campaignsLock } from './lockCampaigns';
import { newCommentReference } from './newCommentReference';

type Rows = { rows: Record<string, unknown>[] };

const lock = (key: string) => sql`pg_advisory_xact_lock(hashtextextended(${key}, 0))`;

// One statement takes every lock of a comment: transaction-scoped advisory locks on the sender's
// account and address and on the text, after the shared one on the consultation's groups. Other
// senders and texts never wait for each other. PostgreSQL evaluates a select list in order, so the
// locks are always taken in the order campaigns, account, address, text, and two transactions
// cannot each hold one the other wants.
function locksOf(c: CommentToStore): SQL {
  const locks = [campaignsLock(c.consultationId, 'shared'), lock(`comment-account:${c.authorId}`)];
  if (c.addressHash) locks.push(lock(`comment-address:${c.addressHash}`));
  locks.push(lock(`comment-text:${c.consultationId}:${c.bodyKey}`));
  return sql`select ${sql.join(locks, sql`, `)}`;
}

// What one scope sent inside each of its windows (`n0`, `o0` …, the oldest as epoch milliseconds),
// by an indexed range scan over the longest window; `prefix` names the columns.
function windowCounts(prefix: string, column: SQL, key: string | null, limits: readonly RateWindow[], at: number): SQL {
  const since = (windowMs: number) => new Date(at - windowMs).toISOString();
  const parts = limits.map(
    (l, i) =>
      sql`count(*) filter (where created_at > ${since(l.windowMs)}::timestamptz)::int as ${sql.raw(`${prefix}n${i}`)}, (extract(epoch from min(created_at) filter (where created_at > ${since(l.windowMs)}::timestamptz)) * 1000)::float8 as ${sql.raw(`${prefix}o${i}`)}`,
  );
  const longest = Math.max(...limits.map((l) => l.windowMs));
  return sql`(select ${sql.join(parts, sql`, `)} from consultation_comments where ${column} = ${key} and created_at > ${since(longest)}::timestamptz)`;
}

const countsOf = (row: Record<string, unknown>, prefix: string, limits: readonly RateWindow[]) =>
  limits.map((_, i) => ({ count: Number(row[`${prefix}n${i}`] ?? 0), oldest: row[`${prefix}o${i}`] === null ? null : Math.round(Number(row[`${prefix}o${i}`])) }));

// After the locks, one statement reads the sender's counts in every window of both scopes and an
// earlier copy of the text (every copy of one text is in the first copy's group, so any copy tells
// it: no ordering over a campaign's thousands of rows). No address, no address counts.
function readsOf(c: CommentToStore): SQL {
  const { account, address } = commentRateLimits;
  return sql`select a.*, d.*, s.id as same_id, s.group_id as same_group
    from ${windowCounts('a', sql`author_id`, c.authorId, account, c.at)} a
    cross join ${windowCounts('d', sql`address_hash`, c.addressHash, address, c.at)} d
    left join lateral (select id, group_id from consultation_comments where consultation_id = ${c.consultationId} and body_key = ${c.bodyKey} limit 1) s on true`;
}

// The insert under a fresh reference; a clash of references inserts nothing (no row returned)
// instead of aborting the transaction.
function insertOf(c: CommentToStore, reference: string, groupId: string | null): SQL {
  return sql`insert into consultation_comments (id, consultation_id, reference, author_id, article_eid, body, proposed_text, proposed_diff, status, body_key, group_id, address_hash, created_at)
    values (${c.id}, ${c.consultationId}, ${reference}, ${c.authorId}, ${c.articleEid}, ${c.body}, ${c.proposedText}, ${c.proposedDiff && JSON.stringify(c.proposedDiff)}::jsonb, ${c.status}, ${c.bodyKey}, ${groupId}, ${c.addressHash}, ${new Date(c.at).toISOString()}::timestamptz)
    on conflict (reference) do nothing returning id`;
}

/// Comment intake on PostgreSQL: one transaction per comment. Transactions run side by side
/// there, so the checks that SQLite's single writer made safe take advisory locks: the sender's
/// account and address (two comments of one sender cannot both pass a limit) and the text (two
/// copies of one campaign text cannot both start a group), after a shared lock on the
/// consultation's groups that only `groupCampaigns` waits for. Four statements between BEGIN and
/// COMMIT — locks, reads, insert — as SQL of its own: each round trip and each query drizzle builds
/// costs this process CPU, which bounds the rate (measured: 11 drizzle-built statements gave ~440
/// comments/s with 32 in flight, where one insert alone gave ~4,000/s).
export function postgresCommentIntake(engine: Engine): CommentIntake {
  const { consultations } = engine.t;
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
        await executeOnPostgres(tx, locksOf(comment));
        const { rows } = (await executeOnPostgres(tx, readsOf(comment))) as Rows;
        const [row] = rows;
        const wait = Math.max(
          secondsUntilRoom(commentRateLimits.account, countsOf(row, 'a', commentRateLimits.account), comment.at),
          secondsUntilRoom(commentRateLimits.address, countsOf(row, 'd', commentRateLimits.address), comment.at),
        );
        if (wait > 0) throw new AppError('too_many_attempts', 'comment_rate_limited', { retryAfterSeconds: wait });
        const groupId = row.same_id === null ? null : ((row.same_group as string | null) ?? (row.same_id as string));
        for (let attempt = 0; attempt < 5; attempt++) {
          const reference = newCommentReference(now);
          const written = (await executeOnPostgres(tx, insertOf(comment, reference, groupId))) as Rows;
          if (written.rows.length > 0) return { id: comment.id, reference, status: comment.status };
        }
        throw new Error('submitComment: five comment references in a row were taken');
      }),
  };
}
