import Link from 'next/link';
import { listConsultations } from '@/lib/consultation';
import { displayDate } from '@/app/_lib/library';
import { titledPage } from '@/app/_lib/metadata';
import { pageTranslator } from '@/app/_lib/session';
import { daysLeft } from '@/app/_lib/consultation';
import { getEngine } from '@/lib/api';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledPage('consult.title', '/feeds/consultations.atom');

/// Public list of consultations: those open for comment, or those that ended.
export default async function ConsultationsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const [{ t, locale }, sp] = await Promise.all([pageTranslator(), searchParams]);
  const status = sp.status === 'closed' ? 'closed' : 'open';
  const items = await listConsultations(getEngine(), { status });
  return (
    <div className="page consult-page">
      <h1>{t('consult.title')}</h1>
      <p className="lead">{t('consult.lead')}</p>
      <nav className="tabs" aria-label={t('consult.title')}>
        {(['open', 'closed'] as const).map((s) => (
          <Link key={s} href={s === 'open' ? '/consultations' : '/consultations?status=closed'} className="tab" aria-current={s === status ? 'page' : undefined}>
            {t(`consult.tab.${s}`)}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <p className="empty">{t(`consult.empty.${status}`)}</p>
      ) : (
        <ul className="consult-list" data-testid="consultation-list">
          {items.map((c) => (
            <li key={c.id} className="consult-card">
              <h2>
                <Link href={`/consultations/${c.id}`}>{c.title}</Link>
              </h2>
              <p className="consult-card__dates">
                {t('consult.period', { from: displayDate(c.opensOn, locale), to: displayDate(c.closesOn, locale) })}
                {' · '}
                {c.status === 'open' ? t('consult.daysLeft', { n: daysLeft(c.closesOn) }) : t('consult.ended')}
              </p>
              <p>{c.description}</p>
              <p className="aside">
                {t('consult.commentCount', { n: c.commentCount })}
                {c.reportPublished && (
                  <>
                    {' · '}
                    <Link href={`/consultations/${c.id}/report`}>{t('consult.reportLink')}</Link>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="aside">
        <a href="/feeds/consultations.atom">{t('consult.feed')}</a>
      </p>
    </div>
  );
}
