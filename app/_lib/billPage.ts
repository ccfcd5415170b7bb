import { getEngine } from '@/lib/api';
import { getBill, type BillDetail } from '@/lib/drafting';
import type { CurrentUser } from '@/lib/auth';
import type { Locale, Translate } from '@/lib/i18n';
import { orNotFound } from './library';
import { pageTranslator, requirePermission } from './session';

/// What every page of one bill starts with: the signed-in staff member (a visitor is sent to
/// sign in and back to `path`), the bill they may see (404 otherwise) and the translator.
export async function openBillPage(billId: string, path: string): Promise<{ user: CurrentUser; bill: BillDetail; t: Translate; locale: Locale }> {
  const user = await requirePermission('workspace:view', path);
  const { t, locale } = await pageTranslator();
  return { user, bill: await orNotFound(() => getBill(getEngine(), user, billId)), t, locale };
}
