import type { Metadata } from 'next';
import Link from 'next/link';
import { ExplainerLinks } from '@/app/_components/explainers/ExplainerLinks';
import { notFound } from 'next/navigation';
import { getEngine } from '@/lib/api';
import { articlePath, parseArticleParam, readArticle } from '@/lib/library';
import { translator } from '@/lib/i18n';
import { explainersCiting } from '@/lib/explainers';
import { CopyCitationButton } from '@/app/_components/CopyCitationButton';
import { RegulationHeader } from '@/app/_components/RegulationHeader';
import { StatuteArticleBody, articleAnchor } from '@/app/_components/StatuteText';
import { displayDate, orNotFound, readAtParam, regulationPath } from '@/app/_lib/library';
import { currentUser, pageTranslator } from '@/app/_lib/session';
import { can } from '@/lib/auth';
import { CollectArticleButton } from '@/app/_components/desk/DeskForms';
import { routeParam } from '@/lib/shared';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string; n: string }>; searchParams: Promise<{ at?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, n } = await params;
  const num = parseArticleParam(n);
  if (!num) return {};
  try {
    return { title: (await readArticle(getEngine(), routeParam(slug), num.number, { sub: num.sub })).citation };
  } catch {
    return {};
  }
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const [{ slug: raw, n }, sp, { locale }, user] = await Promise.all([params, searchParams, pageTranslator(), currentUser()]);
  const t = translator(locale);
  const num = parseArticleParam(n);
  if (!num) notFound();
  const { at, invalid } = readAtParam(sp.at);
  const data = await orNotFound(() => readArticle(getEngine(), routeParam(raw), num.number, { at, sub: num.sub }));
  const base = regulationPath(data.regulation.slug);
  const query = at ? `?at=${at}` : '';
  const explainers = await explainersCiting(getEngine(), data.regulation.id, data.article.eid);
  const labels = { copy: t('reg.copyCitation'), copied: t('reg.copied'), failed: t('reg.copyFailed') };
  return (
    <div className="page page--wide reg-page reg-page--article">
      <RegulationHeader data={data} locale={locale} basePath={articlePath(data.regulation.slug, data.article)} invalidDate={invalid} />
      <section className="article-focus" aria-label={data.citation}>
        {data.ahead && (
          <p className="notice notice--ahead" role="status" data-testid="article-ahead">
            {data.ahead.change === 'modified' ? (
              <>
                {t('reg.articleAmended', { date: displayDate(data.ahead.effectiveOn, locale) })}{' '}
                <Link href={`${articlePath(data.regulation.slug, data.ahead)}?at=${data.ahead.effectiveOn}`}>{t('reg.articleAmendedLink')}</Link>
              </>
            ) : (
              t('reg.articleDeleted', { date: displayDate(data.ahead.effectiveOn, locale) })
            )}
          </p>
        )}
        {data.chapterHeading && <p className="article-focus__chapter">{data.chapterHeading}</p>}
        <div className="statute" lang="zh-CN">
          <StatuteArticleBody article={data.article} />
        </div>
        <div className="citation-box">
          <code data-testid="citation">{data.citation}</code>
          <CopyCitationButton citation={data.citation} labels={labels} prominent />
          {data.versions.length > 1 && <Link href={`${articlePath(data.regulation.slug, data.article)}/history${query}`}>{t('library.history')}</Link>}
          {can(user, 'desk:use') && <CollectArticleButton regulation={data.regulation.id} article={n} at={data.at} />}
        </div>
        {data.provisions.length > 0 && (
          <details className="provision-citations" data-testid="provision-citations">
            <summary>{t('reg.citeProvision')}</summary>
            <ul>
              {data.provisions.map((p) => (
                <li key={p.eid}>
                  <code>{p.citation}</code> <CopyCitationButton citation={p.citation} labels={labels} />
                </li>
              ))}
            </ul>
          </details>
        )}
        <ExplainerLinks items={explainers} t={t} testId="article-explainers" />
        <nav className="article-nav" aria-label={t('reg.toc')}>
          {data.previous !== null ? <Link href={`${articlePath(data.regulation.slug, { number: data.previous })}${query}`}>← {t('reg.prevArticle')}</Link> : <span />}
          <Link href={`${base}${query}#${articleAnchor(data.article)}`}>{t('reg.fullText')}</Link>
          {data.next !== null ? <Link href={`${articlePath(data.regulation.slug, { number: data.next })}${query}`}>{t('reg.nextArticle')} →</Link> : <span />}
        </nav>
      </section>
    </div>
  );
}
