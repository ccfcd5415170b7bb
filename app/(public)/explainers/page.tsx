import Link from 'next/link';
import { getEngine } from '@/lib/api';
import { can } from '@/lib/auth';
import { listExplainers } from '@/lib/explainers';
import { vocabularyLabel } from '@/lib/i18n';
import { explainerKinds, type ExplainerKind } from '@/lib/shared';
import { displayDate } from '@/app/_lib/library';
import { titledPage } from '@/app/_lib/metadata';
import { currentUser, pageTranslator } from '@/app/_lib/session';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledPage('explainer.title', '/feeds/content.atom');

/// The approved legal-aid and legal-education content, by kind, searchable (a substring match, so
/// one or two characters work).
export default async function ExplainersPage({ searchParams }: { searchParams: Promise<{ kind?: string; q?: string }> }) {
  const [{ t, locale }, sp, user] = await Promise.all([pageTranslator(), searchParams, currentUser()]);
  const kind = (explainerKinds as readonly string[]).includes(sp.kind ?? '') ? (sp.kind as ExplainerKind) : undefined;
  const q = (sp.q ?? '').slice(0, 100);
  const { items, total } = await listExplainers(getEngine(), user, { kind, q, limit: 50 });
  return (
    <div className="page explainers-page">
      <h1>{t('explainer.title')}</h1>
      <p className="lead">{t('explainer.lead')}</p>
      <form className="search-within" method="get" action="/explainers" role="search">
        {kind && <input type="hidden" name="kind" value={kind} />}
        <label htmlFor="explainer-q">{t('explainer.search')}</label>
        <input id="explainer-q" name="q" type="search" defaultValue={q} maxLength={100} />
        <button type="submit" className="button">
          {t('library.searchSubmit')}
        </button>
      </form>
      <nav className="tabs" aria-label={t('explainer.kindLabel')}>
        <Link href="/explainers" className="tab" aria-current={!kind ? 'page' : undefined}>
          {t('explainer.allKinds')}
        </Link>
        {explainerKinds.map((k) => (
          <Link key={k} href={`/explainers?kind=${k}`} className="tab" aria-current={k === kind ? 'page' : undefined}>
            {t(vocabularyLabel('explainerKind', k))}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <p className="empty">{q ? t('explainer.noMatch', { q }) : t('explainer.empty')}</p>
      ) : (
        <ul className="consult-list" data-testid="explainer-list">
          {items.map((e) => (
            <li key={e.id} className="consult-card">
              <p className="aside">
                <span className="badge badge--plain">{t(vocabularyLabel('explainerKind', e.kind))}</span> {displayDate(e.asOf, locale)}
              </p>
              <h2>
                <Link href={`/explainers/${e.id}`}>{e.title}</Link>
              </h2>
              {e.summary && <p>{e.summary}</p>}
              {e.regulations.length > 0 && <p className="aside">{e.regulations.map((r) => `《${r.title}》`).join('')}</p>}
            </li>
          ))}
        </ul>
      )}
      <p className="aside">
        {t('explainer.count', { n: total })} · <a href="/feeds/content.atom">{t('explainer.feed')}</a>
        {(can(user, 'explainer:write') || can(user, 'explainer:review')) && (
          <>
            {' · '}
            <Link href="/explainers/manage">{t('explainer.manage')}</Link>
          </>
        )}
      </p>
    </div>
  );
}
