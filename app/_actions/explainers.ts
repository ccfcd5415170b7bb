'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getEngine } from '@/lib/api';
import { translator } from '@/lib/i18n';
import { createExplainer, readExplainerForm, reviewExplainer, submitExplainer, unpublishExplainer, updateExplainer } from '@/lib/explainers';
import { formField } from '@/lib/shared';
import { assertSameOrigin, formError } from '@/app/_lib/actionGuard';
import type { FormState } from '@/app/_lib/formState';
import { currentLocale, currentUser } from '@/app/_lib/session';

const fields = ['kind', 'title', 'summary', 'body', 'topics', 'regulations', 'asOf'];

/// "保存" / "保存并提交审核": writes a new piece of content or the next revision, and with
/// `intent=submit` sends it to review. A new one goes to its page.
export async function saveExplainerAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const values = Object.fromEntries(fields.map((k) => [k, formField(form, k)]));
  let created: string | null = null;
  try {
    await assertSameOrigin();
    const user = await currentUser();
    const { id, intent, input } = readExplainerForm(form);
    const target = id || (created = (await createExplainer(getEngine(), user, input)).id);
    if (id) await updateExplainer(getEngine(), user, id, input);
    if (intent === 'submit') await submitExplainer(getEngine(), user, target);
    revalidatePath(`/explainers/${target}`);
    if (!created) return { notice: translator(locale)(intent === 'submit' ? 'explainer.submitted' : 'explainer.saved') };
  } catch (e) {
    // A new piece already saved stays saved; the page it opens says why it was not submitted.
    if (!created) return formError(e, locale, values);
  }
  redirect(`/explainers/${created}/edit`);
}

/// A reviewer's approval or return with a note.
export async function reviewExplainerAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const values = { note: formField(form, 'note') };
  try {
    await assertSameOrigin();
    const id = formField(form, 'id');
    await reviewExplainer(getEngine(), await currentUser(), id, { decision: formField(form, 'decision') as 'approve' | 'return', note: values.note });
    revalidatePath(`/explainers/${id}`);
    return { notice: translator(locale)('explainer.reviewed') };
  } catch (e) {
    return formError(e, locale, values);
  }
}

/// A reviewer takes approved content down, with a reason.
export async function unpublishExplainerAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const values = { note: formField(form, 'note') };
  try {
    await assertSameOrigin();
    const id = formField(form, 'id');
    await unpublishExplainer(getEngine(), await currentUser(), id, values.note);
    revalidatePath(`/explainers/${id}`);
    return { notice: translator(locale)('explainer.unpublished') };
  } catch (e) {
    return formError(e, locale, values);
  }
}
