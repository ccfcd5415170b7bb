import Link from 'next/link';
import { listUsers } from '@/lib/auth';
import { getEngine } from '@/lib/api';
import { CreateStaffForm, UserRowActions } from '@/app/_components/AdminUserForms';
import { titledPage } from '@/app/_lib/metadata';
import { pageTranslator, requirePermission } from '@/app/_lib/session';
import { TableHead } from '@/app/_components/TableHead';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledPage('admin.title');

export default async function AdminUsersPage() {
  const admin = await requirePermission('users:manage', '/admin/users');
  const { t, locale } = await pageTranslator();
  const users = await listUsers(getEngine(), admin);
  return (
    <div className="page page--wide workspace">
      <h1>{t('admin.title')}</h1>
      <p className="aside">
        <Link href="/admin/audit">{t('audit.adminLink')} →</Link> · <Link href="/admin/outbox">{t('outbox.title')} →</Link>
      </p>
      <section className="panel" aria-labelledby="create-title">
        <h2 id="create-title">{t('admin.createTitle')}</h2>
        <CreateStaffForm />
      </section>
      <section className="panel" aria-labelledby="users-title">
        <h2 id="users-title">
          {t('admin.users')} <small>{t('admin.count', { count: users.length })}</small>
        </h2>
        {users.length === 0 ? (
          <p className="empty-state">{t('admin.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table data-table--cards">
              <TableHead columns={[t('admin.colName'), t('admin.colEmail'), t('admin.colRole'), t('admin.colStatus'), t('admin.colActions')]} />
              <tbody>
                {users.map((u) => (
                  <tr key={u.id} data-email={u.email}>
                    <td data-label={t('admin.colName')}>
                      {u.name}
                      {u.id === admin.id && t('admin.you')}
                    </td>
                    <td data-label={t('admin.colEmail')}>{u.email}</td>
                    <td data-label={t('admin.colRole')}>{t(`role.${u.role}`)}</td>
                    <td data-label={t('admin.colStatus')}>
                      <span className={u.disabled ? 'status status--off' : 'status status--on'}>{u.disabled ? t('admin.disabled') : t('admin.active')}</span>
                    </td>
                    <td data-label={t('admin.colActions')}>
                      <UserRowActions userId={u.id} role={u.role} disabled={u.disabled} isSelf={u.id === admin.id} email={u.email} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <p className="aside" lang={locale}>
        {t('signIn.staffNote')}
      </p>
    </div>
  );
}
