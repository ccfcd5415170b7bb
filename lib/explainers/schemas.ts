import { z } from 'zod';
import { explainerKinds, isIsoDate } from '@/lib/shared';

/// The largest body a piece of content may have, in characters.
export const maxExplainerBody = 60_000;

/// A piece of content as its author writes it: kind, title, summary, Markdown body (at most
/// 60,000 characters), topics, the regulations it concerns (ids or slugs, the first one being the
/// one 本条例 means), the date it speaks of, and citations confirmed to name nothing here.
export const explainerSchema = z.strictObject({
  kind: z.enum(explainerKinds, { message: 'explainer_kind_invalid' }),
  title: z.string({ error: 'explainer_title_required' }).trim().min(1, 'explainer_title_required').max(120, 'explainer_title_too_long'),
  summary: z.string().trim().max(500, 'explainer_summary_too_long').default(''),
  body: z.string({ error: 'explainer_body_required' }).min(1, 'explainer_body_required').max(maxExplainerBody, 'explainer_body_too_long'),
  topics: z.array(z.string().trim().min(1).max(20, 'explainer_topic_too_long')).max(8, 'explainer_topics_too_many').default([]),
  regulations: z.array(z.string().trim().min(1).max(200)).max(10, 'explainer_regulations_too_many').default([]),
  asOf: z.string({ error: 'date_invalid' }).trim().refine(isIsoDate, { message: 'date_invalid' }),
  intendedCitations: z.array(z.string().max(200)).max(50).default([]),
});
export type ExplainerInput = z.input<typeof explainerSchema>;

/// A reviewer's decision: approve (public from now on) or send back with a note.
export const explainerReviewSchema = z.strictObject({
  decision: z.enum(['approve', 'return'], { message: 'explainer_decision_invalid' }),
  note: z.string().trim().max(2000, 'explainer_note_too_long').default(''),
});
export type ExplainerReviewInput = z.input<typeof explainerReviewSchema>;
