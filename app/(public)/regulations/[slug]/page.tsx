import type { Metadata } from 'next';
import Link from 'next/link';
import { ExplainerLinks } from '@/app/_components/explainers/ExplainerLinks';
import { getEngine } from '@/lib/api';
import { articlePath, readRegulation } from '@/lib/library';
import { translator } from '@/lib/i18n';
import { listExplainers } from '@/lib/explainers';
import { RegulationHeader } from '@/app/_components/RegulationHeader';
import { StatuteText, headingAnchor, libraryArticleTools } from '@/app/_components/StatuteText';
import { TableOfContents } from '@/app/_components/TableOfContents';
import { displayDate, orNotFound, readAtParam, regulationPath } from '@/app/_lib/library';
import { openConsultationsAmending } from '@/lib/consultation';
import { currentUser, pageTranslator } from '@/app/_lib/session';
import { can } from '@/lib/auth';
import { startAmendmentAction } from '@/app/_actions/bills';
import { billKinds, exportFormats, routeParam, todayInChina } from '@/lib/shared';
import { RepealForm } from '@/app/_components/RepealForm';
import { noticeOfVersion } from '@/lib/publication';
import { isExcerpt } from '@/lib/legal-text';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ at?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: routeParam(slug) };
}

export default async function RegulationPage({ params, searchParams }: Props) {
  const [{ slug: raw }, sp, { locale }, user] = await Promise.all([params, searchParams, pageTranslator(), currentUser()]);
  const t = translator(locale);
  const slug = routeParam(raw);
  const { at, invalid } = readAtParam(sp.at);
  const data = await orNotFound(() => readRegulation(getEngine(), slug, { at }));
  const base = regulationPath(data.regulation.slug);
  const notice = await noticeOfVersion(getEngine(), data.version.id);
  const consultations = await openConsultationsAmending(getEngine(), data.regulation.id);
  const explainers = (await listExplainers(getEngine(), null, { regulationId: data.regulation.id, limit: 20 })).items.filter((e) => e.kind === 'interpretation' || e.kind === 'aid_guide');
  const query = at ? `?at=${at}` : '';
  const toc = data.text.outline
    .map((o) => ({ id: headingAnchor(o), label: o.label, heading: o.heading, level: o.kind === 'section' ? 2 : 1 }));
  return (
    <div className="page page--wide reg-page">
      <RegulationHeader data={data} locale={locale} basePath={base} invalidDate={invalid} />
      {consultations.map((c) => (
        <p key={c.id} className="notice notice--ahead" role="status" data-testid="under-consultation">
          {t('reg.underConsultation', { until: displayDate(c.closesOn, locale) })} <Link href={`/consultations/${c.id}`}>{t('reg.underConsultationLink')}</Link>
        </p>
      ))}
      {isExcerpt(data.text.articles) && (
        <p className="notice" role="note" data-testid="excerpt">
          {t('reg.excerpt', { n: data.text.articles.length })}
        </p>
      )}
      {can(user, 'bill:create') && (billKinds as readonly string[]).includes(data.regulation.kind) && (
        <form action={startAmendmentAction} className="amend-form">
          <input type="hidden" name="regulationId" value={data.regulation.id} />
          <input type="hidden" name="title" value={data.regulation.title} />
          <input type="hidden" name="kind" value={data.regulation.kind} />
          <button type="submit" className="button button--primary">
            {t('bills.draftAmendment')}
          </button>
          <small>{t('bills.draftAmendmentHint')}</small>
        </form>
      )}
      {can(user, 'library:repeal') && !data.repealed && <RepealForm regulation={data.regulation.slug} today={todayInChina()} />}
      <p className="exports" data-testid="exports">
        {t('reg.download')}：
        {exportFormats.map((f) => (
          <a key={f} href={`/api/v1/regulations/${data.regulation.id}/export?format=${f}&at=${data.at}`} download>
            {t(`reg.format.${f}`)}
          </a>
        ))}
      </p>
      <ExplainerLinks items={explainers} t={t} testId="regulation-explainers" />
      <form className="search-within" method="get" action="/regulations" role="search">
        <input type="hidden" name="in" value={data.regulation.slug} />
        <label htmlFor="search-within">{t('library.searchWithin')}</label>
        <input id="search-within" name="q" type="search" maxLength={200} required />
        <button type="submit" className="button">
          {t('library.searchSubmit')}
        </button>
      </form>
      <div className={toc.length ? 'reg-layout' : 'reg-layout reg-layout--single'}>
        {toc.length > 0 && (
          <aside className="reg-layout__toc">
            <TableOfContents entries={toc} title={t('reg.toc')} />
          </aside>
        )}
        <div className="reg-layout__text">
          {notice && (
            <div className="promulgation-notice" lang="zh-CN" aria-label={t('reg.notice')} data-testid="notice">
              {notice.text.split('\n').map((line, i) => (
                <p key={i} className={i < 2 ? 'promulgation-notice__head' : i >= 3 ? 'promulgation-notice__sign' : undefined}>
                  {line}
                </p>
              ))}
            </div>
          )}
          {notice && (
            <p className="aside" data-testid="made-by">
              {t('reg.madeBy')}
              {notice.consultationId && (
                <>
                  {' '}
                  <Link href={`/consultations/${notice.consultationId}`}>{t('reg.consultation')}</Link>
                </>
              )}
              {data.version.change === 'amendment' && (
                <>
                  {' '}
                  · <a href={`/api/v1/regulations/${data.regulation.id}/amendment?document=decision&format=docx&at=${data.at}`} download>{t('reg.decision')}</a> ·{' '}
                  <a href={`/api/v1/regulations/${data.regulation.id}/amendment?document=comparison&format=pdf&at=${data.at}`} download>{t('reg.comparison')}</a>
                </>
              )}
              {can(user, 'bill:create') && (
                <>
                  {' '}
                  · <Link href={`/bills/${notice.billId}/workflow`}>{t('reg.bill')}</Link>
                </>
              )}
            </p>
          )}
          <h2 className="statute-title" lang="zh-CN">
            {data.regulation.title}
          </h2>
          <StatuteText
            text={data.text}
            tools={libraryArticleTools({
              citationTitle: data.regulation.title,
              articleHref: (a) => `${articlePath(data.regulation.slug, a)}${query}`,
              labels: { copy: t('reg.copyCitation'), copied: t('reg.copied'), failed: t('reg.copyFailed'), link: t('reg.articleLink') },
            })}
          />
        </div>
      </div>
    </div>
  );
}
