import { z } from 'zod';
import { referralKinds } from '@/lib/shared';

/// A desk record as the volunteer fills it in: the question, the facts (without names), the
/// answer and where the person was referred.
export const deskRecordSchema = z.strictObject({
  question: z.string({ error: 'desk_question_required' }).trim().min(1, 'desk_question_required').max(2000, 'desk_text_too_long'),
  facts: z.string().trim().max(5000, 'desk_text_too_long').default(''),
  answer: z.string().trim().max(10000, 'desk_text_too_long').default(''),
  referral: z.preprocess((v) => (v === '' ? undefined : v), z.enum(referralKinds, { message: 'desk_referral_invalid' }).optional()),
});
export type DeskRecordInput = z.input<typeof deskRecordSchema>;
