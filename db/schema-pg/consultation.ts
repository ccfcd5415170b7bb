import { sql } from 'drizzle-orm';
import { index, jsonb, primaryKey, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './users';
import { bills, drafts } from './drafting';
import { draftVersions } from './versioning';
import { commentStatuses, dispositions, moderationModes, rejectReasons } from '@/lib/shared/vocabulary';
import { moment, belongsTo, bytea } from './columns';

/// A public consultation (征求意见) on one frozen version of a draft, open from `opensOn` to
/// `closesOn` inclusive (ISO dates, China time). Under 30 days needs `shortReason`.
export const consultations = pgTable(
  'consultations',
  {
    id: text('id').primaryKey(),
    billId: belongsTo('bill_id', () => bills.id),
    draftId: belongsTo('draft_id', () => drafts.id),
    versionId: text('version_id')
      .notNull()
      .references(() => draftVersions.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /// 起草说明: why the draft is needed and what it does.
    explanation: text('explanation').notNull(),
    /// Questions the drafters ask the public, in order.
    questions: jsonb('questions').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    opensOn: text('opens_on').notNull(),
    closesOn: text('closes_on').notNull(),
    shortReason: text('short_reason'),
    /// `pre`: comments wait in the queue until a moderator publishes them; `post`: they show at
    /// once and moderators may take them down.
    moderation: text('moderation', { enum: moderationModes }).notNull(),
    /// When the 征求意见情况通报 (public report) was published; null until then.
    reportPublishedAt: moment('report_published_at'),
    /// The staff's summary paragraph at the head of the public report.
    reportSummary: text('report_summary'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: moment('created_at').notNull(),
  },
  (t) => [index('consultations_dates_idx').on(t.closesOn, t.opensOn), index('consultations_bill_idx').on(t.billId)],
);

export type Consultation = typeof consultations.$inferSelect;
export type NewConsultation = typeof consultations.$inferInsert;

/// A comment (意见) from a signed-in member of the public, on the whole draft (no eid) or on one
/// article by eid, optionally proposing replacement text. `reference` is the receipt number.
export const consultationComments = pgTable(
  'consultation_comments',
  {
    id: text('id').primaryKey(),
    consultationId: belongsTo('consultation_id', () => consultations.id),
    reference: text('reference').notNull(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    articleEid: text('article_eid'),
    body: text('body').notNull(),
    proposedText: text('proposed_text'),
    /// The word difference from the article's text in the consulted version to `proposedText`
    /// (runs of equal, deleted and inserted text, as lib/legal-text's `wordDiff` gives them),
    /// computed once when the comment is stored so that no page view diffs. Null without a
    /// proposal or an article, and for rows stored before the column existed until the public
    /// list first reads them (it fills them in and writes them back).
    proposedDiff: jsonb('proposed_diff').$type<{ op: 'equal' | 'delete' | 'insert'; text: string }[]>(),
    status: text('status', { enum: commentStatuses }).notNull(),
    rejectReason: text('reject_reason', { enum: rejectReasons }),
    moderatedBy: text('moderated_by').references(() => users.id, { onDelete: 'set null' }),
    moderatedAt: moment('moderated_at'),
    /// SHA-256 of the body with spacing and punctuation removed: identical campaign texts share it.
    bodyKey: text('body_key').notNull(),
    /// The campaign group: the id of the first comment of a group of identical or near-identical
    /// comments (null until grouped; a comment alone is its own group).
    groupId: text('group_id'),
    tags: jsonb('tags').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    assigneeId: text('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    /// A keyed hash (HMAC) of the sender's network address, for the per-address rate limit
    /// (lib/consultation/addressKey.ts); never the address itself, never shown.
    addressHash: text('address_hash'),
    createdAt: moment('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('consultation_comments_reference_idx').on(t.reference),
    // Counts per article read only this index; a page of one article's comments in the order
    // sent walks it in order (created_at, then rowid) instead of sorting all of them.
    // (PostgreSQL has no rowid: the tie-break of equal created_at needs another column there.)
    index('consultation_comments_consultation_idx').on(t.consultationId, t.status, t.articleEid, t.createdAt),
    index('consultation_comments_author_idx').on(t.authorId, t.createdAt),
    index('consultation_comments_address_idx').on(t.addressHash, t.createdAt),
    index('consultation_comments_key_idx').on(t.consultationId, t.bodyKey),
  ],
);

export type ConsultationComment = typeof consultationComments.$inferSelect;
export type NewConsultationComment = typeof consultationComments.$inferInsert;

/// The disposition (采纳情况) of one comment: 采纳 / 部分采纳 / 未采纳 / 已吸收 with the reason given.
/// Recorded per comment; deciding for a campaign group writes one row per member.
export const commentDispositions = pgTable('comment_dispositions', {
  commentId: text('comment_id')
    .primaryKey()
    .references(() => consultationComments.id, { onDelete: 'cascade' }),
  disposition: text('disposition', { enum: dispositions }).notNull(),
  reason: text('reason').notNull(),
  decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
  decidedAt: moment('decided_at').notNull(),
});

export type CommentDisposition = typeof commentDispositions.$inferSelect;
export type NewCommentDisposition = typeof commentDispositions.$inferInsert;

/// The Word and PDF files of a consultation's public report, built once and served from here:
/// one row per format, replaced when the report's content changes (republished with a new
/// summary, a disposition or a moderation decided since), which `contentHash` tells apart.
export const consultationReportFiles = pgTable(
  'consultation_report_files',
  {
    consultationId: belongsTo('consultation_id', () => consultations.id),
    format: text('format', { enum: ['docx', 'pdf'] }).notNull(),
    /// SHA-256 of the report data (and the file layout's version) the file was built from.
    contentHash: text('content_hash').notNull(),
    bytes: bytea('bytes').notNull(),
    builtAt: moment('built_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.consultationId, t.format] })],
);

export type ConsultationReportFile = typeof consultationReportFiles.$inferSelect;
export type NewConsultationReportFile = typeof consultationReportFiles.$inferInsert;
