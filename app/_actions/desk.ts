'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { translator } from '@/lib/i18n';
import { getEngine } from '@/lib/api';
import { addDeskCitation, createDeskRecord, proposeQa, removeDeskCitation, updateDeskRecord } from '@/lib/desk';
import { parseArticleParam } from '@/lib/library';
import { formField } from '@/lib/shared';
import { assertSameOrigin, formError, orNotFoundAction } from '@/app/_lib/actionGuard';
import type { FormState } from '@/app/_lib/formState';
import { currentLocale, currentUser } from '@/app/_lib/session';

const fields = ['question', 'facts', 'answer', 'referral'];
const recordInput = (form: FormData) => Object.fromEntries(fields.map((k) => [k, formField(form, k)]));

/// "登记": opens a record, or saves the one being edited.
export async function saveDeskRecordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const values = recordInput(form);
  let created: string | null = null;
  try {
    await assertSameOrigin();
    const user = await currentUser();
    const id = formField(form, 'id');
    if (id) await updateDeskRecord(getEngine(), user, id, values);
    else created = (await createDeskRecord(getEngine(), user, values)).id;
    revalidatePath('/desk');
    if (id) {
      revalidatePath(`/desk/records/${id}`);
      return { notice: translator(locale)('desk.saved') };
    }
  } catch (e) {
    return formError(e, locale, values);
  }
  redirect(`/desk/records/${created}`);
}

/// "加入咨询登记" on an article page: collects the article, as in force on the date shown, into
/// the volunteer's current record.
export async function collectArticleAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  try {
    await assertSameOrigin();
    const n = parseArticleParam(formField(form, 'article'));
    const { citation, added } = await addDeskCitation(getEngine(), await currentUser(), { regulation: formField(form, 'regulation'), number: n?.number ?? 0, sub: n?.sub, at: formField(form, 'at') || undefined });
    const t = translator(locale);
    return { notice: added ? t('desk.collected', { citation }) : t('desk.alreadyCollected', { citation }) };
  } catch (e) {
    return formError(e, locale);
  }
}

/// Takes one collected article out of a record.
export async function removeCitationAction(form: FormData): Promise<void> {
  await assertSameOrigin();
  const id = formField(form, 'id');
  const user = await currentUser();
  await orNotFoundAction(() => removeDeskCitation(getEngine(), user, id, formField(form, 'citation')));
  revalidatePath(`/desk/records/${id}`);
}

/// Sends a record, as an anonymised 问答, to review.
export async function proposeQaAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  try {
    await assertSameOrigin();
    const id = formField(form, 'id');
    await proposeQa(getEngine(), await currentUser(), id);
    revalidatePath(`/desk/records/${id}`);
    return { notice: translator(locale)('desk.proposed') };
  } catch (e) {
    return formError(e, locale);
  }
}
