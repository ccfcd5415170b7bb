'use server';

import { revalidatePath } from 'next/cache';
import { translator, vocabularyLabel } from '@/lib/i18n';
import { getEngine } from '@/lib/api';
import { markNotificationsRead } from '@/lib/inbox';
import { formField } from '@/lib/shared';
import { decideSignoff, readMoveForm, readSignoffForm, readSignoffRequestForm, readVoteForm, recordVote, requestSignoff, transitionBill } from '@/lib/workflow';
import { assertSameOrigin, formError } from '@/app/_lib/actionGuard';
import type { FormState } from '@/app/_lib/formState';
import { currentLocale, currentUser } from '@/app/_lib/session';


/// "推进": moves the bill, opening the consultation with the dates given when it enters 征求意见.
export async function moveBillAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const values = { to: formField(form, 'to'), note: formField(form, 'note'), reason: formField(form, 'reason'), closesOn: formField(form, 'closesOn'), description: formField(form, 'description') };
  try {
    await assertSameOrigin();
    const { billId, input } = readMoveForm(form);
    const moved = await transitionBill(getEngine(), await currentUser(), billId, input);
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
  const values = { stage: formField(form, 'stage'), reviewerEmail: formField(form, 'reviewerEmail'), note: formField(form, 'note') };
  try {
    await assertSameOrigin();
    const { billId, input } = readSignoffRequestForm(form);
    await requestSignoff(getEngine(), await currentUser(), billId, input);
    revalidatePath(`/bills/${billId}/workflow`);
    return { notice: translator(locale)('workflow.requested', { name: values.reviewerEmail }) };
  } catch (e) {
    return formError(e, locale, values);
  }
}

/// A reviewer's approval or rejection of the current text for a stage.
export async function decideSignoffAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const values = { note: formField(form, 'note') };
  try {
    await assertSameOrigin();
    const { billId, input } = readSignoffForm(form);
    await decideSignoff(getEngine(), await currentUser(), billId, input);
    revalidatePath(`/bills/${billId}/workflow`);
    return { notice: translator(locale)('workflow.decided') };
  } catch (e) {
    return formError(e, locale, values);
  }
}

/// Records the vote at 表决.
export async function recordVoteAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const values = Object.fromEntries(['for', 'against', 'abstain', 'present', 'composition'].map((k) => [k, formField(form, k)]));
  try {
    await assertSameOrigin();
    const { billId, input } = readVoteForm(form);
    const vote = await recordVote(getEngine(), await currentUser(), billId, input);
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
  const id = formField(form, 'id');
  await markNotificationsRead(getEngine(), user, id ? [id] : 'all');
  revalidatePath('/inbox');
}
