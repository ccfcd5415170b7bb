import type { Metadata } from 'next';
import Link from 'next/link';
import { amendmentComparison, getConsultation } from '@/lib/consultation';
import { ComparisonTable } from '@/app/_components/versions/ComparisonTable';
import { DecisionBody } from '@/app/_components/versions/DecisionBody';
import { StatuteText } from '@/app/_components/StatuteText';
import { daysLeft } from '@/app/_lib/consultation';
import { displayDate, orNotFound } from '@/app/_lib/library';
import { pageTranslator } from '@/app/_lib/session';
import { getEngine } from '@/lib/api';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams?: Promise<{ view?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  try {
    return { title: (await getConsultation(getEngine(), id)).title };
  } catch {
    return {};
  }
}

/// A consultation as the public reads it: what it is about, the 起草说明, the questions, and the
/// draft set like a statute with a comment control and the comment count on every article.
export default async function ConsultationPage({ params, searchParams }: Props) {
  const [{ id }, { t, locale }, sp] = await Promise.all([params, pageTranslator(), searchParams ?? Promise.resolve({} as { view?: string })]);
  const c = await orNotFound(() => getConsultation(getEngine(), id));
  // An amendment opens on what it changes (the 修改对照表); the whole draft is one click away.
  const amendment = await amendmentComparison(getEngine(), c);
  const view = amendment && sp.view !== 'full' ? 'changes' : 'full';
  const open = c.status === 'open';
  const commentHref = (eid?: string) => `/consultations/${c.id}/comment${eid ? `?article=${encodeURIComponent(eid)}` : ''}`;
  return (
    <div className="page consult-page">
      <p className="breadcrumb">
        <Link href="/consultations">← {t('consult.title')}</Link>
      </p>
      <header className="consult-header">
        <p className={`status-badge status-badge--${c.status}`}>{t(`consult.status.${c.status}`)}</p>
        <h1>{c.title}</h1>
        <p className="consult-card__dates">
          {t('consult.period', { from: displayDate(c.opensOn, locale), to: displayDate(c.closesOn, locale) })}
          {open && <> · {t('consult.daysLeft', { n: daysLeft(c.closesOn) })}</>}
        </p>
        <p>{c.description}</p>
        {c.shortReason && <p className="aside">{t('consult.shortReason', { reason: c.shortReason })}</p>}
        <div className="consult-actions">
          {open && (
            <Link className="button button--primary" href={commentHref()}>
              {t('consult.commentWhole')}
            </Link>
          )}
          <Link className="button button--quiet" href={commentHref()}>
            {t('consult.generalComments', { n: c.generalCount })}
          </Link>
          {c.reportPublished && (
            <Link className="button button--quiet" href={`/consultations/${c.id}/report`}>
              {t('consult.reportLink')}
            </Link>
          )}
        </div>
      </header>
      <details className="consult-explanation">
        <summary>{t('consult.explanation')}</summary>
        <div className="prose">{c.explanation}</div>
      </details>
      {c.questions.length > 0 && (
        <section className="consult-questions" aria-labelledby="questions-title">
          <h2 id="questions-title">{t('consult.questions')}</h2>
          <ol>
            {c.questions.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ol>
        </section>
      )}
      {amendment && (
        <nav className="scope-tabs consult-views" aria-label={t('consult.views')} data-testid="consult-views">
          <Link href={`/consultations/${c.id}`} aria-current={view === 'changes' ? 'page' : undefined}>
            {t('consult.viewChanges', { n: amendment.comparison.summary.modified + amendment.comparison.summary.added + amendment.comparison.summary.deleted })}
          </Link>
          <Link href={`/consultations/${c.id}?view=full`} aria-current={view === 'full' ? 'page' : undefined}>
            {t('consult.viewFull')}
          </Link>
        </nav>
      )}
      {amendment && view === 'changes' ? (
        <section className="consult-changes" aria-labelledby="changes-title">
          <h2 id="changes-title" className="visually-hidden">
            {t('consult.viewChangesTitle')}
          </h2>
          <p className="aside">
            {t('consult.changesAgainst', { date: displayDate(amendment.regulation.effectiveOn, locale) })} <Link href={amendment.regulation.url}>《{amendment.regulation.title}》</Link>
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('consult.viewChangesTitle')}>
            <ComparisonTable articles={amendment.comparison.articles} all={false} beforeHeading={t('consult.beforeInForce')} afterHeading={t('consult.afterDraft')} t={t} />
          </div>
          <details className="draft-decision" data-testid="draft-decision">
            <summary>{t('consult.decisionSummary')}</summary>
            <div className="decision-text" lang="zh-CN">
              <h3>{amendment.decision.title}（草案）</h3>
              <DecisionBody decision={amendment.decision} />
            </div>
          </details>
          {open && (
            <p>
              <Link className="button" href={`/consultations/${c.id}?view=full`}>
                {t('consult.commentOnArticles')}
              </Link>
            </p>
          )}
        </section>
      ) : (
        <>
      <h2 className="statute-title" lang="zh-CN">
        {c.text.title}
      </h2>
      <p className="aside consult-hint">{open ? t('consult.hintOpen') : t('consult.hintClosed')}</p>
      <StatuteText
        text={c.text}
        tools={(a) => {
          const n = c.articleCounts[a.eid] ?? 0;
          return (
            // The words a screen reader adds are hidden text inside the link, so that what is read
            // begins with what is shown (voice control users say the visible words).
            <Link href={commentHref(a.eid)} className="comment-control">
              {open ? t('consult.commentOn') : t('consult.comments')}
              <span className="visually-hidden">{t('consult.onArticle', { label: a.label })}</span>
              <span className="comment-count">{n}</span>
              <span className="visually-hidden">{t('consult.countUnit')}</span>
            </Link>
          );
        }}
      />
        </>
      )}
    </div>
  );
}
