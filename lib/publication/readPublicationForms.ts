import { formField, type FormFields } from '@/lib/shared';
import type { FilingInput, PublicationInput } from './schemas';

/// The "公布" form as typed: every box as text (the schema judges and converts), empty ones left out.
export function readPublishForm(form: FormFields): { billId: string; input: PublicationInput } {
  const field = (name: string) => formField(form, name).trim() || undefined;
  return {
    billId: formField(form, 'billId'),
    input: {
      announcementNumber: field('announcementNumber'),
      promulgatedOn: formField(form, 'promulgatedOn'),
      effectiveOn: formField(form, 'effectiveOn'),
      adoptedOn: field('adoptedOn'),
      approvedOn: field('approvedOn'),
      enactingBody: field('enactingBody'),
      adoptingMeeting: field('adoptingMeeting'),
      approvingBody: field('approvingBody'),
      change: field('change') as PublicationInput['change'],
    },
  };
}

/// The "备案" form: the day and the bodies, one per line or separated by 、.
export function readFilingForm(form: FormFields): { billId: string; input: FilingInput } {
  return { billId: formField(form, 'billId'), input: { filedOn: formField(form, 'filedOn'), bodies: formField(form, 'bodies') } };
}
