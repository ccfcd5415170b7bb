import type { Db } from '@/db/client';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { indexVersion } from './indexVersion';
import { holdSearchIndex, indexVersionsOnPostgres, removeVersionPostingsOnPostgres } from './postgresSearchIndex';
import { searchStore, inSearchTransaction } from './searchStore';
import { removeVersionPostings } from './unindexVersion';

/// A move of the index from one version of a regulation to another.
export type SearchIndexChange = { index?: string; unindex?: string };

/// Moves the index from one version of a regulation to another in one transaction; lib/library
/// calls it whenever a regulation's current version changes.
export function applySearchIndexChange(db: Db, change: SearchIndexChange): void {
  const store = searchStore(db);
  inSearchTransaction(store, () => {
    if (change.unindex && change.unindex !== change.index) removeVersionPostings(store, change.unindex);
    if (change.index) indexVersion(db, change.index);
  });
}

/// `applySearchIndexChange` on either engine, in one transaction on each.
export async function applySearchIndexChangeOn(engine: Engine, change: SearchIndexChange): Promise<void> {
  if (engine.kind === 'sqlite') return applySearchIndexChange(engine.db, change);
  await withTransaction(engine, async (tx) => {
    await holdSearchIndex(tx);
    if (change.unindex && change.unindex !== change.index) await removeVersionPostingsOnPostgres(tx, change.unindex);
    if (change.index) await indexVersionsOnPostgres(tx, [change.index]);
  });
}
