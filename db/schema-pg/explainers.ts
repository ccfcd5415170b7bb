import { index, integer, jsonb, primaryKey, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { explainerKinds, explainerStatuses } from '@/lib/shared/vocabulary';
import { belongsTo, moment, writtenAt } from './columns';
import { regulations } from './library';
import { users } from './users';

/// A piece of legal-aid or legal-education content (释义, 普法, 法律援助指南, 问答) in Markdown. Its
/// citations are resolved against the law as in force on `asOf`, the date the content speaks of.
export const explainers = pgTable(
  'explainers',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: explainerKinds }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    topics: jsonb('topics').$type<string[]>().notNull(),
    status: text('status', { enum: explainerStatuses }).notNull(),
    asOf: text('as_of').notNull(),
    /// Citations the author confirmed are meant to name nothing in the library (e.g. a national law).
    intendedCitations: jsonb('intended_citations').$type<string[]>().notNull(),
    revision: integer('revision').notNull(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    reviewNote: text('review_note'),
    reviewedBy: text('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: moment('approved_at'),
    createdAt: writtenAt('created_at'),
    updatedAt: writtenAt('updated_at'),
  },
  (t) => [index('explainers_status_idx').on(t.status, t.kind), index('explainers_author_idx').on(t.authorId)],
);

export type Explainer = typeof explainers.$inferSelect;
export type NewExplainer = typeof explainers.$inferInsert;

/// The regulations a piece of content concerns, in order; the first is the one 本条例 and bare
/// article numbers in it refer to.
export const explainerRegulations = pgTable(
  'explainer_regulations',
  {
    explainerId: belongsTo('explainer_id', () => explainers.id),
    regulationId: belongsTo('regulation_id', () => regulations.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.explainerId, t.regulationId] }), index('explainer_regulations_regulation_idx').on(t.regulationId)],
);

/// Every saved state of a piece of content (1, 2, …), so each edit can be compared with the last.
export const explainerRevisions = pgTable(
  'explainer_revisions',
  {
    id: text('id').primaryKey(),
    explainerId: belongsTo('explainer_id', () => explainers.id),
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    at: moment('at').notNull(),
  },
  (t) => [uniqueIndex('explainer_revisions_seq_idx').on(t.explainerId, t.seq)],
);

export type ExplainerRevision = typeof explainerRevisions.$inferSelect;
