import { getEngine } from '@/lib/api';
import { feedAlternate } from '@/app/_lib/metadata';
import type { Metadata } from 'next';
import Link from 'next/link';
import { searchExplainers } from '@/lib/explainers';
import { Pager } from '@/app/_components/Pager';
import { redirect } from 'next/navigation';
import {
  articlePath, findRegulationOn, withoutList, listRegulations, readLibraryQuery, regulationSorts, resolveCitationQuery, searchLibrary, type LibraryQuery, type RegulationSort,
} from '@/lib/library';
import { isAppError } from '@/lib/errors';
import { describeError, translator, vocabularyLabel, type MessageKey } from '@/lib/i18n';
import { FilterSelect } from '@/app/_components/FilterSelect';
import { ResultHit } from '@/app/_components/ResultHit';
import { displayDate, regulationPath } from '@/app/_lib/library';
import { libraryHref } from '@/app/_lib/libraryQuery';
import { pageTranslator } from '@/app/_lib/session';
import { jurisdictionRelations, regulationKinds, regulationStatuses } from '@/lib/shared';
import { JurisdictionBadge } from '@/app/_components/JurisdictionBadge';
import { SearchUnderstood } from '@/app/_components/SearchUnderstood';

export const dynamic = 'force-dynamic';

const sortLabels: Record<RegulationSort, MessageKey> = { effective: 'library.sortEffective', adopted: 'library.sortAdopted', title: 'library.sortTitle' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [{ t }, sp] = await Promise.all([pageTranslator(), searchParams]);
  const q = typeof sp.q === 'string' ? sp.q.slice(0, 40) : '';
  return { title: q ? `${q} · ${t('library.title')}` : t('library.title'), ...feedAlternate('/feeds/regulations.atom') };
}

export default async function LibraryPage({ searchParams }: Props) {
  const [{ locale }, raw] = await Promise.all([pageTranslator(), searchParams]);
  const t = translator(locale);
  const query: LibraryQuery = readLibraryQuery(raw);
  if (query.q && !query.in) {
    const cited = await resolveCitationQuery(getEngine(), query.q);
    if (cited) redirect(articlePath(cited.slug, { number: cited.article, sub: cited.sub }));
  }
  const list = await listRegulations(getEngine(), { ...query, pageSize: 20 });
  let within: { title: string; slug: string } | null = null;
  if (query.in) {
    try {
      within = await findRegulationOn(getEngine(), query.in);
    } catch {
      within = null;
    }
  }
  let search: Awaited<ReturnType<typeof searchLibrary>> | null = null;
  const content = query.q && !query.in && (query.page ?? 1) === 1 ? await searchExplainers(getEngine(), query.q, { limit: 5 }) : [];
  let searchError: string | null = null;
  if (query.q) {
    try {
      search = await searchLibrary(getEngine(), { ...query, q: query.q, within: within?.slug, without: withoutList(query.without) });
    } catch (e) {
      if (!isAppError(e)) throw e;
      searchError = describeError(locale, e);
    }
  }
  const filtersActive = !!(query.status || query.kind || query.year || query.topic);
  const scopes = jurisdictionRelations.filter((r) => list.facets.scopes[r]);
  const any = t('library.any');
  return (
    <div className="page page--wide library">
      <h1>{t('library.title')}</h1>
      <p className="lead">{t('library.lead')}</p>
      <form method="get" action="/regulations" className="library-search" role="search">
        <label htmlFor="library-q" className="visually-hidden">
          {t('library.searchLabel')}
        </label>
        <input id="library-q" name="q" type="search" defaultValue={query.q} placeholder={t('library.searchPlaceholder')} maxLength={1000} autoComplete="off" />
        {within && <input type="hidden" name="in" value={within.slug} />}
        <button type="submit" className="button button--primary">
          {t('library.searchSubmit')}
        </button>
        <details className="filters" open={filtersActive}>
          <summary>{t('library.filters')}</summary>
          <div className="filters__grid">
            <FilterSelect label={t('library.status')} name="status" value={query.status} any={any} options={regulationStatuses.map((s) => ({ value: s, label: t(vocabularyLabel('regulationStatus', s)) }))} />
            <FilterSelect label={t('library.kind')} name="kind" value={query.kind} any={any} options={regulationKinds.map((k) => ({ value: k, label: t(vocabularyLabel('regulationKind', k)) }))} />
            <FilterSelect label={t('library.year')} name="year" value={query.year} any={any} options={list.facets.years.map((y) => ({ value: y, label: String(y) }))} />
            <FilterSelect label={t('library.topic')} name="topic" value={query.topic} any={any} options={list.facets.topics.map((x) => ({ value: x, label: x }))} />
            {!query.q && (
              <label className="field">
                <span>{t('library.sort')}</span>
                <select name="sort" defaultValue={query.sort ?? 'effective'}>
                  {regulationSorts.map((sort) => (
                    <option key={sort} value={sort}>
                      {t(sortLabels[sort])}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <div className="filters__actions">
              <button type="submit" className="button">
                {t('library.apply')}
              </button>
              {filtersActive && <Link href={libraryHref({ ...query, status: undefined, kind: undefined, year: undefined, topic: undefined }, { page: undefined })}>{t('library.clear')}</Link>}
            </div>
          </div>
        </details>
      </form>

      {scopes.length > 0 && (
        <nav className="scope-tabs" aria-label={t('jurisdiction.label')} data-testid="scope-tabs">
          <Link href={libraryHref({ ...query, scope: undefined }, { page: undefined })} aria-current={!query.scope ? 'page' : undefined}>
            {t('library.any')}
          </Link>
          {scopes.map((r) => (
            <Link key={r} href={libraryHref({ ...query, scope: r }, { page: undefined })} aria-current={query.scope === r ? 'page' : undefined}>
              {t(vocabularyLabel('jurisdictionRelation', r))} <small>{list.facets.scopes[r]}</small>
            </Link>
          ))}
        </nav>
      )}

      {searchError && (
        <p className="form-message form-message--error" role="alert">
          {searchError}
        </p>
      )}

      {search && query.q ? (
        <section aria-labelledby="results-title" className="results">
          <h2 id="results-title" data-testid="results-summary">
            {within ? t('library.searchWithinResults', { q: query.q, title: within.title }) + ' · ' : ''}
            {search.hits === 0
              ? t('library.noResults', { q: query.q })
              : search.total !== null
                ? t('library.results', { q: query.q, hits: search.total, count: search.groups.length })
                : t('library.resultsMore', { q: query.q, hits: (search.page - 1) * search.pageSize + search.hits })}
          </h2>
          <SearchUnderstood understood={search.understood} query={query} t={t} />
          {search.groups.map((g) => (
            <article key={g.regulationId} className="result-group">
              <h3>
                <Link href={regulationPath(g.slug)}>{g.title}</Link> <JurisdictionBadge jurisdiction={g.jurisdiction} t={t} />
              </h3>
              <ol className="result-hits">
                {g.hits.map((h) => (
                  <li key={h.eid}>
                    <ResultHit href={articlePath(g.slug, h)} label={h.label} snippet={h.snippet} highlights={h.highlights} />
                  </li>
                ))}
              </ol>
            </article>
          ))}
          <Pager page={search.page} hasMore={search.hasMore} href={(page) => libraryHref(query, { page })} t={t} />
          {content.length > 0 && (
            <section aria-labelledby="content-results-title" className="content-results" data-testid="content-results">
              <h3 id="content-results-title">
                {t('explainer.title')} · <Link href={`/explainers?q=${encodeURIComponent(query.q)}`}>{t('library.onlyContent')}</Link>
              </h3>
              <ol className="result-hits">
                {content.map((h) => (
                  <li key={h.id}>
                    <ResultHit href={`/explainers/${h.id}`} label={`${t(vocabularyLabel('explainerKind', h.kind))}　${h.title}`} snippet={h.snippet} highlights={h.highlights} />
                  </li>
                ))}
              </ol>
            </section>
          )}
        </section>
      ) : !query.q ? (
        <section aria-labelledby="list-title" className="reg-list">
          <h2 id="list-title">{t('library.count', { count: list.total })}</h2>
          {list.total === 0 ? (
            <p className="empty-state">{filtersActive ? t('library.empty') : t('library.emptyLibrary')}</p>
          ) : (
            <ul>
              {list.items.map((r) => (
                <li key={r.id} className="reg-list__item">
                  <Link href={regulationPath(r.slug)} className="reg-list__title">
                    {r.title}
                  </Link>
                  <span className="reg-list__meta">
                    <JurisdictionBadge jurisdiction={r.jurisdiction} t={t} />
                    <span className={`badge badge--${r.status}`}>{t(`status.${r.status}`)}</span>
                    {r.amended && <span className="badge badge--amended">{t('status.amended')}</span>}
                    <span>{t(`kind.${r.kind}`)}</span>
                    {r.topic && <span>{r.topic}</span>}
                    <span>
                      {t('reg.effectiveOn')} {displayDate(r.effectiveOn, locale)}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          )}
          <Pager page={list.page} hasMore={list.page * list.pageSize < list.total} href={(page) => libraryHref(query, { page })} t={t} />
        </section>
      ) : null}
    </div>
  );
}

