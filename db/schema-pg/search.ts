import { bigint, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { regulations, regulationVersions } from './library';
import { writtenAt, belongsTo } from './columns';

/// The dictionary of full-text index tokens (a CJK character, a pair of adjacent CJK characters,
/// or a lower-cased latin/digit word) with the number of indexed articles that contain each
/// (`df`) and the highest posting score ever stored for it (`max_score`, an upper bound used to
/// stop multi-word searches early; it is not lowered when articles are unindexed). Ids are never
/// reused or deleted, so a process may cache token → id.
///
/// Two tables of lib/search are declared in the custom migration `0003_search_postings.sql`,
/// not here: `search_postings`, because drizzle cannot declare a `WITHOUT ROWID` table with a
/// descending key — `(token_id, score DESC, article_id)` is its primary key, so the best `k`
/// articles for a token are the first `k` entries of one B-tree range — and `search_stats`
/// (one row: indexed versions and articles), because triggers on `search_versions` keep it.
/// On PostgreSQL they, and those triggers, are hand-written SQL too.
/// See lib/search/README.md.
export const searchTokens = pgTable('search_tokens', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  token: text('token').notNull().unique(),
  df: bigint('df', { mode: 'number' }).notNull().default(0),
  maxScore: integer('max_score').notNull().default(0),
});

export type SearchToken = typeof searchTokens.$inferSelect;
export type NewSearchToken = typeof searchTokens.$inferInsert;

/// The regulation versions whose articles are in the full-text index (normally the current
/// version of each regulation): what `indexVersion` wrote, so that `unindexVersion` can take it
/// out again. `text_hash` fingerprints the indexed article ids and texts; `article_ids` lets the
/// postings be removed even when the article rows changed or disappeared.
export const searchVersions = pgTable(
  'search_versions',
  {
    versionId: text('version_id')
      .primaryKey()
      .references(() => regulationVersions.id, { onDelete: 'cascade' }),
    regulationId: belongsTo('regulation_id', () => regulations.id),
    articles: integer('articles').notNull(),
    postings: bigint('postings', { mode: 'number' }).notNull(),
    textHash: bigint('text_hash', { mode: 'number' }).notNull(),
    articleIds: jsonb('article_ids').$type<number[]>().notNull(),
    indexedAt: writtenAt('indexed_at'),
  },
  (t) => [index('search_versions_regulation_idx').on(t.regulationId)],
);

export type SearchVersion = typeof searchVersions.$inferSelect;
export type NewSearchVersion = typeof searchVersions.$inferInsert;

/// One row of `search_postings` (declared in SQL, see `searchTokens`): the precomputed score of
/// one token in one article, BM25 term-frequency saturation × length normalisation scaled to an
/// integer (lib/search/scoreToken.ts); idf is applied at query time.
export interface SearchPosting {
  tokenId: number;
  score: number;
  articleId: number;
}
