import type { Db } from '@/db/client';
import { indexVersion } from './indexVersion';
import { searchStore, inSearchTransaction } from './searchStore';
import { removeVersionPostings } from './unindexVersion';

/// Moves the index from one version of a regulation to another in one transaction; lib/library
/// calls it whenever a regulation's current version changes.
export function applySearchIndexChange(db: Db, change: { index?: string; unindex?: string }): void {
  const store = searchStore(db);
  inSearchTransaction(store, () => {
    if (change.unindex && change.unindex !== change.index) removeVersionPostings(store, change.unindex);
    if (change.index) indexVersion(db, change.index);
  });
}
