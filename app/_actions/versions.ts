'use server';

import { revalidatePath } from 'next/cache';
import { translator } from '@/lib/i18n';
import { getEngine } from '@/lib/api';
import { createDraftVersion } from '@/lib/versioning';
import { assertSameOrigin, formError } from '@/app/_lib/actionGuard';
import type { FormState } from '@/app/_lib/formState';
import { currentLocale, currentUser } from '@/app/_lib/session';

/// "保存版本": freezes the draft under a name, with an optional note.
export async function saveVersionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const billId = String(form.get('billId') ?? '');
  const values = { name: String(form.get('name') ?? ''), note: String(form.get('note') ?? '') };
  try {
    await assertSameOrigin();
    const saved = await createDraftVersion(getEngine(), await currentUser(), String(form.get('draftId') ?? ''), { name: values.name, note: values.note || undefined });
    revalidatePath(`/bills/${billId}/versions`);
    return { notice: translator(locale)('versions.saved', { name: saved.name, seq: saved.seq, articles: saved.articles, changed: saved.changed }) };
  } catch (e) {
    return formError(e, locale, values);
  }
}
