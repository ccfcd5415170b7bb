import { getEngine } from '@/lib/api';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { articlePath, getRegulationArticleHistory, parseArticleParam, type RegulationArticleHistoryEntry } from '@/lib/library';
import { splitLines, tokensToRuns, type MarkedRun } from '@/lib/legal-text';
import { MarkedLines } from '@/app/_components/versions/MarkedLines';
import { versionLabel } from '@/app/_lib/library';
import { orNotFound, readAtParam } from '@/app/_lib/library';
import { pageTranslator } from '@/app/_lib/session';
import { routeParam } from '@/lib/shared';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string; n: string }>; searchParams: Promise<{ at?: string }> };

// Metadata and page ask for the same history in one request: trace it once.
const loadHistory = cache((slug: string, number: number, sub: number | undefined, at: string | undefined) => getRegulationArticleHistory(getEngine(), slug, { number, sub }, { at }));

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ slug, n }, sp, { t }] = await Promise.all([params, searchParams, pageTranslator()]);
  const num = parseArticleParam(n);
  if (!num) return {};
  try {
    return { title: `${(await loadHistory(routeParam(slug), num.number, num.sub, readAtParam(sp.at).at)).citation} · ${t('library.history')}` };
  } catch {
    return {};
  }
}

/// The article's text in one version with what changed since the version before marked: a word
/// diff when modified, the whole text underlined when the version added it.
function markedLines(entry: RegulationArticleHistoryEntry, first: boolean): MarkedRun[][] {
  if (entry.tokens) return splitLines(tokensToRuns(entry.tokens));
  const added = entry.articleChange === 'added' && !first;
  return splitLines([added ? { text: entry.text ?? '', mark: 'insert' } : { text: entry.text ?? '' }]);
}

/// 本条沿革: how one article of a published regulation read in each of its versions, oldest first.
export default async function RegulationArticleHistoryPage({ params, searchParams }: Props) {
  const [{ slug: raw, n }, sp, { t, locale }] = await Promise.all([params, searchParams, pageTranslator()]);
  const num = parseArticleParam(n);
  if (!num) notFound();
  const { at, invalid } = readAtParam(sp.at);
  const data = await orNotFound(() => loadHistory(routeParam(raw), num.number, num.sub, at));
  const query = at ? `?at=${at}` : '';
  let previousLabel: string | null = null;
  const steps = data.entries.map((entry, i) => {
    const renamed = entry.label !== null && previousLabel !== null && entry.label !== previousLabel ? { from: previousLabel, to: entry.label } : null;
    previousLabel = entry.label;
    return { entry, renamed, lines: entry.text === null ? null : markedLines(entry, i === 0) };
  });
  return (
    <div className="page page--wide lib-history">
      <p className="breadcrumb">
        <Link href={`${articlePath(data.regulation.slug, data.article)}${query}`}>← {data.citation}</Link>
      </p>
      <h1>
        <span lang="zh-CN">{data.citation}</span> <span className="lib-title-suffix">· {t('library.history')}</span>
      </h1>
      {invalid && (
        <p className="form-message form-message--error" role="alert">
          {t('err.date_invalid')}
        </p>
      )}
      <p className="lead">{t('library.historyIntro')}</p>
      <p className="aside">{t('compare.legend')}</p>
      <ol className="history-list lib-history__list" data-testid="article-history">
        {steps.map(({ entry, renamed, lines }, i) => (
          <li key={entry.seq} className={`history-step history-step--${entry.articleChange}`} aria-current={entry.selected ? 'true' : undefined}>
            <h2>
              {versionLabel(entry, t, locale)}
              {entry.articleChange !== 'absent' && !(i === 0 && entry.articleChange === 'added') && (
                <>
                  {' '}
                  <span className={`change-badge change-badge--${entry.articleChange}`}>{t(`compare.change.${entry.articleChange}`)}</span>
                </>
              )}
              {entry.selected && <span className="timeline__current"> （{t('reg.current')}）</span>}
            </h2>
            {renamed && <p className="aside">{t('library.historyNumberChanged', renamed)}</p>}
            <div className="statute" lang="zh-CN">
              {lines ? <MarkedLines lines={lines} label={entry.label ?? undefined} /> : <p className="comparison-absent">{t('library.historyAbsent')}</p>}
            </div>
            {entry.number !== null && entry.effectiveOn && !entry.selected && (
              <p className="lib-history__open">
                <Link
                  href={`${articlePath(data.regulation.slug, { number: entry.number, sub: entry.sub ?? undefined })}?at=${entry.effectiveOn}`}
                  aria-label={`${t('library.openArticle')}：${entry.label}（${versionLabel(entry, t, locale)}）`}
                >
                  {t('library.openArticle')}
                </Link>
              </p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
