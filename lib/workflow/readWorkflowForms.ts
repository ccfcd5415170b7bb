import { formField, type FormFields } from '@/lib/shared';
import type { SignoffInput, SignoffRequestInput, TransitionInput, VoteInput } from './schemas';

/// A count typed in a form: absent when empty, NaN (which the schema refuses plainly) when it is
/// not a whole number.
const count = (text: string) => (text.trim() === '' ? undefined : /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN);

/// The "推进程序" form: where to, from which stage the mover saw, the note and reason, and — when
/// entering 征求意见 — the consultation's closing date and description. The schema judges the rest.
export function readMoveForm(form: FormFields): { billId: string; input: TransitionInput } {
  const closesOn = formField(form, 'closesOn');
  const description = formField(form, 'description');
  return {
    billId: formField(form, 'billId'),
    input: {
      to: formField(form, 'to') as TransitionInput['to'],
      expectedStage: formField(form, 'expectedStage') as TransitionInput['expectedStage'],
      note: formField(form, 'note'),
      reason: formField(form, 'reason') || undefined,
      consultation: closesOn || description ? { closesOn: closesOn || undefined, description: description || undefined } : undefined,
    },
  };
}

/// "请求签批": the stage and the reviewer asked, by e-mail.
export function readSignoffRequestForm(form: FormFields): { billId: string; input: SignoffRequestInput } {
  return {
    billId: formField(form, 'billId'),
    input: { stage: formField(form, 'stage') as SignoffRequestInput['stage'], reviewerEmail: formField(form, 'reviewerEmail'), note: formField(form, 'note') },
  };
}

/// A reviewer's sign-off: the stage, the button pressed (approve or reject) and a note.
export function readSignoffForm(form: FormFields): { billId: string; input: SignoffInput } {
  return {
    billId: formField(form, 'billId'),
    input: { stage: formField(form, 'stage') as SignoffInput['stage'], decision: formField(form, 'decision') as SignoffInput['decision'], note: formField(form, 'note') },
  };
}

/// "记录表决结果": the five counts; an empty box for present or composition means "as many as voted".
export function readVoteForm(form: FormFields): { billId: string; input: VoteInput } {
  const required = (name: string) => count(formField(form, name)) ?? Number.NaN;
  return {
    billId: formField(form, 'billId'),
    input: { for: required('for'), against: required('against'), abstain: required('abstain'), present: count(formField(form, 'present')), composition: count(formField(form, 'composition')) },
  };
}
