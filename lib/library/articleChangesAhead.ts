import { eq } from 'drizzle-orm';
import { regulationArticles } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';

/// How an article of the text shown fares in a later version: changed (with its number there) or
/// deleted.
export type ArticleAhead = { change: 'modified'; number: number; sub: number } | { change: 'deleted' };

/// The articles of version `shownId` that a later version `laterId` changes or deletes, by eid
/// (articles keep their eids through a publication or a consolidated amendment; an unchanged
/// article, even renumbered, is not listed).
export function articleChangesAhead(shownId: string, laterId: string, db: Db = getDatabase()): Map<string, ArticleAhead> {
  const read = (versionId: string) =>
    new Map(db.select({ eid: regulationArticles.eid, hash: regulationArticles.textHash, number: regulationArticles.number, sub: regulationArticles.sub }).from(regulationArticles).where(eq(regulationArticles.versionId, versionId)).all().map((r) => [r.eid, r]));
  const [shown, later] = [read(shownId), read(laterId)];
  const out = new Map<string, ArticleAhead>();
  for (const [eid, a] of shown) {
    const b = later.get(eid);
    if (!b) out.set(eid, { change: 'deleted' });
    else if (b.hash !== a.hash) out.set(eid, { change: 'modified', number: b.number, sub: b.sub });
  }
  return out;
}
