'use server';

import { revalidatePath } from 'next/cache';
import { changeUserRole, createStaffUser, setUserDisabled } from '@/lib/auth';
import { translator } from '@/lib/i18n';
import { getEngine } from '@/lib/api';
import { assertSameOrigin, formError } from '@/app/_lib/actionGuard';
import type { FormState } from '@/app/_lib/formState';
import { currentLocale, currentUser } from '@/app/_lib/session';

/// Admin form: create a staff account.
export async function createStaffAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const values = { email: String(form.get('email') ?? ''), name: String(form.get('name') ?? ''), role: String(form.get('role') ?? '') };
  try {
    await assertSameOrigin();
    const created = await createStaffUser(getEngine(), await currentUser(), { ...values, password: String(form.get('password') ?? '') });
    revalidatePath('/admin/users');
    return { notice: translator(locale)('admin.created', { email: created.email }) };
  } catch (e) {
    return formError(e, locale, values);
  }
}

/// Admin row forms: change one account's role (`intent=role`) or disable / enable it
/// (`intent=disable` / `intent=enable`). One action so the row shows the latest outcome.
export async function updateUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const t = translator(locale);
  const intent = form.get('intent');
  const userId = String(form.get('userId') ?? '');
  try {
    await assertSameOrigin();
    const actor = await currentUser();
    if (intent === 'role') await changeUserRole(getEngine(), actor, userId, form.get('role'));
    else await setUserDisabled(getEngine(), actor, userId, intent === 'disable');
    revalidatePath('/admin/users');
    return { notice: t(intent === 'role' ? 'admin.roleChanged' : intent === 'disable' ? 'admin.disabledDone' : 'admin.enabledDone') };
  } catch (e) {
    return formError(e, locale);
  }
}
