import { getEngine } from '@/lib/api';
import Link from 'next/link';
import { countChanges, draftAmendmentDecision } from '@/lib/legal-text';
import { DecisionBody } from '@/app/_components/versions/DecisionBody';
import { compareDraftTexts, describeText, listComparableTexts, listDraftVersions } from '@/lib/versioning';
import { ComparePicker } from '@/app/_components/versions/ComparePicker';
import { ComparisonTable } from '@/app/_components/versions/ComparisonTable';
import { Redline } from '@/app/_components/versions/Redline';
import { orNotFound } from '@/app/_lib/library';
import { titledPage } from '@/app/_lib/metadata';
import { openBillPage } from '@/app/_lib/billPage';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string; view?: string; all?: string }> };

const views = ['table', 'redline', 'decision'] as const;

export const generateMetadata = titledPage('compare.title');

export default async function ComparePage({ params, searchParams }: Props) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const { user, bill, t, locale } = await openBillPage(id, `/bills/${id}/compare`);
  const { choices, defaultFrom } = listComparableTexts(bill, locale, await listDraftVersions(getEngine(), user, bill.draftId));
  const from = sp.from || defaultFrom;
  const to = sp.to || 'current';
  const view = views.find((v) => v === sp.view) ?? 'table';
  const all = sp.all === '1';
  const result = await orNotFound(() => compareDraftTexts(getEngine(), user, bill.draftId, { from, to }));
  const { comparison } = result;
  const { summary } = comparison;
  const { identical, amended, referencesOnly: references } = countChanges(comparison);
  const query = (extra: Record<string, string>) => new URLSearchParams({ from, to, ...extra }).toString();
  const here = (extra: Record<string, string>) => `/bills/${bill.id}/compare?${query({ view, ...(all ? { all: '1' } : {}), ...extra })}`;
  const api = `/api/v1/drafts/${bill.draftId}`;
  const beforeHeading = `${t('compare.from')}（${describeText(result.from, locale)}）`;
  const afterHeading = `${t('compare.to')}（${describeText(result.to, locale)}）`;
  const decision = view === 'decision' ? draftAmendmentDecision(comparison) : null;
  return (
    <div className="page page--full workspace compare-page">
      <p className="breadcrumb">
        <Link href={`/bills/${bill.id}`}>← {bill.title}</Link> · <Link href={`/bills/${bill.id}/versions`}>{t('versions.title')}</Link>
      </p>
      <h1>{decision ? t('compare.decisionHeading') : t('compare.tableTitle', { title: comparison.newTitle || bill.title })}</h1>
      <ComparePicker billId={bill.id} choices={choices} from={from} to={to} t={t} />
      <p className="compare-summary" data-testid="compare-summary" role="status">
        {identical ? t('compare.noChanges') : t('compare.summary', { ...summary, modified: amended })}
        {references > 0 && <> {t('compare.referencesCount', { n: references })}</>}
        {summary.moved > 0 && <> · {t('compare.moved', { ...summary })}</>}
      </p>
      <div className="compare-bar">
        <nav aria-label={t('compare.views')} className="tabs">
          {views.map((v) => (
            <Link key={v} href={here({ view: v })} aria-current={v === view ? 'page' : undefined} className="tab">
              {t(`compare.view.${v}`)}
            </Link>
          ))}
        </nav>
        {view === 'table' && (
          <Link href={all ? here({ all: '0' }) : here({ all: '1' })} className="button button--quiet">
            {all ? t('compare.showChanged') : t('compare.showAll')}
          </Link>
        )}
        <p className="downloads">
          {t('compare.download')}：
          {view === 'decision' ? (
            <>
              <a href={`${api}/decision?${query({ format: 'docx' })}`} download>
                {t('compare.download.docx')}
              </a>
              <a href={`${api}/decision?${query({ format: 'txt' })}`} download>
                {t('compare.download.txt')}
              </a>
            </>
          ) : (
            <>
              <a href={`${api}/compare?${query({ format: 'docx', all: all ? '1' : '0' })}`} download data-testid="download-docx">
                {t('compare.download.docx')}
              </a>
              <a href={`${api}/compare?${query({ format: 'pdf', all: all ? '1' : '0' })}`} download data-testid="download-pdf">
                {t('compare.download.pdf')}
              </a>
            </>
          )}
        </p>
      </div>
      {comparison.headings.length > 0 && (
        <ul className="heading-changes" aria-label={t('compare.headings')}>
          {comparison.headings.map((h) => (
            <li key={h.label}>
              {h.label}：<del>{h.before}</del> → <ins>{h.after}</ins>
            </li>
          ))}
        </ul>
      )}
      {!decision && <p className="aside">{t('compare.legend')}</p>}
      {view === 'table' && <ComparisonTable articles={comparison.articles} all={all} beforeHeading={beforeHeading} afterHeading={afterHeading} t={t} />}
      {view === 'redline' && <Redline articles={comparison.articles} t={t} />}
      {decision &&
        (decision.clauses.length === 0 ? (
          <p className="empty">{t('compare.decisionEmpty')}</p>
        ) : (
          <article className="statute decision" lang="zh-CN" data-testid="decision">
            <h2 className="statute-title">{decision.title}</h2>
            <DecisionBody decision={decision} />
          </article>
        ))}
    </div>
  );
}
