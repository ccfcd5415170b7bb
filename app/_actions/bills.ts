'use server';

import { getEngine } from '@/lib/api';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { createBill, setBillMember } from '@/lib/drafting';
import { translator } from '@/lib/i18n';
import { assertSameOrigin, formError } from '@/app/_lib/actionGuard';
import type { FormState } from '@/app/_lib/formState';
import { currentLocale, currentUser } from '@/app/_lib/session';

/// New-bill form: blank, from pasted text, or as an amendment of a regulation in the library.
export async function createBillAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const values = { title: String(form.get('title') ?? ''), kind: String(form.get('kind') ?? 'local_regulation'), start: String(form.get('start') ?? 'blank'), text: String(form.get('text') ?? ''), regulationId: String(form.get('regulationId') ?? '') };
  let id: string;
  try {
    await assertSameOrigin();
    const from = values.start === 'text' ? { text: values.text } : values.start === 'regulation' ? { regulationId: values.regulationId } : undefined;
    ({ id } = await createBill(getEngine(), await currentUser(), { title: values.title, kind: values.kind, sponsor: String(form.get('sponsor') ?? '') || undefined, from }));
  } catch (e) {
    return formError(e, locale, values);
  }
  redirect(`/bills/${id}`);
}

/// "起草修改草案" on a regulation page: opens an amendment bill with the text in force.
export async function startAmendmentAction(form: FormData): Promise<void> {
  await assertSameOrigin();
  const { id } = await createBill(getEngine(), await currentUser(), { title: String(form.get('title') ?? ''), kind: String(form.get('kind') ?? 'local_regulation'), from: { regulationId: String(form.get('regulationId') ?? '') } });
  redirect(`/bills/${id}`);
}

/// Members panel: add a colleague, change their bill role, or remove them.
export async function setMemberAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const billId = String(form.get('billId') ?? '');
  const role = form.get('role');
  try {
    await assertSameOrigin();
    await setBillMember(getEngine(), await currentUser(), billId, String(form.get('email') ?? ''), role === 'editor' || role === 'reviewer' ? role : null);
    revalidatePath(`/bills/${billId}`);
    return { notice: translator(locale)('bills.memberAdded') };
  } catch (e) {
    return formError(e, locale, { email: String(form.get('email') ?? '') });
  }
}
