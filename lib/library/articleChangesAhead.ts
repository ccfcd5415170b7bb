import { eq } from 'drizzle-orm';
import * as schema from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import type { Engine } from '@/db/engine';

/// How an article of the text shown fares in a later version: changed (with its number there) or
/// deleted.
export type ArticleAhead = { change: 'modified'; number: number; sub: number } | { change: 'deleted' };

type ArticleRow = { eid: string; hash: string; number: number; sub: number };
const selectArticles = (db: Pick<Db, 'select'>, t: Pick<typeof schema, 'regulationArticles'>, versionId: string) => {
  const a = t.regulationArticles;
  return db.select({ eid: a.eid, hash: a.textHash, number: a.number, sub: a.sub }).from(a).where(eq(a.versionId, versionId));
};

/// The articles of version `shownId` that a later version `laterId` changes or deletes, by eid
/// (articles keep their eids through a publication or a consolidated amendment; an unchanged
/// article, even renumbered, is not listed). SQLite; `articleChangesAheadOn` on either engine.
export function articleChangesAhead(shownId: string, laterId: string, db: Db = getDatabase()): Map<string, ArticleAhead> {
  return changesAhead(selectArticles(db, schema, shownId).all(), selectArticles(db, schema, laterId).all());
}

/// `articleChangesAhead` on either engine.
export async function articleChangesAheadOn({ db, t }: Engine, shownId: string, laterId: string): Promise<Map<string, ArticleAhead>> {
  return changesAhead(await selectArticles(db, t, shownId), await selectArticles(db, t, laterId));
}

function changesAhead(shownRows: ArticleRow[], laterRows: ArticleRow[]): Map<string, ArticleAhead> {
  const later = new Map(laterRows.map((r) => [r.eid, r]));
  const out = new Map<string, ArticleAhead>();
  for (const a of new Map(shownRows.map((r) => [r.eid, r])).values()) {
    const b = later.get(a.eid);
    if (!b) out.set(a.eid, { change: 'deleted' });
    else if (b.hash !== a.hash) out.set(a.eid, { change: 'modified', number: b.number, sub: b.sub });
  }
  return out;
}
