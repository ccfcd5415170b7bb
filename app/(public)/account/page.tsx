import type { Metadata } from 'next';
import { pageTranslator, requirePermission } from '@/app/_lib/session';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await pageTranslator();
  return { title: t('account.title') };
}

export default async function AccountPage() {
  const user = await requirePermission('account:view', '/account');
  const { t } = await pageTranslator();
  return (
    <div className="page page--narrow">
      <h1>{t('account.title')}</h1>
      <dl className="facts">
        <dt>{t('account.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('account.role')}</dt>
        <dd data-testid="account-role">{t(`role.${user.role}`)}</dd>
      </dl>
    </div>
  );
}
