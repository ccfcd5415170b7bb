import { and, count, desc, eq, gte, lt, max } from 'drizzle-orm';
import { z } from 'zod';
import type { Engine } from '@/db/engine';
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
/// entry was written before the chain existed and is not sealed yet is left out. Either engine.
export async function listDailyHeads(
  { db, t }: Engine,
  options: { page?: number; pageSize?: number } = {},
): Promise<{ items: DailyHead[]; page: number; pageSize: number; hasMore: boolean }> {
  const { page, pageSize } = parseInput(pageSchema, options);
  const a = t.auditEvents;
  const latestBefore = async (before: Date | null) => (await db.select({ at: a.at }).from(a).where(before ? lt(a.at, before) : undefined).orderBy(desc(a.at)).limit(1))[0]?.at.getTime();
  const skip = (page - 1) * pageSize;
  const items: DailyHead[] = [];
  let hasMore = false;
  let before: Date | null = null;
  for (let seen = 0; ; ) {
    const at = await latestBefore(before);
    if (at === undefined) break;
    const start = Math.floor((at + chinaOffsetMs) / dayMs) * dayMs - chinaOffsetMs;
    before = new Date(start);
    if (seen < skip) {
      seen++;
      continue;
    }
    if (items.length === pageSize) {
      hasMore = true;
      break;
    }
    const [last] = await db.select({ id: max(a.id), entries: count() }).from(a).where(and(gte(a.at, new Date(start)), lt(a.at, new Date(start + dayMs))));
    const [row] = await db.select({ hash: a.hash, at: a.at }).from(a).where(eq(a.id, Number(last.id)));
    if (row.hash === null) continue;
    seen++;
    items.push({ day: new Date(start + chinaOffsetMs).toISOString().slice(0, 10), seq: Number(last.id), hash: row.hash, at: row.at, entries: last.entries });
  }
  return { items, page, pageSize, hasMore };
}
