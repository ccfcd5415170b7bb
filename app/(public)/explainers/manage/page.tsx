import Link from 'next/link';
import { forbidden, redirect } from 'next/navigation';
import { getEngine } from '@/lib/api';
import { can } from '@/lib/auth';
import { explainersNeedingReview, listExplainers, type ExplainerRow } from '@/lib/explainers';
import { vocabularyLabel, type Translate } from '@/lib/i18n';
import { displayDate } from '@/app/_lib/library';
import { titledPage } from '@/app/_lib/metadata';
import { currentUser, pageTranslator } from '@/app/_lib/session';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledPage('explainer.manage');

function Rows({ rows, t, locale, testId }: { rows: ExplainerRow[]; t: Translate; locale: string; testId: string }) {
  return (
    <ul className="signoffs" data-testid={testId}>
      {rows.map((e) => (
        <li key={e.id}>
          <Link href={`/explainers/${e.id}`}>{e.title}</Link> <small className="aside">{t(vocabularyLabel('explainerKind', e.kind))} · {t(vocabularyLabel('explainerStatus', e.status))} · {displayDate(e.asOf, locale)}</small>
        </li>
      ))}
    </ul>
  );
}

/// The writers' and reviewers' desk for content: one's own pieces in every state, what waits for
/// review, and approved content whose cited law has moved since it was written.
export default async function ManageExplainersPage() {
  const user = await currentUser();
  if (!user) redirect('/login?next=%2Fexplainers%2Fmanage');
  if (!can(user, 'explainer:write') && !can(user, 'explainer:review')) forbidden();
  const { t, locale } = await pageTranslator();
  const engine = getEngine();
  const mine = (await listExplainers(engine, user, { scope: 'mine', limit: 100 })).items;
  const review = can(user, 'explainer:review') ? (await listExplainers(engine, user, { scope: 'review', limit: 100 })).items : [];
  const moved = await explainersNeedingReview(engine, user);
  return (
    <div className="page page--wide workspace">
      <h1>{t('explainer.manage')}</h1>
      {can(user, 'explainer:write') && (
        <p>
          <Link href="/explainers/new" className="button button--primary">
            {t('explainer.new')}
          </Link>
        </p>
      )}
      <section className="panel" aria-labelledby="moved-title">
        <h2 id="moved-title">{t('explainer.needsReview')}</h2>
        {moved.length === 0 ? <p className="empty-state">{t('explainer.needsReviewEmpty')}</p> : <Rows rows={moved} t={t} locale={locale} testId="needs-review" />}
      </section>
      {can(user, 'explainer:review') && (
        <section className="panel" aria-labelledby="queue-title">
          <h2 id="queue-title">{t('explainer.queue')}</h2>
          {review.length === 0 ? <p className="empty-state">{t('explainer.queueEmpty')}</p> : <Rows rows={review} t={t} locale={locale} testId="review-queue" />}
        </section>
      )}
      {can(user, 'explainer:write') && (
        <section className="panel" aria-labelledby="mine-title">
          <h2 id="mine-title">{t('explainer.mine')}</h2>
          {mine.length === 0 ? <p className="empty-state">{t('explainer.mineEmpty')}</p> : <Rows rows={mine} t={t} locale={locale} testId="my-content" />}
        </section>
      )}
    </div>
  );
}
