'use server';

import { getEngine } from '@/lib/api';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { clientAddress } from '@/lib/api';
import {
  groupCampaigns, moderateComment, openConsultation, publishReport, readCommentForm, readCommentWorkForm, readDispositionForm, readModerationForm,
  readOpenConsultationForm, setDisposition, submitComment, updateCommentWork,
} from '@/lib/consultation';
import type { CommentStatus } from '@/lib/shared';
import { translator } from '@/lib/i18n';
import { assertSameOrigin, formError, orNotFoundAction } from '@/app/_lib/actionGuard';
import type { FormState } from '@/app/_lib/formState';
import { currentLocale, currentUser } from '@/app/_lib/session';

/// What the comment form answers: an error with the text put back, or the receipt.
export type CommentFormState = FormState & { receipt?: { reference: string; status: Exclude<CommentStatus, 'rejected'> } };

/// Submits a comment on a consultation (the whole draft, or one article by eid).
export async function submitCommentAction(_prev: CommentFormState, form: FormData): Promise<CommentFormState> {
  const locale = await currentLocale();
  const values = { body: String(form.get('body') ?? ''), proposedText: String(form.get('proposedText') ?? '') };
  try {
    await assertSameOrigin();
    const { consultationId, input } = readCommentForm(form);
    const receipt = await submitComment(getEngine(), await currentUser(), consultationId, input, { address: clientAddress(await headers()) });
    return { receipt: { reference: receipt.reference, status: receipt.status }, values: input.proposedText ? { proposedText: input.proposedText } : {} };
  } catch (e) {
    return formError(e, locale, values);
  }
}

/// "开始征求意见": opens a consultation on a frozen version (saving the draft as 征求意见稿 when no
/// version is chosen), then shows its management page.
export async function openConsultationAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const values = Object.fromEntries(['title', 'description', 'explanation', 'questions', 'opensOn', 'closesOn', 'shortReason', 'moderation', 'versionId'].map((k) => [k, String(form.get(k) ?? '')]));
  const billId = String(form.get('billId') ?? '');
  let id: string;
  try {
    await assertSameOrigin();
    const { draftId, input } = readOpenConsultationForm(form);
    ({ id } = await openConsultation(getEngine(), await currentUser(), draftId, input));
  } catch (e) {
    return formError(e, locale, values);
  }
  redirect(`/bills/${billId}/consultations/${id}`);
}

/// Moderation queue: publish a comment, or reject it with a reason.
export async function moderateCommentAction(form: FormData): Promise<void> {
  await assertSameOrigin();
  const { commentId, input } = readModerationForm(form);
  const user = await currentUser();
  await orNotFoundAction(() => moderateComment(getEngine(), user, commentId, input));
  revalidatePath(String(form.get('path') ?? '/'));
}

/// Records the disposition of a comment, or of its whole campaign group.
export async function setDispositionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const values = { disposition: String(form.get('disposition') ?? ''), reason: String(form.get('reason') ?? '') };
  try {
    await assertSameOrigin();
    const { commentId, input } = readDispositionForm(form);
    const n = await setDisposition(getEngine(), await currentUser(), commentId, input);
    revalidatePath(String(form.get('path') ?? '/'));
    return { notice: translator(locale)('manage.dispositionSaved', { n }) };
  } catch (e) {
    return formError(e, locale, values);
  }
}

/// Tags and assignee of a comment.
export async function updateCommentWorkAction(form: FormData): Promise<void> {
  await assertSameOrigin();
  const { commentId, input } = readCommentWorkForm(form);
  const user = await currentUser();
  await orNotFoundAction(() => updateCommentWork(getEngine(), user, commentId, input));
  revalidatePath(String(form.get('path') ?? '/'));
}

/// Groups identical and near-identical comments (campaigns) of a consultation.
export async function groupCampaignsAction(form: FormData): Promise<void> {
  await assertSameOrigin();
  const user = await currentUser();
  await orNotFoundAction(() => groupCampaigns(getEngine(), user, String(form.get('consultationId') ?? '')));
  revalidatePath(String(form.get('path') ?? '/'));
}

/// Publishes the 征求意见情况通报 with the staff's summary.
export async function publishReportAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const values = { summary: String(form.get('summary') ?? '') };
  try {
    await assertSameOrigin();
    await publishReport(getEngine(), await currentUser(), String(form.get('consultationId') ?? ''), { summary: values.summary });
    revalidatePath(String(form.get('path') ?? '/'));
    return { notice: translator(locale)('manage.reportPublished') };
  } catch (e) {
    return formError(e, locale, values);
  }
}
