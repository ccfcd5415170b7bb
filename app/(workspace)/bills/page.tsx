import { getEngine } from '@/lib/api';
import Link from 'next/link';
import { can } from '@/lib/auth';
import { vocabularyLabel } from '@/lib/i18n';
import { listBills } from '@/lib/drafting';
import { listRegulations } from '@/lib/library';
import { NewBillForm } from '@/app/_components/BillForms';
import { titledPage } from '@/app/_lib/metadata';
import { pageTranslator, requirePermission } from '@/app/_lib/session';
import { TableHead } from '@/app/_components/TableHead';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledPage('bills.title');

export default async function BillsPage() {
  const user = await requirePermission('workspace:view', '/bills');
  const { t } = await pageTranslator();
  const bills = await listBills(getEngine(), user);
  const regulations = can(user, 'bill:create') ? (await listRegulations(getEngine(), { sort: 'title', pageSize: 100 })).items.map((r) => ({ id: r.id, title: r.title })) : [];
  const columns = [t('bills.name'), t('bills.kind'), t('bills.stage'), t('bills.myRole')];
  return (
    <div className="page page--wide workspace">
      <h1>{t('bills.title')}</h1>
      <section className="panel" aria-labelledby="my-bills">
        <h2 id="my-bills">{t('workspace.billsTitle')}</h2>
        {bills.length === 0 ? (
          <p className="empty-state">{t('bills.empty')}</p>
        ) : (
          <table className="data-table data-table--cards">
            <TableHead columns={columns} />
            <tbody>
              {bills.map((b) => (
                <tr key={b.id}>
                  <td data-label={columns[0]}>
                    <Link href={`/bills/${b.id}`}>{b.title}</Link>
                  </td>
                  <td data-label={columns[1]}>{t(`kind.${b.kind}`)}</td>
                  <td data-label={columns[2]}>{t(vocabularyLabel('billStage', b.stage))}</td>
                  <td data-label={columns[3]}>{b.myRole ? t(`bills.role.${b.myRole}`) : t('bills.role.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {can(user, 'bill:create') && (
        <section className="panel" aria-labelledby="new-bill">
          <h2 id="new-bill">{t('bills.new')}</h2>
          <NewBillForm regulations={regulations} />
        </section>
      )}
    </div>
  );
}
