import { desc, eq } from 'drizzle-orm';
import { regulations, regulationVersions } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';

/// The newest versions added to the library (new regulations and amendments), for the feed.
export function listRecentChanges(limit = 50, db: Db = getDatabase()) {
  return db
    .select({
      regulationId: regulations.id,
      slug: regulations.slug,
      title: regulationVersions.title,
      seq: regulationVersions.seq,
      change: regulationVersions.change,
      effectiveOn: regulationVersions.effectiveOn,
      createdAt: regulationVersions.createdAt,
      infoLines: regulationVersions.infoLines,
    })
    .from(regulationVersions)
    .innerJoin(regulations, eq(regulations.id, regulationVersions.regulationId))
    .orderBy(desc(regulationVersions.createdAt), desc(regulationVersions.seq))
    .limit(limit)
    .all();
}
