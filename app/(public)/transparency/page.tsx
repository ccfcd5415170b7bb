import { getEngine } from '@/lib/api';
import { auditHead, listDailyHeads } from '@/lib/audit';
import { Pager } from '@/app/_components/Pager';
import { TableHead } from '@/app/_components/TableHead';
import { displayDate, displayDateTime } from '@/app/_lib/library';
import { titledPage } from '@/app/_lib/metadata';
import { pageTranslator } from '@/app/_lib/session';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledPage('transparency.title');

const PAGE_SIZE = 30;

/// The public face of the audit chain (透明度): what it is, the current head, the heads of past
/// days, and how anyone who kept one checks that history up to it was not rewritten.
export default async function TransparencyPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const [{ t, locale }, sp] = await Promise.all([pageTranslator(), searchParams]);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(sp.page ?? '1', 10) || 1));
  const [head, days] = await Promise.all([auditHead(getEngine()), listDailyHeads(getEngine(), { page, pageSize: PAGE_SIZE })]);
  const command = `npm run -s lawbench -- audit verify --expect ${head.seq}:${head.hash}`;
  return (
    <div className="page page--wide transparency-page">
      <h1>{t('transparency.title')}</h1>
      <p className="lead">{t('transparency.lead')}</p>

      <section className="panel" aria-labelledby="head-title" data-testid="audit-head">
        <h2 id="head-title">{t('transparency.headTitle')}</h2>
        {head.at === null ? (
          <p className="empty-state">{t('transparency.emptyChain')}</p>
        ) : (
          <dl className="facts">
            <dt>{t('transparency.seq')}</dt>
            <dd data-testid="audit-head-seq">{head.seq}</dd>
            <dt>{t('transparency.hash')}</dt>
            <dd>
              <code className="hash" data-testid="audit-head-hash">
                {head.hash}
              </code>
            </dd>
            <dt>{t('transparency.at')}</dt>
            <dd>
              <time dateTime={head.at.toISOString()}>{displayDateTime(head.at)}</time>
            </dd>
          </dl>
        )}
      </section>

      <section aria-labelledby="days-title">
        <h2 id="days-title">{t('transparency.daysTitle')}</h2>
        <p className="aside">{t('transparency.daysLead')}</p>
        {days.items.length === 0 ? (
          <p className="empty-state">{t('transparency.noDays')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <TableHead columns={[t('transparency.day'), t('transparency.seq'), t('transparency.hash'), t('transparency.col.entries')]} />
              <tbody>
                {days.items.map((d) => (
                  <tr key={d.day}>
                    <td>
                      <time dateTime={d.day}>{displayDate(d.day, locale)}</time>
                    </td>
                    <td>{d.seq}</td>
                    <td>
                      <code className="hash">{d.hash}</code>
                    </td>
                    <td>{t('transparency.entries', { n: d.entries })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager
          page={page}
          hasMore={days.hasMore}
          href={(p) => `/transparency?page=${p}`}
          t={t}
        />
      </section>

      <section aria-labelledby="check-title">
        <h2 id="check-title">{t('transparency.checkTitle')}</h2>
        <p>{t('transparency.checkText')}</p>
        <pre className="command" tabIndex={0}>
          <code>{command}</code>
        </pre>
        <p>
          {t('transparency.apiText')} <a href="/api/v1/audit/head">
            <code>GET /api/v1/audit/head</code>
          </a>
        </p>
      </section>
    </div>
  );
}
