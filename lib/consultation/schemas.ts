import { z } from 'zod';
import { addDays, inclusiveDays } from '@/lib/shared';
import { isIsoDate } from '@/lib/shared';
import { dispositions, rejectReasons } from './types';
import { moderationModes } from '@/lib/shared/vocabulary';

/// Consultation periods in days, counting the opening and the closing day: 立法法 art. 40 asks for
/// not less than 30 (shorter needs a stated reason); longer than 120 is refused as a typo.
export const consultationPeriod = { normalDays: 30, maxDays: 120 } as const;

/// The last day of a consultation of the normal length that opens on `opensOn` (both days count).
export function normalClosingDay(opensOn: string): string {
  return addDays(opensOn, consultationPeriod.normalDays - 1);
}


// Strict objects name an unknown key with a catalogue key instead of zod's English sentence.
const strict = { error: (issue: { code?: string }) => (issue.code === 'unrecognized_keys' ? 'input_unknown_field' : undefined) };

// Browsers submit textarea line breaks as CRLF; the stored text uses \n only.
const lines = (s: string) => s.replace(/\r\n?/g, '\n');

/// Control characters other than line feed and tab, and unpaired surrogates: never part of a
/// comment someone typed, and a way to break or spoof what other readers see.
const forbiddenChars = /[\p{Cc}\p{Cs}]/u;
const plainText = (s: string) => !forbiddenChars.test(s.replace(/[\n\t]/g, ''));

const isoDate = z.string({ error: 'consultation_date_invalid' }).refine(isIsoDate, { message: 'consultation_date_invalid' });

/// What opening a public consultation (征求意见) takes. The period counts both ends; under 30 days
/// needs `shortReason`. Whether `opensOn` is before today is checked by `openConsultation`, which
/// knows the date. Empty strings for `title`, `shortReason` and `versionId` mean "not given".
export const openConsultationSchema = z
  .strictObject(
    {
      title: z.string().trim().max(120, { message: 'consultation_title_too_long' }).optional(),
      description: z
        .string({ error: 'consultation_description_required' })
        .overwrite(lines)
        .trim()
        .min(1, { message: 'consultation_description_required' })
        .max(2000, { message: 'consultation_description_too_long' }),
      explanation: z
        .string({ error: 'consultation_explanation_required' })
        .overwrite(lines)
        .trim()
        .min(1, { message: 'consultation_explanation_required' })
        .max(20000, { message: 'consultation_explanation_too_long' }),
      questions: z
        .array(
          z
            .string()
            .trim()
            .min(1, { message: 'consultation_question_required' })
            .max(300, { message: 'consultation_question_too_long' }),
          { error: 'consultation_questions_invalid' },
        )
        .max(10, { message: 'consultation_too_many_questions' })
        .default([]),
      opensOn: isoDate,
      closesOn: isoDate,
      shortReason: z.string().overwrite(lines).trim().max(500, { message: 'consultation_short_reason_too_long' }).optional(),
      moderation: z.enum(moderationModes, { message: 'consultation_moderation_invalid' }).default('pre'),
      versionId: z.string().trim().max(64, { message: 'version_not_found' }).optional(),
    },
    strict,
  )
  .superRefine((v, ctx) => {
    // Runs even when a field failed, so every value is checked before use.
    if (typeof v.opensOn !== 'string' || typeof v.closesOn !== 'string' || !isIsoDate(v.opensOn) || !isIsoDate(v.closesOn)) return;
    const days = inclusiveDays(v.opensOn, v.closesOn);
    if (days < 1) {
      ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'consultation_closes_before_opens' });
    } else if (days > consultationPeriod.maxDays) {
      ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'consultation_period_too_long' });
    } else if (days < consultationPeriod.normalDays && (typeof v.shortReason !== 'string' || v.shortReason.length < 5)) {
      ctx.addIssue({ code: 'custom', path: ['shortReason'], message: 'consultation_short_needs_reason' });
    }
  });

/// What a caller passes to `openConsultation`.
export type OpenConsultationInput = z.input<typeof openConsultationSchema>;

/// A comment from the public: on the whole draft (no `articleEid`) or on one article, with
/// optional replacement wording. Plain text; stored as given after trimming and CRLF → LF.
export const newCommentSchema = z.strictObject(
  {
    articleEid: z.string().trim().max(64, { message: 'comment_article_unknown' }).nullish(),
    body: z
      .string({ error: 'comment_body_required' })
      .overwrite(lines)
      .trim()
      .min(1, { message: 'comment_body_required' })
      .max(5000, { message: 'comment_body_too_long' })
      .refine(plainText, { message: 'comment_body_invalid' }),
    proposedText: z
      .string()
      .overwrite(lines)
      .trim()
      .max(5000, { message: 'comment_proposed_text_too_long' })
      .refine(plainText, { message: 'comment_proposed_text_invalid' })
      .nullish(),
  },
  strict,
);

/// What a caller passes to `submitComment`.
export type NewCommentInput = z.input<typeof newCommentSchema>;

/// A moderator's decision on a comment; rejecting needs one of the reasons.
export const moderateCommentSchema = z
  .strictObject(
    {
      action: z.enum(['publish', 'reject'], { message: 'moderation_action_invalid' }),
      reason: z.enum(rejectReasons, { message: 'moderation_reason_invalid' }).nullish(),
    },
    strict,
  )
  .superRefine((v, ctx) => {
    if (v.action === 'reject' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'moderation_reason_required' });
  });

/// What a caller passes to `moderateComment`.
export type ModerateCommentInput = z.input<typeof moderateCommentSchema>;

/// The staff's working fields of a comment: free tags and who handles it (null: nobody).
export const commentWorkSchema = z.strictObject(
  {
    tags: z
      .array(z.string().trim().min(1, { message: 'comment_tag_empty' }).max(20, { message: 'comment_tag_too_long' }), { error: 'comment_tags_invalid' })
      .max(10, { message: 'comment_tags_too_many' })
      .optional(),
    assigneeId: z.string().max(64, { message: 'assignee_not_member' }).nullable().optional(),
  },
  strict,
);

/// What a caller passes to `updateCommentWork`.
export type CommentWorkInput = z.input<typeof commentWorkSchema>;

/// The disposition (采纳情况) of a comment with its reason; `wholeGroup` decides for every comment
/// of its campaign group at once.
export const dispositionSchema = z.strictObject(
  {
    disposition: z.enum(dispositions, { message: 'disposition_invalid' }),
    reason: z
      .string({ error: 'disposition_reason_required' })
      .overwrite(lines)
      .trim()
      .min(1, { message: 'disposition_reason_required' })
      .max(2000, { message: 'disposition_reason_too_long' }),
    wholeGroup: z.boolean({ error: 'disposition_whole_group_invalid' }).default(false),
  },
  strict,
);

/// What a caller passes to `setDisposition`.
export type DispositionInput = z.input<typeof dispositionSchema>;
