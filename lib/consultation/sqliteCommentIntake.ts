import type Database from 'better-sqlite3';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import type { CommentIntake, CommentToStore, IntakeConsultation } from './commentIntake';
import { commentRateLimits, secondsUntilRoom, type RateWindow } from './commentRateLimits';
import { newCommentReference } from './newCommentReference';
import type { CommentReceipt } from './types';

type Row = [string, string, string, string, string | null, string, string | null, string | null, CommentToStore['status'], string, string | null, string | null, number];

/// The statements of the hot path, prepared once per connection: raw better-sqlite3, because
/// building a drizzle query costs more than running it (measured: ~45–55 µs per drizzle select
/// against ~7 µs for the same prepared statement; five statements per comment).
type Statements = {
  consultation: Database.Statement<[string], IntakeConsultation>;
  account: Database.Statement<(string | number)[], Record<string, number | null>>;
  address: Database.Statement<(string | number)[], Record<string, number | null>>;
  sameBody: Database.Statement<[string, string], { id: string; groupId: string | null }>;
  insert: Database.Statement<Row>;
  write: Database.Transaction<(fn: () => CommentReceipt) => CommentReceipt>;
};
const prepared = new WeakMap<Database.Database, Statements>();

// One indexed range scan per scope, over its longest window, counting every window at once:
// (author_id, created_at) and (address_hash, created_at) are indexed.
function windowCounts(column: 'author_id' | 'address_hash', limits: readonly RateWindow[]): string {
  const parts = limits.map((_, i) => `count(*) filter (where created_at > ?) as n${i}, min(created_at) filter (where created_at > ?) as o${i}`);
  return `select ${parts.join(', ')} from consultation_comments where ${column} = ? and created_at > ?`;
}

function statementsOf(sqlite: Database.Database): Statements {
  let s = prepared.get(sqlite);
  if (!s) {
    s = {
      consultation: sqlite.prepare('select version_id as versionId, opens_on as opensOn, closes_on as closesOn, moderation from consultations where id = ?'),
      account: sqlite.prepare(windowCounts('author_id', commentRateLimits.account)),
      address: sqlite.prepare(windowCounts('address_hash', commentRateLimits.address)),
      // Index entries with equal keys are in rowid order, so this is the first such comment.
      sameBody: sqlite.prepare('select id, group_id as groupId from consultation_comments where consultation_id = ? and body_key = ? limit 1'),
      insert: sqlite.prepare(
        `insert into consultation_comments (id, consultation_id, reference, author_id, article_eid, body, proposed_text, proposed_diff, status, body_key, group_id, address_hash, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      write: sqlite.transaction((fn: () => CommentReceipt) => fn()),
    };
    prepared.set(sqlite, s);
  }
  return s;
}

function waitSeconds(stmt: Statements['account'], key: string, limits: readonly RateWindow[], now: number): number {
  const longest = Math.max(...limits.map((l) => l.windowMs));
  const row = stmt.get(...limits.flatMap((l) => [now - l.windowMs, now - l.windowMs]), key, now - longest)!;
  return secondsUntilRoom(limits, limits.map((_, i) => ({ count: row[`n${i}`] ?? 0, oldest: row[`o${i}`] })), now);
}

const isReferenceClash = (e: unknown) =>
  e instanceof Error && (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && e.message.includes('consultation_comments.reference');

/// Comment intake on SQLite: prepared statements, and one immediate transaction of at most four
/// indexed statements per comment (the write lock is what keeps two comments from both slipping
/// under a limit).
export function sqliteCommentIntake(db: Db): CommentIntake {
  const s = statementsOf(db.$client);
  return {
    consultation: async (id) => s.consultation.get(id),
    store: async (c, now) =>
      s.write.immediate(() => {
        const wait = Math.max(
          waitSeconds(s.account, c.authorId, commentRateLimits.account, c.at),
          c.addressHash ? waitSeconds(s.address, c.addressHash, commentRateLimits.address, c.at) : 0,
        );
        if (wait > 0) throw new AppError('too_many_attempts', 'comment_rate_limited', { retryAfterSeconds: wait });
        const same = s.sameBody.get(c.consultationId, c.bodyKey);
        const groupId = same ? (same.groupId ?? same.id) : null;
        const diff = c.proposedDiff && JSON.stringify(c.proposedDiff);
        for (let attempt = 0; ; attempt++) {
          const reference = newCommentReference(now);
          try {
            s.insert.run(c.id, c.consultationId, reference, c.authorId, c.articleEid, c.body, c.proposedText, diff, c.status, c.bodyKey, groupId, c.addressHash, c.at);
            return { id: c.id, reference, status: c.status };
          } catch (e) {
            if (!isReferenceClash(e) || attempt >= 4) throw e;
          }
        }
      }),
  };
}
