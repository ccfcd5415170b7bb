'use server';

import { revalidatePath } from 'next/cache';
import { translator, vocabularyLabel } from '@/lib/i18n';
import { markNotificationsRead } from '@/lib/inbox';
import { billStages, type BillStage } from '@/lib/shared';
import { decideSignoff, recordVote, requestSignoff, transitionBill } from '@/lib/workflow';
import { assertSameOrigin, formError } from '@/app/_lib/actionGuard';
import type { FormState } from '@/app/_lib/formState';
import { currentLocale, currentUser } from '@/app/_lib/session';

const field = (form: FormData, name: string) => String(form.get(name) ?? '');
const stageOf = (value: string): BillStage => (billStages as readonly string[]).includes(value) ? (value as BillStage) : ('' as BillStage);
/// A whole number typed in a form, or NaN (which the schema refuses with a plain message).
const number = (value: string) => (value.trim() === '' ? undefined : /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN);

/// "推进": moves the bill, opening the consultation with the dates given when it enters 征求意见.
export async function moveBillAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const values = { to: field(form, 'to'), note: field(form, 'note'), reason: field(form, 'reason'), closesOn: field(form, 'closesOn'), description: field(form, 'description') };
  try {
    await assertSameOrigin();
    const billId = field(form, 'billId');
    const consultation = values.closesOn || values.description ? { closesOn: values.closesOn || undefined, description: values.description || undefined } : undefined;
    const moved = transitionBill(await currentUser(), billId, { to: stageOf(values.to), expectedStage: stageOf(field(form, 'expectedStage')), note: values.note, reason: values.reason || undefined, consultation });
    revalidatePath(`/bills/${billId}/workflow`);
    const t = translator(locale);
    return { notice: t('workflow.moved', { stage: t(vocabularyLabel('billStage', moved.stage)) }) };
  } catch (e) {
    return formError(e, locale, values);
  }
}

/// Asks a reviewer (by e-mail) to sign off the current text for a stage.
export async function requestSignoffAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const values = { stage: field(form, 'stage'), reviewerEmail: field(form, 'reviewerEmail'), note: field(form, 'note') };
  try {
    await assertSameOrigin();
    const billId = field(form, 'billId');
    requestSignoff(await currentUser(), billId, { stage: stageOf(values.stage), reviewerEmail: values.reviewerEmail, note: values.note });
    revalidatePath(`/bills/${billId}/workflow`);
    return { notice: translator(locale)('workflow.requested', { name: values.reviewerEmail }) };
  } catch (e) {
    return formError(e, locale, values);
  }
}

/// A reviewer's approval or rejection of the current text for a stage.
export async function decideSignoffAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const values = { note: field(form, 'note') };
  try {
    await assertSameOrigin();
    const billId = field(form, 'billId');
    decideSignoff(await currentUser(), billId, { stage: stageOf(field(form, 'stage')), decision: field(form, 'decision') as 'approve' | 'reject', note: values.note });
    revalidatePath(`/bills/${billId}/workflow`);
    return { notice: translator(locale)('workflow.decided') };
  } catch (e) {
    return formError(e, locale, values);
  }
}

/// Records the vote at 表决.
export async function recordVoteAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const values = Object.fromEntries(['for', 'against', 'abstain', 'present', 'composition'].map((k) => [k, field(form, k)]));
  try {
    await assertSameOrigin();
    const billId = field(form, 'billId');
    const vote = recordVote(await currentUser(), billId, {
      for: number(values.for) ?? Number.NaN,
      against: number(values.against) ?? Number.NaN,
      abstain: number(values.abstain) ?? Number.NaN,
      present: number(values.present),
      composition: number(values.composition),
    });
    revalidatePath(`/bills/${billId}/workflow`);
    const t = translator(locale);
    return { notice: t('workflow.voteRecorded', { result: vote.passed ? t('workflow.votePassed') : t('workflow.voteFailed') }) };
  } catch (e) {
    return formError(e, locale, values);
  }
}

/// Marks one notice, or all, as read.
export async function markReadAction(form: FormData): Promise<void> {
  await assertSameOrigin();
  const user = await currentUser();
  if (!user) return;
  const id = field(form, 'id');
  markNotificationsRead(user, id ? [id] : 'all');
  revalidatePath('/inbox');
}
