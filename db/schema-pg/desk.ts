import { index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { referralKinds } from '@/lib/shared/vocabulary';
import { writtenAt } from './columns';
import { users } from './users';
import { explainers } from './explainers';

/// A provision collected into a desk record: its citation string, where it is, and the date the
/// law was read at.
export type DeskCitation = { citation: string; regulationId: string; slug: string; number: number; sub: number; eid: string; at: string };

/// A consultation record (咨询登记) of the legal-aid desk: one person helped — the question, the
/// facts without names, the provisions cited, the answer and the referral. Only its volunteer and
/// admins see it.
export const deskRecords = pgTable(
  'desk_records',
  {
    id: text('id').primaryKey(),
    volunteerId: text('volunteer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    question: text('question').notNull(),
    facts: text('facts').notNull(),
    answer: text('answer').notNull(),
    referral: text('referral', { enum: referralKinds }),
    citations: jsonb('citations').$type<DeskCitation[]>().notNull(),
    /// The public 问答 made from it, once proposed.
    explainerId: text('explainer_id').references(() => explainers.id, { onDelete: 'set null' }),
    createdAt: writtenAt('created_at'),
    updatedAt: writtenAt('updated_at'),
  },
  (t) => [index('desk_records_volunteer_idx').on(t.volunteerId, t.updatedAt)],
);

export type DeskRecord = typeof deskRecords.$inferSelect;
