import { z } from 'zod';
import { exportFormats, isIsoDate } from '@/lib/shared';

const date = (message: string) => z.string({ error: message }).trim().refine(isIsoDate, { message });
const optionalDate = (message: string) => z.preprocess((v) => (v === '' ? undefined : v), date(message).optional());
const optionalText = (max: number) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max, 'publication_text_too_long').optional());

/// What publishing a bill takes: the 公告's number, the dates of promulgation and effect, and
/// (each defaulted from the bill's record when left out) the issuing body, the adopting meeting,
/// the approving body and the dates of adoption and approval. An amendment bill is published as
/// a 修正 (with its generated 修改决定) unless `change` says 修订 (a full revised text).
export const publicationSchema = z.strictObject({
  announcementNumber: z.coerce.number({ error: 'announcement_number_invalid' }).int('announcement_number_invalid').min(1, 'announcement_number_invalid').max(9999, 'announcement_number_invalid'),
  promulgatedOn: date('publication_date_invalid'),
  effectiveOn: date('publication_date_invalid'),
  adoptedOn: optionalDate('publication_date_invalid'),
  approvedOn: optionalDate('publication_date_invalid'),
  enactingBody: optionalText(100),
  adoptingMeeting: optionalText(200),
  approvingBody: optionalText(200),
  change: z.enum(['amendment', 'revision'], { message: 'publication_change_invalid' }).optional(),
});
export type PublicationInput = z.input<typeof publicationSchema>;

/// Recording a filing (备案): the day and the bodies it was filed with.
export const filingSchema = z.strictObject({
  filedOn: date('publication_date_invalid'),
  bodies: z.preprocess(
    (v) => (typeof v === 'string' ? v.split(/[\n,，、;；]+/) : v),
    z.array(z.string().trim().max(100, 'publication_text_too_long')).transform((a) => a.filter(Boolean)).pipe(z.array(z.string()).min(1, 'filing_bodies_required').max(10, 'filing_bodies_required')),
  ),
});
export type FilingInput = z.input<typeof filingSchema>;

/// A repeal (废止): the day it takes effect and what decided it.
export const repealSchema = z.strictObject({
  repealedOn: date('publication_date_invalid'),
  source: z.string({ error: 'repeal_source_required' }).trim().min(1, 'repeal_source_required').max(200, 'publication_text_too_long'),
});
export type RepealInput = z.input<typeof repealSchema>;

/// The export query: a format the library knows and an optional "as in force on" date.
export const exportQuerySchema = z.strictObject({
  format: z.enum(exportFormats, { message: 'export_format_invalid' }),
  at: optionalDate('date_invalid'),
});
