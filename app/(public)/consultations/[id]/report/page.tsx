import type { Metadata } from 'next';
import Link from 'next/link';
import { dispositions, getConsultation, publicReport, reportDueOn } from '@/lib/consultation';
import { isAppError } from '@/lib/errors';
import { getEngine } from '@/lib/api';
import { displayDate, orNotFound } from '@/app/_lib/library';
import { pageTranslator } from '@/app/_lib/session';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  try {
    return { title: `《${(await publicReport(getEngine(), id)).title}》征求意见情况通报` };
  } catch {
    return {};
  }
}

/// The 征求意见情况通报: how many people and comments took part, the summary, then per article
/// what was asked (campaigns shown once with their size) and how each point was handled.
export default async function ReportPage({ params }: Props) {
  const [{ id }, { t, locale }] = await Promise.all([params, pageTranslator()]);
  const r = await orNotFound(async () => {
    try {
      return await publicReport(getEngine(), id);
    } catch (e) {
      if (isAppError(e) && e.message === 'report_not_published') return null;
      throw e;
    }
  });
  if (!r) {
    // Not published yet: say when it is due rather than answering 404.
    const c = await orNotFound(() => getConsultation(getEngine(), id));
    return (
      <div className="page consult-page report-page">
        <p className="breadcrumb">
          <Link href={`/consultations/${id}`}>← {c.title}</Link>
        </p>
        <h1 lang="zh-CN">《{c.title}》征求意见情况通报</h1>
        <p className="notice" role="status" data-testid="report-pending">
          {c.status === 'open'
            ? t('report.pendingOpen', { closes: displayDate(c.closesOn, locale), due: displayDate(reportDueOn(c.closesOn), locale) })
            : t('report.pendingClosed', { closes: displayDate(c.closesOn, locale), due: displayDate(reportDueOn(c.closesOn), locale) })}
        </p>
        <p className="aside">
          <a href="/feeds/consultations.atom">{t('report.pendingFeed')}</a>
        </p>
      </div>
    );
  }
  const api = `/api/v1/consultations/${id}/report`;
  return (
    <div className="page consult-page report-page">
      <p className="breadcrumb">
        <Link href={`/consultations/${id}`}>← {r.title}</Link>
      </p>
      <h1 lang="zh-CN">《{r.title}》征求意见情况通报</h1>
      <p className="aside">
        {t('consult.period', { from: displayDate(r.opensOn, locale), to: displayDate(r.closesOn, locale) })} · {t('compare.download')}：<a href={`${api}?format=docx`}>{t('compare.download.docx')}</a>{' '}
        <a href={`${api}?format=pdf`}>PDF</a>
      </p>
      <p className="report-figures" data-testid="report-figures">
        {t('report.figures', { people: r.people, received: r.comments.received, published: r.comments.published, rejected: r.comments.rejected })}
      </p>
      {r.summary && <div className="prose report-summary">{r.summary}</div>}
      {r.sections.map((s) => (
        <section key={s.articleEid ?? 'general'} className="report-section" aria-labelledby={`sec-${s.articleEid ?? 'general'}`}>
          <h2 id={`sec-${s.articleEid ?? 'general'}`}>
            {s.label} <span className="aside">{t('consult.commentCount', { n: s.commentCount })}</span>
          </h2>
          <p className="aside">
            {[
              ...dispositions.filter((d) => s.handling.counts[d] > 0).map((d) => `${t(`disposition.${d}`)} ${s.handling.counts[d]}`),
              ...(s.handling.undecided > 0 ? [`${t('manage.undecided')} ${s.handling.undecided}`] : []),
            ].join(' · ')}
          </p>
          <ol className="comment-list">
            {s.entries.map((e) => (
              <li key={e.reference} className="comment-item" data-reference={e.reference}>
                <p className="comment-body">
                  {e.body}
                  {e.groupSize > 1 && <span className="role-badge">{t('report.sameAs', { n: e.groupSize })}</span>}
                </p>
                {e.proposedText && (
                  <p className="comment-proposed">
                    <span className="aside">{t('consult.proposedText')}：</span>
                    {e.proposedText}
                  </p>
                )}
                {e.disposition && (
                  <p className={`disposition disposition--${e.disposition}`}>
                    <strong>{t(`disposition.${e.disposition}`)}</strong>：{e.reason}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
