import { getEngine } from '@/lib/api';
import Link from 'next/link';
import { can } from '@/lib/auth';
import { listBills } from '@/lib/drafting';
import { titledPage } from '@/app/_lib/metadata';
import { pageTranslator, requirePermission } from '@/app/_lib/session';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledPage('workspace.title');

export default async function WorkspaceHome() {
  const user = await requirePermission('workspace:view', '/workspace');
  const { t } = await pageTranslator();
  const bills = await listBills(getEngine(), user);
  return (
    <div className="page page--wide workspace">
      <h1>{t('workspace.welcome', { name: user.name })}</h1>
      <p className="lead">
        {t('workspace.lead')} <span data-testid="workspace-role">{t('workspace.yourRole', { role: t(`role.${user.role}`) })}</span>
      </p>
      <section aria-labelledby="bills-title" className="panel">
        <h2 id="bills-title">{t('workspace.billsTitle')}</h2>
        {bills.length === 0 ? (
          <p className="empty-state">{t('bills.empty')}</p>
        ) : (
          <ul className="bill-list">
            {bills.map((b) => (
              <li key={b.id}>
                <Link href={`/bills/${b.id}`}>{b.title}</Link> <span className="role-badge">{b.myRole ? t(`bills.role.${b.myRole}`) : t('bills.role.none')}</span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href="/bills">{t('bills.new')} →</Link>
        </p>
      </section>
      {can(user, 'users:manage') && (
        <p>
          <Link href="/admin/users">{t('workspace.adminLink')}</Link>
        </p>
      )}
    </div>
  );
}
