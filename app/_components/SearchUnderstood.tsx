import Link from 'next/link';
import { withoutList, type LibraryQuery, type SearchUnderstanding } from '@/lib/library';
import type { Translate } from '@/lib/i18n';
import { libraryHref } from '@/app/_lib/libraryQuery';

/// What the search did with a query it read as a question: the words it looked for, and the
/// statutory terms it added for colloquial ones ("也搜索了：用人单位"), each with a link that
/// searches again without it (and back). Nothing for a query found as typed.
export function SearchUnderstood({ understood, query, t }: { understood: SearchUnderstanding; query: LibraryQuery; t: Translate }) {
  if (understood.mode !== 'question') return null;
  const off = withoutList(query.without) ?? [];
  const hrefWithout = (list: string[]) => libraryHref({ ...query, without: list.length ? list.join(',') : undefined }, { page: undefined });
  const asked = understood.terms.filter((term) => !understood.expansions.some((e) => e.to.includes(term)));
  return (
    <div className="search-understood" data-testid="search-understood">
      <p>
        {t('search.readAsQuestion')} {asked.map((w) => <mark key={w}>{w}</mark>)}
      </p>
      {understood.cut && <p className="aside">{t('search.cut', { limit: understood.cut.limit })}</p>}
      {understood.expansions.length > 0 && (
        <p data-testid="expansions">
          {t('search.alsoSearched')}
          {understood.expansions.map((e) => (
            <span key={e.from} className="expansion">
              {e.to.join('、')}
              <small>
                {t('search.forWord', { word: e.from })} <Link href={hrefWithout([...off, e.from])} aria-label={t('search.switchOffLabel', { word: e.from, terms: e.to.join('、') })}>{t('search.switchOff')}</Link>
              </small>
            </span>
          ))}
        </p>
      )}
      {off.length > 0 && (
        <p className="aside" data-testid="expansions-off">
          {t('search.switchedOff', { words: off.join('、') })} <Link href={hrefWithout([])}>{t('search.switchOn')}</Link>
        </p>
      )}
    </div>
  );
}
