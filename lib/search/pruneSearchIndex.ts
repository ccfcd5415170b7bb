import type { Db } from '@/db/client';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { holdSearchIndex, pruneSearchIndexOnPostgres } from './postgresSearchIndex';
import { inSearchTransaction, searchStore, statement } from './searchStore';

/// Removes postings whose article no longer exists (a version deleted outright takes its
/// articles and its `search_versions` row with it by cascade, but not its postings, which stay
/// invisible yet take space and inflate document counts) and recounts document frequencies.
/// A maintenance task: one pass over the postings table. Returns the postings removed.
export function pruneSearchIndex(db: Db): number {
  const store = searchStore(db);
  return inSearchTransaction(store, () => {
    const removed = statement(
      store,
      'DELETE FROM search_postings WHERE NOT EXISTS (SELECT 1 FROM regulation_articles AS a WHERE a.id = search_postings.article_id)',
    ).run().changes;
    if (removed > 0) {
      statement(
        store,
        'UPDATE search_tokens SET df = coalesce((SELECT count(*) FROM search_postings AS p WHERE p.token_id = search_tokens.id), 0)',
      ).run();
      // Posting lists kept in memory (postingCache) are read again.
      statement(store, 'UPDATE search_stats SET generation = generation + 1 WHERE id = 1').run();
    }
    return removed;
  });
}

/// `pruneSearchIndex` on either engine (on PostgreSQL, the counts of the tokens whose postings
/// went are lowered by what went, in the same statement).
export async function pruneSearchIndexOn(engine: Engine): Promise<number> {
  if (engine.kind === 'sqlite') return pruneSearchIndex(engine.db);
  return withTransaction(engine, async (tx) => {
    await holdSearchIndex(tx);
    return pruneSearchIndexOnPostgres(tx);
  });
}
