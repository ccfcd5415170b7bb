import { bigint, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { lifecycleEventKinds } from '@/lib/shared/vocabulary';
import { belongsTo, bytea, moment, writtenAt } from './columns';
import { bills } from './drafting';
import { regulations, regulationVersions } from './library';
import { users } from './users';
import { draftVersions } from './versioning';
import { consultations } from './consultation';

/// The publication of an adopted bill (公布): its 公告 and the version of the regulation it made,
/// linked both ways with the bill, the frozen text it was made from and the consultation. An
/// announcement number is used once a year by one body.
export const promulgations = pgTable(
  'promulgations',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id')
      .notNull()
      .unique()
      .references(() => bills.id),
    regulationId: belongsTo('regulation_id', () => regulations.id),
    versionId: text('version_id')
      .notNull()
      .unique()
      .references(() => regulationVersions.id),
    draftVersionId: text('draft_version_id').references(() => draftVersions.id),
    consultationId: text('consultation_id').references(() => consultations.id),
    number: integer('number').notNull(),
    year: integer('year').notNull(),
    body: text('body').notNull(),
    approvingBody: text('approving_body'),
    adoptedOn: text('adopted_on').notNull(),
    approvedOn: text('approved_on'),
    promulgatedOn: text('promulgated_on').notNull(),
    effectiveOn: text('effective_on').notNull(),
    noticeText: text('notice_text').notNull(),
    /// The 修改决定 of an amendment (title, preamble, clauses, closing), null for a new text or a 修订.
    decision: jsonb('decision').$type<{ title: string; preamble: string; clauses: string[]; closing: string } | null>(),
    /// The 修改对照表 of an amendment: the article comparison of the old and new texts.
    comparison: jsonb('comparison').$type<unknown>(),
    publishedBy: text('published_by').references(() => users.id),
    publishedAt: moment('published_at').notNull(),
  },
  (t) => [uniqueIndex('promulgations_number_idx').on(t.body, t.year, t.number), index('promulgations_regulation_idx').on(t.regulationId)],
);

export type Promulgation = typeof promulgations.$inferSelect;
export type NewPromulgation = typeof promulgations.$inferInsert;

/// What happened to a regulation on a date (通过, 批准, 公布, 施行, 修正, 修订, 废止). The library's
/// status, timeline and "as in force on" views are computed from these rows.
export const regulationEvents = pgTable(
  'regulation_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    regulationId: belongsTo('regulation_id', () => regulations.id),
    versionId: text('version_id').references(() => regulationVersions.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: lifecycleEventKinds }).notNull(),
    on: text('on').notNull(),
    body: text('body'),
    /// The decision or regulation that did it, e.g. 《关于废止〈…〉的决定》.
    source: text('source'),
    billId: text('bill_id').references(() => bills.id),
    createdAt: writtenAt('created_at'),
  },
  (t) => [index('regulation_events_regulation_idx').on(t.regulationId, t.on), index('regulation_events_on_idx').on(t.on)],
);

export type RegulationEventRow = typeof regulationEvents.$inferSelect;
export type NewRegulationEventRow = typeof regulationEvents.$inferInsert;

/// The filing (备案) of a published bill: when and with whom, and the package exactly as filed (a
/// ZIP whose manifest lists the SHA-256 of each file); recording it closes the 30-day clock.
export const filings = pgTable('filings', {
  billId: text('bill_id')
    .primaryKey()
    .references(() => bills.id),
  promulgationId: belongsTo('promulgation_id', () => promulgations.id),
  filedOn: text('filed_on').notNull(),
  bodies: jsonb('bodies').$type<string[]>().notNull(),
  packageSha256: text('package_sha256').notNull(),
  package: bytea('package').notNull(),
  recordedBy: text('recorded_by').references(() => users.id),
  recordedAt: moment('recorded_at').notNull(),
});

export type Filing = typeof filings.$inferSelect;

/// One row counting changes to the published library (an import, a publication, a repeal): the
/// cached public pages of the library are good while the count they were made at is current.
export const libraryGeneration = pgTable('library_generation', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  generation: bigint('generation', { mode: 'number' }).notNull(),
});
