import Link from 'next/link';
import type { AuditEventRow, AuditQuery } from '@/lib/audit';
import type { Translate } from '@/lib/i18n';
import { Pager } from '@/app/_components/Pager';
import { TableHead } from '@/app/_components/TableHead';
import { displayDateTime } from '@/app/_lib/library';

/// The query string of an audit page's filters (and of its CSV link), without empty ones.
export function auditSearch(query: AuditQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  for (const key of ['actor', 'action', 'from', 'to'] as const) if (query[key]) params.set(key, query[key]);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/// An audit page's body: the filter form (actor e-mail, action, dates), the CSV link for what is
/// selected, the entries newest first, and the pager. `path` is the page, `exportHref` the CSV.
export function AuditLog({ t, path, query, rows, hasMore, exportHref }: { t: Translate; path: string; query: AuditQuery; rows: AuditEventRow[]; hasMore: boolean; exportHref: string }) {
  const page = query.page ?? 1;
  const columns = [t('audit.col.seq'), t('audit.col.time'), t('audit.col.actorName'), t('audit.col.action'), t('audit.col.targetType'), t('audit.col.detail'), t('audit.col.hash')];
  return (
    <>
      <form method="get" action={path} className="form form--inline audit-filters" role="search">
        <label className="field">
          <span>{t('audit.filterActor')}</span>
          <input type="email" name="actor" defaultValue={query.actor} maxLength={254} autoComplete="off" />
        </label>
        <label className="field">
          <span>{t('audit.filterAction')}</span>
          <input type="text" name="action" defaultValue={query.action} maxLength={100} pattern="[a-z_.]+" title={t('audit.filterActionHint')} placeholder="bill.create" autoComplete="off" />
        </label>
        <label className="field">
          <span>{t('audit.filterFrom')}</span>
          <input type="date" name="from" defaultValue={query.from} />
        </label>
        <label className="field">
          <span>{t('audit.filterTo')}</span>
          <input type="date" name="to" defaultValue={query.to} />
        </label>
        <button type="submit" className="button button--quiet">
          {t('audit.filterSubmit')}
        </button>
        <Link href={path}>{t('audit.filterClear')}</Link>
      </form>
      <p className="downloads">
        <a href={exportHref} download data-testid="audit-export">
          {t('audit.download')}
        </a>
      </p>
      {rows.length === 0 ? (
        <p className="empty-state">{t('audit.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table data-table--cards audit-table" data-testid="audit-table">
            <TableHead columns={columns} />
            <tbody>
              {rows.map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td data-label={columns[0]}>{e.id}</td>
                  <td data-label={columns[1]}>
                    <time dateTime={e.at.toISOString()}>{displayDateTime(e.at)}</time>
                  </td>
                  <td data-label={columns[2]}>
                    {e.actorName ?? t('audit.system')}
                    {e.actorEmail && <small className="audit-table__email">{e.actorEmail}</small>}
                  </td>
                  <td data-label={columns[3]}>
                    <code>{e.action}</code>
                  </td>
                  <td data-label={columns[4]}>
                    {e.targetType}
                    <small className="audit-table__id">{e.targetId}</small>
                  </td>
                  <td data-label={columns[5]}>
                    <code className="audit-table__detail">{e.detailText ?? ''}</code>
                  </td>
                  <td data-label={columns[6]}>
                    <code className="hash" title={e.hash ?? ''}>
                      {e.hash ? `${e.hash.slice(0, 12)}…` : '—'}
                    </code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        page={page}
        hasMore={hasMore}
        href={(p) => `${path}${auditSearch(query, { page: String(p) })}`}
        t={t}
      />
    </>
  );
}
