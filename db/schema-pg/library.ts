import { bigint, integer, jsonb, pgTable, text, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { jurisdictionLevels, regulationKinds, versionChanges } from '@/lib/shared/vocabulary';
import { writtenAt, belongsTo } from './columns';

/// A regulation or rule as a work (法规 / 规章), independent of version: stable id and slug.
export const regulations = pgTable(
  'regulations',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    kind: text('kind', { enum: regulationKinds }).notNull(),
    region: text('region'),
    /// Where its authority comes from (lib/library's deriveJurisdiction; the importer may say).
    level: text('level', { enum: jurisdictionLevels }).notNull().default('other'),
    topic: text('topic'),
    enactingBody: text('enacting_body'),
    approvingBody: text('approving_body'),
    createdAt: writtenAt('created_at'),
    updatedAt: writtenAt('updated_at'),
  },
  (t) => [index('regulations_kind_idx').on(t.kind)],
);

export type Regulation = typeof regulations.$inferSelect;
export type NewRegulation = typeof regulations.$inferInsert;

/// The text of a regulation from a date on (文本版本): the original, an amendment (修正) or a
/// revision (修订). Dates are ISO `YYYY-MM-DD` strings so they compare as text.
export const regulationVersions = pgTable(
  'regulation_versions',
  {
    id: text('id').primaryKey(),
    regulationId: belongsTo('regulation_id', () => regulations.id),
    seq: integer('seq').notNull(),
    change: text('change', { enum: versionChanges }).notNull(),
    title: text('title').notNull(),
    adoptedOn: text('adopted_on'),
    approvedOn: text('approved_on'),
    promulgatedOn: text('promulgated_on'),
    effectiveOn: text('effective_on'),
    infoLines: jsonb('info_lines').$type<string[]>().notNull(),
    events: jsonb('events').$type<unknown[]>().notNull(),
    structure: jsonb('structure').$type<unknown>().notNull(),
    sourceText: text('source_text').notNull(),
    createdAt: writtenAt('created_at'),
  },
  (t) => [uniqueIndex('regulation_versions_seq_idx').on(t.regulationId, t.seq), index('regulation_versions_effective_idx').on(t.effectiveOn)],
);

export type RegulationVersion = typeof regulationVersions.$inferSelect;
export type NewRegulationVersion = typeof regulationVersions.$inferInsert;

/// One article (条) of one version, as plain text with its stable eid; the unit of search,
/// citation and history. Labels are derived from `number`/`sub`, never stored.
export const regulationArticles = pgTable(
  'regulation_articles',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    versionId: belongsTo('version_id', () => regulationVersions.id),
    regulationId: belongsTo('regulation_id', () => regulations.id),
    eid: text('eid').notNull(),
    number: integer('number').notNull(),
    sub: integer('sub').notNull().default(0),
    position: integer('position').notNull(),
    chapter: text('chapter'),
    text: text('text').notNull(),
    textHash: text('text_hash').notNull(),
  },
  (t) => [uniqueIndex('regulation_articles_version_eid_idx').on(t.versionId, t.eid), index('regulation_articles_regulation_idx').on(t.regulationId, t.number)],
);

export type RegulationArticle = typeof regulationArticles.$inferSelect;
export type NewRegulationArticle = typeof regulationArticles.$inferInsert;
