import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { can } from '@/lib/auth';
import { getEngine } from '@/lib/api';
import { listAuditEvents, readAuditQuery } from '@/lib/audit';
import { AuditLog, auditSearch } from '@/app/_components/AuditLog';
import { openBillPage } from '@/app/_lib/billPage';
import { titledPage } from '@/app/_lib/metadata';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledPage('audit.billTitle');

const PAGE_SIZE = 50;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/// One bill's audit log, for its members and admins: what happened to the bill, its versions,
/// consultations and comments (see listAuditEvents for what counts as the bill's), with filters
/// and a CSV export.
export default async function BillAuditPage({ params, searchParams }: Props) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const path = `/bills/${id}/audit`;
  const { user, bill, t } = await openBillPage(id, path);
  if (!can(user, 'bill:audit', bill.resource)) forbidden();
  const query = readAuditQuery(sp);
  const page = query.page ?? 1;
  const fetched = await listAuditEvents(getEngine(), { billId: bill.id, actorEmail: query.actor, action: query.action, from: query.from, to: query.to, limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
  return (
    <div className="page page--full workspace audit-page">
      <p className="breadcrumb">
        <Link href={`/bills/${bill.id}`}>← {bill.title}</Link>
      </p>
      <h1>{t('audit.billTitle')}</h1>
      <p className="lead">{t('audit.billLead')}</p>
      <AuditLog
        t={t}
        path={`/bills/${bill.id}/audit`}
        query={query}
        rows={fetched.slice(0, PAGE_SIZE)}
        hasMore={fetched.length > PAGE_SIZE}
        exportHref={`/api/v1/audit/export${auditSearch(query, { bill: bill.id })}`}
      />
    </div>
  );
}
