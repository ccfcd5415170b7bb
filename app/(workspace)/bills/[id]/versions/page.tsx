import { getEngine } from '@/lib/api';
import Link from 'next/link';
import { can } from '@/lib/auth';
import { listComparableTexts, listDraftVersions } from '@/lib/versioning';
import { ComparePicker } from '@/app/_components/versions/ComparePicker';
import { SaveVersionForm } from '@/app/_components/versions/SaveVersionForm';
import { displayDateTime } from '@/app/_lib/library';
import { titledPage } from '@/app/_lib/metadata';
import { openBillPage } from '@/app/_lib/billPage';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export const generateMetadata = titledPage('versions.title');

export default async function VersionsPage({ params }: Props) {
  const { id } = await params;
  const { user, bill, t, locale } = await openBillPage(id, `/bills/${id}/versions`);
  const versions = await listDraftVersions(getEngine(), user, bill.draftId);
  const { choices, defaultFrom } = listComparableTexts(bill, locale, versions);
  const compareLink = (from: string, to: string) => `/bills/${bill.id}/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  return (
    <div className="page page--wide workspace versions-page">
      <p className="breadcrumb">
        <Link href={`/bills/${bill.id}`}>← {bill.title}</Link>
      </p>
      <h1>{t('versions.title')}</h1>
      <div className="versions-tools">
        {can(user, 'version:create', bill.resource) && (
          <section aria-labelledby="save-title" className="panel">
            <h2 id="save-title">{t('versions.save')}</h2>
            <SaveVersionForm billId={bill.id} draftId={bill.draftId} />
          </section>
        )}
        <section aria-labelledby="compare-title" className="panel">
          <h2 id="compare-title">{t('compare.title')}</h2>
          <ComparePicker billId={bill.id} choices={choices} from={defaultFrom} to="current" t={t} />
          {bill.regulationId && (
            <p>
              <Link className="button button--quiet" href={compareLink('in-force', 'current')}>
                {t('compare.withInForce')}
              </Link>
            </p>
          )}
        </section>
      </div>
      <section aria-labelledby="list-title">
        <h2 id="list-title">{t('versions.list')}</h2>
        {versions.length === 0 ? (
          <p className="empty">{t('versions.empty')}</p>
        ) : (
          <ol className="version-list" data-testid="version-list">
            {versions.map((v, i) => {
              const previous = versions[i + 1];
              return (
                <li key={v.id} className="version-item">
                  <div>
                    <strong className="version-item__name">{v.name}</strong> <span className="role-badge">{t('versions.seq', { seq: v.seq })}</span>
                    {v.kind === 'frozen' && <span className="role-badge">{t('versions.kind.frozen')}</span>}
                    <p className="aside">
                      {t('versions.by', { name: v.createdByName ?? '—', date: displayDateTime(v.createdAt) })} · {v.seq === 1 ? t('versions.first', { articles: v.articles }) : t('versions.changed', { articles: v.articles, changed: v.changed })}
                    </p>
                    {v.note && <p className="version-item__note">{v.note}</p>}
                  </div>
                  <p className="version-item__actions">
                    <Link href={compareLink(v.id, 'current')}>{t('versions.compareWith', { what: t('compare.current') })}</Link>
                    {previous && <Link href={compareLink(previous.id, v.id)}>{t('versions.compareWith', { what: t('versions.seq', { seq: previous.seq }) })}</Link>}
                    {bill.regulationId && <Link href={compareLink('in-force', v.id)}>{t('versions.compareWith', { what: t('compare.inForce') })}</Link>}
                  </p>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}

