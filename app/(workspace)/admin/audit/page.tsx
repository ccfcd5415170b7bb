import Link from 'next/link';
import { getEngine } from '@/lib/api';
import { listAuditEvents, readAuditQuery } from '@/lib/audit';
import { AuditLog, auditSearch } from '@/app/_components/AuditLog';
import { titledPage } from '@/app/_lib/metadata';
import { pageTranslator, requirePermission } from '@/app/_lib/session';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledPage('audit.title');

const PAGE_SIZE = 50;

/// The whole audit log for admins, filtered by actor, action and dates, with a CSV export.
export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('audit:view', '/admin/audit');
  const [{ t }, sp] = await Promise.all([pageTranslator(), searchParams]);
  const query = readAuditQuery(sp);
  const page = query.page ?? 1;
  const fetched = await listAuditEvents(getEngine(), { actorEmail: query.actor, action: query.action, from: query.from, to: query.to, limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
  return (
    <div className="page page--full workspace audit-page">
      <h1>{t('audit.title')}</h1>
      <p className="lead">
        {t('audit.lead')} <Link href="/transparency">{t('audit.transparencyLink')}</Link>
      </p>
      <AuditLog t={t} path="/admin/audit" query={query} rows={fetched.slice(0, PAGE_SIZE)} hasMore={fetched.length > PAGE_SIZE} exportHref={`/api/v1/audit/export${auditSearch(query)}`} />
    </div>
  );
}
