import { bigint, index, integer, jsonb, primaryKey, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './users';
import { drafts } from './drafting';
import { writtenAt, moment, belongsTo, bytea } from './columns';

/// A frozen, named snapshot of a draft (稿: 征求意见稿, 一审稿, 表决稿 …), numbered 1, 2, 3 … per
/// draft. It keeps the full Yjs state (so any later comparison or restore starts from the exact
/// text) and the `parse` JSON of the text at that moment. Rows are never updated.
export const draftVersions = pgTable(
  'draft_versions',
  {
    id: text('id').primaryKey(),
    draftId: belongsTo('draft_id', () => drafts.id),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    note: text('note'),
    /// `frozen` when something froze the text automatically (a consultation opening).
    kind: text('kind', { enum: ['manual', 'frozen'] }).notNull(),
    /// What froze it, e.g. `consultation:<id>`.
    reason: text('reason'),
    yjsState: bytea('yjs_state').notNull(),
    stateVector: bytea('state_vector').notNull(),
    /// The highest `draft_updates` id included in `yjsState` (0 when only the initial snapshot).
    lastUpdateId: bigint('last_update_id', { mode: 'number' }).notNull(),
    /// The text as `ParseJson` (JSON).
    structure: text('structure').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: writtenAt('created_at'),
  },
  (t) => [uniqueIndex('draft_versions_draft_seq_idx').on(t.draftId, t.seq)],
);

export type DraftVersion = typeof draftVersions.$inferSelect;
export type NewDraftVersion = typeof draftVersions.$inferInsert;

/// One article of a version, in text order: its derived number and label, its plain text, and
/// what happened to it since the previous version of the same draft (matched by eid) and who did it.
export const draftVersionArticles = pgTable(
  'draft_version_articles',
  {
    versionId: belongsTo('version_id', () => draftVersions.id),
    /// 0-based order in the text.
    position: integer('position').notNull(),
    eid: text('eid').notNull(),
    number: integer('number').notNull(),
    sub: integer('sub'),
    label: text('label').notNull(),
    /// Enclosing headings, outermost first, e.g. `["第二章　管理"]` (JSON).
    headingPath: jsonb('heading_path').$type<string[]>().notNull(),
    /// `articleText` (lib/legal-text): one line per 款, 项 and 目.
    text: text('text').notNull(),
    /// SHA-256 (hex) of `text`.
    textHash: text('text_hash').notNull(),
    change: text('change', { enum: ['added', 'modified', 'unchanged'] }).notNull(),
    /// Ids of the users whose edits touched the article since the previous version (JSON).
    authors: jsonb('authors').$type<string[]>().notNull(),
    /// Time of the last edit that touched the article since the previous version.
    changedAt: moment('changed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.versionId, t.position] }),
    index('draft_version_articles_version_eid_idx').on(t.versionId, t.eid),
    index('draft_version_articles_eid_idx').on(t.eid),
  ],
);

export type DraftVersionArticle = typeof draftVersionArticles.$inferSelect;
export type NewDraftVersionArticle = typeof draftVersionArticles.$inferInsert;

/// Who made which Yjs items of a draft: one row per run of inserted structs or deleted range of
/// one client in one stored update. Written when updates are compacted into the snapshot (the
/// update rows and their `user_id` are gone afterwards), read to attribute article changes.
export const draftEditSpans = pgTable(
  'draft_edit_spans',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    draftId: belongsTo('draft_id', () => drafts.id),
    /// The `draft_updates` id the span came from.
    updateId: bigint('update_id', { mode: 'number' }).notNull(),
    userId: text('user_id'),
    createdAt: moment('created_at').notNull(),
    kind: text('kind', { enum: ['insert', 'delete'] }).notNull(),
    client: bigint('client', { mode: 'number' }).notNull(),
    clock: bigint('clock', { mode: 'number' }).notNull(),
    len: bigint('len', { mode: 'number' }).notNull(),
  },
  (t) => [index('draft_edit_spans_client_idx').on(t.draftId, t.client, t.clock), index('draft_edit_spans_update_idx').on(t.draftId, t.updateId)],
);

export type DraftEditSpan = typeof draftEditSpans.$inferSelect;
export type NewDraftEditSpan = typeof draftEditSpans.$inferInsert;
