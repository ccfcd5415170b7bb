import { bigint, primaryKey, pgTable, text, index } from 'drizzle-orm/pg-core';
import { users } from './users';
import { regulations } from './library';
import { billKinds, billStages, memberRoles } from '@/lib/shared/vocabulary';
import { writtenAt, moment, belongsTo, bytea } from './columns';

/// A bill in progress (立法项目): one draft being prepared, with its stage and members.
export const bills = pgTable(
  'bills',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    kind: text('kind', { enum: billKinds }).notNull(),
    sponsor: text('sponsor'),
    stage: text('stage', { enum: billStages }).notNull().default('drafting'),
    /// Set for an amendment draft: the regulation being amended.
    regulationId: text('regulation_id').references(() => regulations.id, { onDelete: 'set null' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: writtenAt('created_at'),
  },
  (t) => [index('bills_created_idx').on(t.createdAt)],
);

export type Bill = typeof bills.$inferSelect;
export type NewBill = typeof bills.$inferInsert;

/// Who works on a bill: editors type in the draft, reviewers read and comment.
export const billMembers = pgTable(
  'bill_members',
  {
    billId: belongsTo('bill_id', () => bills.id),
    userId: belongsTo('user_id', () => users.id),
    role: text('role', { enum: memberRoles }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.billId, t.userId] }), index('bill_members_user_idx').on(t.userId)],
);

export type BillMember = typeof billMembers.$inferSelect;
export type NewBillMember = typeof billMembers.$inferInsert;

/// The live collaborative document of a bill (草案, one Yjs document). `snapshot` is the
/// compacted Yjs state up to `snapshotUpdateId`; later updates are in `draft_updates`.
export const drafts = pgTable('drafts', {
  id: text('id').primaryKey(),
  billId: text('bill_id')
    .notNull()
    .unique()
    .references(() => bills.id, { onDelete: 'cascade' }),
  snapshot: bytea('snapshot'),
  snapshotUpdateId: bigint('snapshot_update_id', { mode: 'number' }).notNull().default(0),
  createdAt: writtenAt('created_at'),
  updatedAt: writtenAt('updated_at'),
});

export type Draft = typeof drafts.$inferSelect;
export type NewDraft = typeof drafts.$inferInsert;

/// Every accepted Yjs update of a draft, appended before it is relayed to anyone.
export const draftUpdates = pgTable(
  'draft_updates',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    draftId: belongsTo('draft_id', () => drafts.id),
    update: bytea('update').notNull(),
    userId: text('user_id'),
    createdAt: moment('created_at').notNull(),
  },
  (t) => [index('draft_updates_draft_idx').on(t.draftId, t.id)],
);

export type DraftUpdate = typeof draftUpdates.$inferSelect;
export type NewDraftUpdate = typeof draftUpdates.$inferInsert;

/// Short-lived, single-use tickets for opening a draft's collaboration socket; only a SHA-256 is
/// stored. A ticket belongs to the session that asked for it and dies with it.
export const collabTickets = pgTable('collab_tickets', {
  hash: text('hash').primaryKey(),
  draftId: belongsTo('draft_id', () => drafts.id),
  userId: belongsTo('user_id', () => users.id),
  expiresAt: moment('expires_at').notNull(),
  sessionId: text('session_id'),
});

export type CollabTicket = typeof collabTickets.$inferSelect;
export type NewCollabTicket = typeof collabTickets.$inferInsert;

/// Internal comments of staff on a draft, anchored to an article by eid so they stay on it when
/// articles are renumbered; threaded through `parentId` and resolvable.
export const draftComments = pgTable(
  'draft_comments',
  {
    id: text('id').primaryKey(),
    draftId: belongsTo('draft_id', () => drafts.id),
    articleEid: text('article_eid').notNull(),
    parentId: text('parent_id'),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    resolvedAt: moment('resolved_at'),
    resolvedBy: text('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: moment('created_at').notNull(),
  },
  (t) => [index('draft_comments_draft_idx').on(t.draftId, t.articleEid)],
);

export type DraftComment = typeof draftComments.$inferSelect;
export type NewDraftComment = typeof draftComments.$inferInsert;
