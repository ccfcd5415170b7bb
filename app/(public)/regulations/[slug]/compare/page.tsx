import { getEngine } from '@/lib/api';
import type { Metadata } from 'next';
import Link from 'next/link';
import { isAppError } from '@/lib/errors';
import { countChanges, tableRows } from '@/lib/legal-text';
import { errorMessage, type Translate, type Locale } from '@/lib/i18n';
import { compareRegulationVersions, type RegulationVersionComparison, type VersionSummary } from '@/lib/library';
import { ComparisonTable } from '@/app/_components/versions/ComparisonTable';
import { versionLabel } from '@/app/_lib/library';
import { orNotFound, regulationPath } from '@/app/_lib/library';
import { pageTranslator } from '@/app/_lib/session';
import { routeParam } from '@/lib/shared';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ from?: string; to?: string; all?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ slug }, { t }] = await Promise.all([params, pageTranslator()]);
  return { title: `${routeParam(slug)} · ${t('library.compare')}` };
}

/// A version seq from the query: absent, a number, or not a number at all.
function readSeq(value: string | undefined): { seq?: number; invalid: boolean } {
  if (value === undefined || value === '') return { invalid: false };
  return /^\d{1,6}$/.test(value) ? { seq: Number(value), invalid: false } : { invalid: true };
}

/// The comparison asked for; on a seq the regulation does not have, the default pair and why.
async function compareOrDefault(slug: string, from: string | undefined, to: string | undefined): Promise<{ result: RegulationVersionComparison; error: string | null }> {
  const a = readSeq(from);
  const b = readSeq(to);
  if (a.invalid || b.invalid) return { result: await orNotFound(() => compareRegulationVersions(getEngine(), slug)), error: 'version_seq_invalid' };
  try {
    return { result: await compareRegulationVersions(getEngine(), slug, { from: a.seq, to: b.seq }), error: null };
  } catch (e) {
    if (isAppError(e) && e.message === 'regulation_version_not_found') return { result: await orNotFound(() => compareRegulationVersions(getEngine(), slug)), error: e.message };
    return await orNotFound(() => {
      throw e;
    });
  }
}

function VersionSelect({ name, label, versions, value, t, locale }: { name: string; label: string; versions: VersionSummary[]; value: number; t: Translate; locale: Locale }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select name={name} defaultValue={String(value)}>
        {versions.map((v) => (
          <option key={v.seq} value={v.seq}>
            {versionLabel(v, t, locale)}
          </option>
        ))}
      </select>
    </label>
  );
}

/// 版本对照: two published versions of a regulation side by side (修改前 | 修改后), changed
/// articles only unless `all=1`; defaults to the two latest versions.
export default async function RegulationComparePage({ params, searchParams }: Props) {
  const [{ slug: raw }, sp, { t, locale }] = await Promise.all([params, searchParams, pageTranslator()]);
  const slug = routeParam(raw);
  const { result, error } = await compareOrDefault(slug, sp.from, sp.to);
  const { regulation, versions, from, to, comparison } = result;
  const { summary } = comparison;
  const all = sp.all === '1';
  const base = `${regulationPath(regulation.slug)}/compare`;
  const here = (showAll: boolean) => `${base}?${new URLSearchParams({ from: String(from.seq), to: String(to.seq), ...(showAll ? { all: '1' } : {}) })}`;
  const { identical } = countChanges(comparison);
  return (
    <div className="page page--wide lib-compare">
      <p className="breadcrumb">
        <Link href={regulationPath(regulation.slug)}>← {regulation.title}</Link>
      </p>
      <h1>
        <span lang="zh-CN">《{regulation.title}》</span> <span className="lib-title-suffix">· {t('library.compare')}</span>
      </h1>
      {versions.length < 2 ? (
        <p className="empty-state" data-testid="compare-single">
          {t('library.compareSingle')}
        </p>
      ) : (
        <>
          {error && (
            <p className="form-message form-message--error" role="alert">
              {errorMessage(locale, error)}
            </p>
          )}
          <form method="get" action={base} className="form form--inline compare-picker lib-compare__picker" aria-label={t('compare.pick')}>
            <VersionSelect name="from" label={t('compare.from')} versions={versions} value={from.seq} t={t} locale={locale} />
            <VersionSelect name="to" label={t('compare.to')} versions={versions} value={to.seq} t={t} locale={locale} />
            {all && <input type="hidden" name="all" value="1" />}
            <button type="submit" className="button">
              {t('compare.go')}
            </button>
          </form>
          <p className="compare-summary" data-testid="compare-summary" role="status">
            {identical ? t('compare.noChanges') : t('compare.summary', { ...summary })}
            {summary.moved > 0 && <> · {t('compare.moved', { ...summary })}</>}
          </p>
          <div className="lib-compare__bar">
            <p className="aside">{identical && !all ? '' : t('compare.legend')}</p>
            <Link href={here(!all)} className="button button--quiet">
              {all ? t('compare.showChanged') : t('compare.showAll')}
            </Link>
          </div>
          {tableRows(comparison.articles, all).length > 0 && (
            <div className="table-scroll" role="region" aria-label={t('compare.view.table')} tabIndex={0}>
              <ComparisonTable
                articles={comparison.articles}
                all={all}
                beforeHeading={`${t('compare.from')}（${versionLabel(from, t, locale)}）`}
                afterHeading={`${t('compare.to')}（${versionLabel(to, t, locale)}）`}
                t={t}
              />
            </div>
          )}
        </>
      )}
    </div>
  );
}
