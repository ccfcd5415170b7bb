import type { Metadata } from 'next';
import Link from 'next/link';
import { getEngine } from '@/lib/api';
import { can } from '@/lib/auth';
import { getExplainer, listRevisions, movedArticles, renderExplainerBody, type ResolvedCitation } from '@/lib/explainers';
import { vocabularyLabel } from '@/lib/i18n';
import { splitLines, tokensToRuns } from '@/lib/legal-text';
import { regulationPath } from '@/lib/library';
import { routeParam } from '@/lib/shared';
import { MarkedLines } from '@/app/_components/versions/MarkedLines';
import { ReviewExplainerForm, UnpublishExplainerForm } from '@/app/_components/explainers/ReviewForms';
import { displayDate, displayDateTime, orNotFound } from '@/app/_lib/library';
import { currentUser, pageTranslator } from '@/app/_lib/session';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  try {
    return { title: (await getExplainer(getEngine(), await currentUser(), routeParam(id))).title };
  } catch {
    return {};
  }
}

/// The before and after of a cited article that moved since the content was written.
function Moved({ c, t }: { c: ResolvedCitation; t: (k: 'explainer.before' | 'explainer.after') => string }) {
  if (!c.change) return null;
  const before = c.change.tokens.length ? tokensToRuns(c.change.tokens.filter((x) => x.op !== 'insert')) : [{ text: c.change.before }];
  const after = c.change.tokens.length ? tokensToRuns(c.change.tokens.filter((x) => x.op !== 'delete')) : c.change.after ? [{ text: c.change.after }] : [];
  return (
    <div className="compare-pair">
      <div>
        <h4>{t('explainer.before')}</h4>
        <MarkedLines lines={splitLines(before)} />
      </div>
      <div>
        <h4>{t('explainer.after')}</h4>
        {after.length ? <MarkedLines lines={splitLines(after)} /> : <p>—</p>}
      </div>
    </div>
  );
}

/// One piece of content: its kind, date and regulations, notices for cited provisions amended or
/// repealed since its date (with the old and new text), the body with every citation linked, and
/// the provisions it cites, each expandable in place. Its author may edit it; a reviewer reviews.
export default async function ExplainerPage({ params }: Props) {
  const [{ id: raw }, { t, locale }, user] = await Promise.all([params, pageTranslator(), currentUser()]);
  const e = await orNotFound(() => getExplainer(getEngine(), user, routeParam(raw)));
  const html = await renderExplainerBody(getEngine(), e);
  // One notice per article that moved, however many of its 款 the text cites.
  const moved = movedArticles(e.citations);
  const cited = [...new Map(e.citations.filter((c) => c.citation && c.href).map((c) => [c.citation, c])).values()];
  const mine = user?.id === e.authorId;
  const revisions = mine || can(user, 'explainer:review') ? await listRevisions(getEngine(), user, e.id) : [];
  return (
    <article className="page explainer-page">
      <p className="breadcrumb">
        <Link href="/explainers">← {t('explainer.title')}</Link>
      </p>
      <p className="aside">
        <span className="badge badge--plain">{t(vocabularyLabel('explainerKind', e.kind))}</span>
        {e.status !== 'approved' && <span className="badge badge--amended">{t(vocabularyLabel('explainerStatus', e.status))}</span>} {t('explainer.asOfLine', { date: displayDate(e.asOf, locale) })}
        {e.authorName && ` · ${e.authorName}`}
      </p>
      <h1>{e.title}</h1>
      {e.summary && <p className="lead">{e.summary}</p>}
      {e.regulations.length > 0 && (
        <p className="aside">
          {t('explainer.concerns')}
          {e.regulations.map((r) => (
            <Link key={r.id} href={`${regulationPath(r.slug)}?at=${e.asOf}`}>
              《{r.title}》
            </Link>
          ))}
        </p>
      )}
      {e.reviewNote && (mine || can(user, 'explainer:review')) && e.status !== 'approved' && <p className="notice">{t('explainer.reviewNoteLine', { note: e.reviewNote })}</p>}
      {moved.map((c, i) => (
        <div key={i} className="notice notice--ahead" role="status" data-testid="citation-moved">
          <p>{c.status === 'repealed' ? t('explainer.citedRepealed', { citation: c.citation ?? c.text, date: displayDate(c.change!.on, locale) }) : t('explainer.citedAmended', { citation: c.citation ?? c.text, date: displayDate(c.change!.on, locale) })}</p>
          <Moved c={c} t={t} />
        </div>
      ))}
      <div className="explainer-body" data-testid="explainer-body" dangerouslySetInnerHTML={{ __html: html }} />
      {cited.length > 0 && (
        <section aria-labelledby="cited-title" className="cited">
          <h2 id="cited-title">{t('explainer.cited')}</h2>
          {cited.map((c) => (
            <details key={c.citation} data-testid="cited">
              <summary>
                {c.citation} <small className="aside">{t('explainer.asOfLine', { date: displayDate(c.at, locale) })} · {t(vocabularyLabel('citationStatus', c.status))}</small>
              </summary>
              {c.quote && (
                <div className="statute" lang="zh-CN">
                  {c.quote.split('\n').map((line, i) => (
                    <p key={i}>{line}</p>
                  ))}
                </div>
              )}
              <Link href={c.href!}>{t('explainer.openArticle')}</Link>
            </details>
          ))}
        </section>
      )}
      {(mine || can(user, 'explainer:review')) && (
        <details className="revisions" data-testid="revisions">
          <summary>{t('explainer.revisions', { n: e.revision })}</summary>
          <ol>
            {revisions.map((r) => (
              <li key={r.seq}>
                <p className="aside">
                  {t('explainer.revision', { n: r.seq })} · {displayDateTime(r.at)} · {r.author ?? '—'}
                </p>
                {r.seq > 1 && <MarkedLines lines={splitLines(tokensToRuns(r.tokens))} />}
              </li>
            ))}
          </ol>
        </details>
      )}
      {mine && (
        <p>
          <Link href={`/explainers/${e.id}/edit`} className="button">
            {t('explainer.edit')}
          </Link>
        </p>
      )}
      {!mine && can(user, 'explainer:review') && e.status === 'in_review' && <ReviewExplainerForm id={e.id} />}
      {can(user, 'explainer:review') && e.status === 'approved' && <UnpublishExplainerForm id={e.id} />}
    </article>
  );
}
