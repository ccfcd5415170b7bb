import { bigint, boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { billStages, notificationKinds, signoffDecisions } from '@/lib/shared/vocabulary';
import { belongsTo, bytea, moment, writtenAt } from './columns';
import { bills } from './drafting';
import { consultations } from './consultation';
import { users } from './users';
import { draftVersions } from './versioning';

/// Each move of a bill from one stage to another, in order (`seq` 1, 2, …): forward, back for
/// rework (退回修改), past an optional stage, or to an end (撤回, 搁置). The versions frozen and the
/// consultation opened on the way are linked here.
export const billTransitions = pgTable(
  'bill_transitions',
  {
    id: text('id').primaryKey(),
    billId: belongsTo('bill_id', () => bills.id),
    seq: integer('seq').notNull(),
    fromStage: text('from_stage', { enum: billStages }).notNull(),
    toStage: text('to_stage', { enum: billStages }).notNull(),
    note: text('note').notNull(),
    reason: text('reason'),
    actorId: text('actor_id').references(() => users.id),
    versionId: text('version_id').references(() => draftVersions.id),
    consultationId: text('consultation_id').references(() => consultations.id),
    at: moment('at').notNull(),
  },
  (t) => [uniqueIndex('bill_transitions_seq_idx').on(t.billId, t.seq)],
);

export type BillTransition = typeof billTransitions.$inferSelect;
export type NewBillTransition = typeof billTransitions.$inferInsert;

/// A request that a reviewer approve the current text before the bill enters `stage`, and the
/// reviewer's decision. `textMark` is the draft's position (its last update) when decided: the
/// approval holds only while the text stays as it was.
export const billSignoffs = pgTable(
  'bill_signoffs',
  {
    id: text('id').primaryKey(),
    billId: belongsTo('bill_id', () => bills.id),
    stage: text('stage', { enum: billStages }).notNull(),
    requestedBy: text('requested_by').references(() => users.id),
    reviewerId: text('reviewer_id')
      .notNull()
      .references(() => users.id),
    requestNote: text('request_note').notNull().default(''),
    requestedAt: moment('requested_at').notNull(),
    decision: text('decision', { enum: signoffDecisions }),
    note: text('note'),
    textMark: bigint('text_mark', { mode: 'number' }),
    decidedAt: moment('decided_at'),
    transitionId: text('transition_id').references(() => billTransitions.id),
  },
  (t) => [index('bill_signoffs_bill_idx').on(t.billId, t.stage), index('bill_signoffs_reviewer_idx').on(t.reviewerId)],
);

export type BillSignoff = typeof billSignoffs.$inferSelect;
export type NewBillSignoff = typeof billSignoffs.$inferInsert;

/// A vote on a bill at `vote` (表决): the tally of the whole text, and optional separate votes on
/// contentious articles (单独表决) by eid.
export const billVotes = pgTable(
  'bill_votes',
  {
    id: text('id').primaryKey(),
    billId: belongsTo('bill_id', () => bills.id),
    composition: integer('composition').notNull(),
    present: integer('present').notNull(),
    votesFor: integer('votes_for').notNull(),
    votesAgainst: integer('votes_against').notNull(),
    abstentions: integer('abstentions').notNull(),
    passed: boolean('passed').notNull(),
    articles: jsonb('articles').$type<{ eid: string; for: number; against: number; abstain: number; passed: boolean }[]>().notNull(),
    recordedBy: text('recorded_by').references(() => users.id),
    at: moment('at').notNull(),
  },
  (t) => [index('bill_votes_bill_idx').on(t.billId)],
);

export type BillVote = typeof billVotes.$inferSelect;
export type NewBillVote = typeof billVotes.$inferInsert;

/// A file that goes with a transition (a report, a letter of approval): PDF or Word, kept in
/// the database with its size and SHA-256.
export const billAttachments = pgTable(
  'bill_attachments',
  {
    id: text('id').primaryKey(),
    billId: belongsTo('bill_id', () => bills.id),
    transitionId: text('transition_id').references(() => billTransitions.id),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    body: bytea('body').notNull(),
    uploadedBy: text('uploaded_by').references(() => users.id),
    at: writtenAt('at'),
  },
  (t) => [index('bill_attachments_bill_idx').on(t.billId)],
);

export type BillAttachment = typeof billAttachments.$inferSelect;
export type NewBillAttachment = typeof billAttachments.$inferInsert;

/// A person's inbox: what happened that concerns them, written in the same transaction as the
/// event. `detail` holds what the message names (stage, deadline, article).
export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: belongsTo('user_id', () => users.id),
    billId: text('bill_id').references(() => bills.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    detail: jsonb('detail').$type<Record<string, string | number>>().notNull(),
    /// Deadline notices are sent once per bill, deadline and kind: this key makes that so.
    dedupeKey: text('dedupe_key').unique(),
    createdAt: writtenAt('created_at'),
    readAt: moment('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt)],
);

export type Notification = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;
