import { desc, eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';

/// The newest versions added to the library (new regulations and amendments), for the feed. Either engine.
export async function listRecentChanges({ db, t }: Engine, limit = 50) {
  const v = t.regulationVersions;
  return db
    .select({
      regulationId: t.regulations.id,
      slug: t.regulations.slug,
      title: v.title,
      seq: v.seq,
      change: v.change,
      effectiveOn: v.effectiveOn,
      createdAt: v.createdAt,
      infoLines: v.infoLines,
    })
    .from(v)
    .innerJoin(t.regulations, eq(t.regulations.id, v.regulationId))
    .orderBy(desc(v.createdAt), desc(v.seq))
    .limit(limit);
}
