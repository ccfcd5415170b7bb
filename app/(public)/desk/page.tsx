import Link from 'next/link';
import { getEngine } from '@/lib/api';
import { listDeskRecords } from '@/lib/desk';
import { listExplainers } from '@/lib/explainers';
import { vocabularyLabel } from '@/lib/i18n';
import { articlePath, searchLibrary } from '@/lib/library';
import { referralKinds } from '@/lib/shared';
import { DeskRecordForm } from '@/app/_components/desk/DeskForms';
import { displayDateTime } from '@/app/_lib/library';
import { titledPage } from '@/app/_lib/metadata';
import { pageTranslator, requirePermission } from '@/app/_lib/session';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledPage('desk.title');

/// The legal-aid desk: one search over the regulations and the content, the volunteer's
/// consultation records, and a new record for the person in front of them.
export default async function DeskPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requirePermission('desk:use', '/desk');
  const [{ t }, sp] = await Promise.all([pageTranslator(), searchParams]);
  const q = (sp.q ?? '').trim().slice(0, 100);
  const library = q ? await searchLibrary(getEngine(), { q, pageSize: 8 }) : null;
  const content = q ? (await listExplainers(getEngine(), user, { q, limit: 8 })).items : [];
  const records = await listDeskRecords(getEngine(), user);
  return (
    <div className="page page--wide workspace desk-page">
      <h1>{t('desk.title')}</h1>
      <p className="lead">{t('desk.lead')}</p>
      <form className="search-within" method="get" action="/desk" role="search">
        <label htmlFor="desk-q">{t('desk.search')}</label>
        <input id="desk-q" name="q" type="search" defaultValue={q} maxLength={100} />
        <button type="submit" className="button">
          {t('library.searchSubmit')}
        </button>
      </form>
      {library && (
        <div className="desk-results" data-testid="desk-results">
          <section className="panel">
            <h2>{t('desk.articles')}</h2>
            {library.groups.length === 0 ? (
              <p className="empty-state">{t('desk.noArticles')}</p>
            ) : (
              <ul className="signoffs">
                {library.groups.flatMap((g) =>
                  g.hits.slice(0, 3).map((h) => (
                    <li key={`${g.regulationId}-${h.number}-${h.sub ?? 0}`}>
                      <Link href={articlePath(g.slug, h)}>{`《${g.title}》${h.label}`}</Link>
                    </li>
                  )),
                )}
              </ul>
            )}
          </section>
          <section className="panel">
            <h2>{t('explainer.title')}</h2>
            {content.length === 0 ? (
              <p className="empty-state">{t('desk.noContent')}</p>
            ) : (
              <ul className="signoffs">
                {content.map((e) => (
                  <li key={e.id}>
                    <span className="badge badge--plain">{t(vocabularyLabel('explainerKind', e.kind))}</span> <Link href={`/explainers/${e.id}`}>{e.title}</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
      <section className="panel" aria-labelledby="records-title">
        <h2 id="records-title">{t('desk.records')}</h2>
        {records.length === 0 ? (
          <p className="empty-state">{t('desk.noRecords')}</p>
        ) : (
          <ul className="signoffs" data-testid="desk-records">
            {records.map((r) => (
              <li key={r.id}>
                <Link href={`/desk/records/${r.id}`}>{r.question.slice(0, 60)}</Link>{' '}
                <small className="aside">
                  {displayDateTime(r.updatedAt)} · {t('desk.citationCount', { n: r.citations.length })}
                </small>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="new-record-title">
        <h2 id="new-record-title">{t('desk.newRecord')}</h2>
        <DeskRecordForm record={{ question: '', facts: '', answer: '', referral: '' }} referrals={referralKinds.map((k) => ({ value: k, label: t(vocabularyLabel('referralKind', k)) }))} />
      </section>
    </div>
  );
}
