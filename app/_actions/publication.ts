'use server';

import { getEngine } from '@/lib/api';
import { revalidatePath } from 'next/cache';
import { translator } from '@/lib/i18n';
import { publishBill, readFilingForm, readPublishForm, recordFiling, repealRegulation } from '@/lib/publication';
import { formField } from '@/lib/shared';
import { assertSameOrigin, formError } from '@/app/_lib/actionGuard';
import type { FormState } from '@/app/_lib/formState';
import { currentLocale, currentUser } from '@/app/_lib/session';

const publishFields = ['announcementNumber', 'promulgatedOn', 'effectiveOn', 'adoptedOn', 'approvedOn', 'enactingBody', 'adoptingMeeting', 'approvingBody', 'change'];

/// "公布": publishes the bill with its 公告 and says where the text went.
export async function publishBillAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const values = Object.fromEntries(publishFields.map((k) => [k, formField(form, k)]));
  try {
    await assertSameOrigin();
    const { billId, input } = readPublishForm(form);
    const done = await publishBill(getEngine(), await currentUser(), billId, input);
    revalidatePath(`/bills/${billId}/workflow`);
    return { notice: translator(locale)('publication.published', { seq: done.seq }) };
  } catch (e) {
    return formError(e, locale, values);
  }
}

/// "备案": records the filing; the package is kept as filed.
export async function recordFilingAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const values = { filedOn: formField(form, 'filedOn'), bodies: formField(form, 'bodies') };
  try {
    await assertSameOrigin();
    const { billId, input } = readFilingForm(form);
    await recordFiling(getEngine(), await currentUser(), billId, input);
    revalidatePath(`/bills/${billId}/workflow`);
    return { notice: translator(locale)('publication.filed') };
  } catch (e) {
    return formError(e, locale, values);
  }
}

/// "记录废止" (admins): the day the regulation ceases and what repealed it.
export async function repealRegulationAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const values = { repealedOn: formField(form, 'repealedOn'), source: formField(form, 'source') };
  try {
    await assertSameOrigin();
    const slug = formField(form, 'regulation');
    await repealRegulation(getEngine(), await currentUser(), slug, values);
    revalidatePath(`/regulations/${slug}`);
    return { notice: translator(locale)('publication.repealed') };
  } catch (e) {
    return formError(e, locale, values);
  }
}
