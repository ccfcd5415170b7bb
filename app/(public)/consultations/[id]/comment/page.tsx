import Link from 'next/link';
import { getConsultation, listPublishedComments } from '@/lib/consultation';
import { articleText, splitLines, tokensToRuns } from '@/lib/legal-text';
import { CommentForm } from '@/app/_components/consultation/CommentForm';
import { Pager } from '@/app/_components/Pager';
import { StatuteArticleBody } from '@/app/_components/StatuteText';
import { MarkedLines } from '@/app/_components/versions/MarkedLines';
import { displayDate, orNotFound } from '@/app/_lib/library';
import { titledPage } from '@/app/_lib/metadata';
import { currentUser, pageTranslator } from '@/app/_lib/session';
import { getEngine } from '@/lib/api';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ article?: string; page?: string }> };

const PAGE_SIZE = 50;

export const generateMetadata = titledPage('consult.commentTitle');

/// One task per page, phone first: the article (or the draft as a whole), the comment form or
/// what stands in its way (signing in, a closed consultation), and the comments already published
/// on it, a page at a time, each proposed wording marked against the article as diffed when the
/// comment was stored.
export default async function CommentPage({ params, searchParams }: Props) {
  const [{ id }, sp, { t, locale }, user] = await Promise.all([params, searchParams, pageTranslator(), currentUser()]);
  const c = await orNotFound(() => getConsultation(getEngine(), id));
  const article = sp.article ? (c.text.articles.find((a) => a.eid === sp.article) ?? null) : null;
  const unknownArticle = sp.article !== undefined && article === null;
  const page = Math.max(1, Math.min(1000, Number.parseInt(sp.page ?? '1', 10) || 1));
  // One more than a page tells whether there is a next one.
  const fetched = unknownArticle ? [] : await listPublishedComments(getEngine(), c.id, { articleEid: article?.eid ?? null, limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
  const comments = fetched.slice(0, PAGE_SIZE);
  const count = article ? (c.articleCounts[article.eid] ?? 0) : c.generalCount;
  const here = `/consultations/${c.id}/comment${article ? `?article=${encodeURIComponent(article.eid)}` : ''}`;
  const original = article ? articleText(article) : null;
  return (
    <div className="page page--narrow consult-page comment-page">
      <p className="breadcrumb">
        <Link href={`/consultations/${c.id}`}>← {c.title}</Link>
      </p>
      <h1>{article ? t('consult.commentOnTitle', { label: article.label }) : t('consult.commentWholeTitle')}</h1>
      {unknownArticle && <p className="form-message form-message--error">{t('err.comment_article_unknown')}</p>}
      {article && (
        <div className="statute" lang="zh-CN">
          <StatuteArticleBody article={article} />
        </div>
      )}
      {c.status !== 'open' ? (
        <p className="notice">{c.status === 'closed' ? t('consult.closedNotice', { date: displayDate(c.closesOn, locale) }) : t('consult.notOpenNotice', { date: displayDate(c.opensOn, locale) })}</p>
      ) : !user ? (
        <div className="notice sign-in-prompt">
          <p>{t('consult.signInToComment')}</p>
          <p className="consult-actions">
            <Link className="button button--primary" href={`/register?next=${encodeURIComponent(here)}`}>
              {t('nav.register')}
            </Link>
            <Link className="button button--quiet" href={`/login?next=${encodeURIComponent(here)}`}>
              {t('nav.signIn')}
            </Link>
          </p>
        </div>
      ) : (
        !unknownArticle && <CommentForm consultationId={c.id} articleEid={article?.eid ?? null} originalText={original} />
      )}
      <section className="published-comments" aria-labelledby="published-title">
        <h2 id="published-title">{t('consult.publishedComments', { n: count })}</h2>
        {comments.length === 0 ? (
          <p className="empty">{t('consult.noComments')}</p>
        ) : (
          <ol className="comment-list">
            {comments.map((m) => (
              <li key={m.id} className="comment-item">
                <p className="aside">
                  {m.authorName} · {m.createdAt.slice(0, 10)} · {m.reference}
                </p>
                <p className="comment-body">{m.body}</p>
                {m.proposedDiff && (
                  <div className="statute proposed-diff" lang="zh-CN">
                    <p className="aside">{t('consult.proposedDiff')}</p>
                    <MarkedLines lines={splitLines(tokensToRuns(m.proposedDiff))} />
                  </div>
                )}
                {m.disposition && (
                  <p className={`disposition disposition--${m.disposition.disposition}`}>
                    <strong>{t(`disposition.${m.disposition.disposition}`)}</strong>：{m.disposition.reason}
                  </p>
                )}
              </li>
            ))}
          </ol>
        )}
        <Pager
          page={page}
          hasMore={fetched.length > PAGE_SIZE}
          href={(p) => `${here}${here.includes('?') ? '&' : '?'}page=${p}#published-title`}
          t={t}
        />
      </section>
    </div>
  );
}
