import { z } from 'zod';
import { getDatabase, type Db } from '@/db/client';
import { parseInput } from '@/lib/shared';

/// The head of the chain as it stood at the end of one China-time day: the entry with the
/// highest seq stamped that day, and how many entries the day added.
export interface DailyHead {
  day: string;
  seq: number;
  hash: string;
  at: Date;
  entries: number;
}

const dayMs = 86_400_000;
// China keeps UTC+8 all year; a day runs from 16:00 UTC the day before.
const chinaOffsetMs = 8 * 3_600_000;

const pageSchema = z.object({
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(30),
});

/// The heads of past days, newest day first, a page at a time: what the transparency page lists
/// so that anyone can keep one and check later that history up to it was not rewritten. Days are
/// found through the index on `at` (one seek per day, never a scan of the log); a day whose last
/// entry was written before the chain existed and is not sealed yet is left out.
export function listDailyHeads(
  options: { page?: number; pageSize?: number } = {},
  db: Db = getDatabase(),
): { items: DailyHead[]; page: number; pageSize: number; hasMore: boolean } {
  const { page, pageSize } = parseInput(pageSchema, options);
  const client = db.$client;
  const latestBefore = client.prepare('SELECT at FROM audit_events WHERE at < ? ORDER BY at DESC LIMIT 1').pluck();
  const lastOfDay = client.prepare('SELECT max(id) AS id, count(*) AS entries FROM audit_events WHERE at >= ? AND at < ?');
  const entry = client.prepare('SELECT hash, at FROM audit_events WHERE id = ?');
  const skip = (page - 1) * pageSize;
  const items: DailyHead[] = [];
  let hasMore = false;
  let before = Number.MAX_SAFE_INTEGER;
  for (let seen = 0; ; ) {
    const at = latestBefore.get(before) as number | undefined;
    if (at === undefined) break;
    const start = Math.floor((at + chinaOffsetMs) / dayMs) * dayMs - chinaOffsetMs;
    before = start;
    if (seen < skip) {
      seen++;
      continue;
    }
    if (items.length === pageSize) {
      hasMore = true;
      break;
    }
    const last = lastOfDay.get(start, start + dayMs) as { id: number; entries: number };
    const row = entry.get(last.id) as { hash: string | null; at: number };
    if (row.hash === null) continue;
    seen++;
    items.push({ day: new Date(start + chinaOffsetMs).toISOString().slice(0, 10), seq: last.id, hash: row.hash, at: new Date(row.at), entries: last.entries });
  }
  return { items, page, pageSize, hasMore };
}
