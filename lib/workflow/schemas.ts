import { z } from 'zod';
import { billStages, signoffDecisions } from '@/lib/shared';

const note = z.string({ error: 'transition_note_required' }).trim().min(1).max(2000, 'transition_note_too_long');
const reason = z.string().trim().max(2000, 'transition_reason_too_long').optional();

/// What opening the public consultation on entering 征求意见 takes (see lib/consultation); dates
/// default to today and 30 days on.
export const stageConsultationSchema = z.object({
  title: z.string().max(120).optional(),
  description: z.string().max(2000).optional(),
  explanation: z.string().max(20000).optional(),
  questions: z.array(z.string()).max(10).optional(),
  opensOn: z.string().optional(),
  closesOn: z.string().optional(),
  shortReason: z.string().max(500).optional(),
  moderation: z.enum(['pre', 'post']).optional(),
});

/// A move of a bill: to which stage, from which one the mover saw (compare-and-set), a note for
/// the record, and a reason where the rules ask for one.
export const transitionSchema = z.strictObject({
  to: z.enum(billStages, { message: 'stage_invalid' }),
  expectedStage: z.enum(billStages, { message: 'stage_invalid' }),
  note,
  reason,
  consultation: stageConsultationSchema.optional(),
});
export type TransitionInput = z.input<typeof transitionSchema>;

/// A request that a reviewer approve the current text before the bill enters `stage`.
export const signoffRequestSchema = z.strictObject({
  stage: z.enum(billStages, { message: 'stage_invalid' }),
  reviewerEmail: z.string().trim().toLowerCase().max(254),
  note: z.string().trim().max(2000).default(''),
});
export type SignoffRequestInput = z.input<typeof signoffRequestSchema>;

/// A reviewer's decision on the current text for `stage`.
export const signoffSchema = z.strictObject({
  stage: z.enum(billStages, { message: 'stage_invalid' }),
  decision: z.enum(signoffDecisions, { message: 'signoff_decision_invalid' }),
  note: z.string().trim().max(2000, 'transition_note_too_long').default(''),
});
export type SignoffInput = z.input<typeof signoffSchema>;

const count = z.number({ error: 'vote_count_invalid' }).int('vote_count_invalid').min(0, 'vote_count_invalid').max(100_000, 'vote_count_invalid');

/// The tally of a vote (表决): for, against, abstaining; how many were present and how many the
/// body has (passing needs more than half of all its members, 全体组成人员的过半数); and separate
/// votes on contentious articles (单独表决) by eid.
export const voteSchema = z
  .strictObject({
    for: count,
    against: count,
    abstain: count,
    present: count.optional(),
    composition: count.optional(),
    articles: z
      .array(z.strictObject({ eid: z.string().min(1).max(100), for: count, against: count, abstain: count }), { error: 'vote_articles_invalid' })
      .max(500, 'vote_articles_invalid')
      .default([]),
  })
  .superRefine((v, ctx) => {
    const present = v.present ?? v.for + v.against + v.abstain;
    const composition = v.composition ?? present;
    if (v.for + v.against + v.abstain > present) ctx.addIssue({ code: 'custom', path: ['present'], message: 'vote_exceeds_present' });
    if (present > composition) ctx.addIssue({ code: 'custom', path: ['composition'], message: 'vote_present_exceeds_composition' });
    for (const [i, a] of v.articles.entries()) {
      if (a.for + a.against + a.abstain > present) ctx.addIssue({ code: 'custom', path: ['articles', i], message: 'vote_exceeds_present' });
    }
  });
export type VoteInput = z.input<typeof voteSchema>;
