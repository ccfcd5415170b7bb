import Link from 'next/link';
import { can } from '@/lib/auth';
import { consultationStats, getConsultationForStaff, listStaffComments, rejectReasons, type StaffComment } from '@/lib/consultation';
import type { Translate } from '@/lib/i18n';
import { groupCampaignsAction, moderateCommentAction, updateCommentWorkAction } from '@/app/_actions/consultation';
import { DispositionForm } from '@/app/_components/consultation/DispositionForm';
import { Pager } from '@/app/_components/Pager';
import { ReportForm } from '@/app/_components/consultation/ReportForm';
import { ConsultationCharts } from '@/app/_components/consultation/ConsultationCharts';
import { displayDate, displayDateTime, orNotFound } from '@/app/_lib/library';
import { titledPage } from '@/app/_lib/metadata';
import { openBillPage } from '@/app/_lib/billPage';
import { getEngine } from '@/lib/api';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string; cid: string }>; searchParams: Promise<{ tab?: string; article?: string; page?: string }> };

const PAGE_SIZE = 100;

const tabs = ['queue', 'comments', 'stats', 'report'] as const;

export const generateMetadata = titledPage('manage.title');

/// Staff work on one consultation: the moderation queue, every comment with tags, assignee and
/// disposition (per comment or per campaign group), the heat map and charts, exports and the
/// public report.
export default async function ManageConsultationPage({ params, searchParams }: Props) {
  const [{ id, cid }, sp] = await Promise.all([params, searchParams]);
  const { user, bill, t, locale } = await openBillPage(id, `/bills/${id}/consultations/${cid}`);
  const c = await orNotFound(() => getConsultationForStaff(getEngine(), user, cid));
  const tab = tabs.find((x) => x === sp.tab) ?? 'queue';
  const path = `/bills/${bill.id}/consultations/${c.id}`;
  const canModerate = can(user, 'draft:comment', bill.resource);
  const canDecide = can(user, 'draft:edit', bill.resource);
  const stats = await consultationStats(getEngine(), user, c.id);
  const articleFilter = sp.article === 'general' ? null : sp.article;
  const page = Math.max(1, Math.min(1000, Number.parseInt(sp.page ?? '1', 10) || 1));
  const slice = { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE };
  const fetched =
    tab === 'queue'
      ? await listStaffComments(getEngine(), user, c.id, { status: 'pending', ...slice })
      : tab === 'comments'
        ? await listStaffComments(getEngine(), user, c.id, sp.article === undefined || sp.article === '' ? slice : { articleEid: articleFilter ?? null, ...slice })
        : [];
  const comments = fetched.slice(0, PAGE_SIZE);
  const pager = (
    <Pager
      page={page}
      hasMore={fetched.length > PAGE_SIZE}
      href={(p) => `${path}?${new URLSearchParams({ tab, ...(sp.article ? { article: sp.article } : {}), page: String(p) })}`}
      t={t}
    />
  );
  return (
    <div className="page page--full workspace manage-page">
      <p className="breadcrumb">
        <Link href={`/bills/${bill.id}`}>← {bill.title}</Link> · <Link href={`/bills/${bill.id}/consultations`}>{t('manage.consultations')}</Link>
      </p>
      <h1>{c.title}</h1>
      <p className="aside">
        <span className={`status-badge status-badge--${c.status}`}>{t(`consult.status.${c.status}`)}</span> {t('consult.period', { from: displayDate(c.opensOn, locale), to: displayDate(c.closesOn, locale) })} · {c.versionName} ·{' '}
        {t(`open.moderation.${c.moderation}`)} · <Link href={`/consultations/${c.id}`}>{t('manage.publicPage')}</Link>
      </p>
      <div className="compare-bar">
        <nav className="tabs" aria-label={t('manage.title')}>
          {tabs.map((x) => (
            <Link key={x} href={`${path}?tab=${x}`} className="tab" aria-current={x === tab ? 'page' : undefined}>
              {t(`manage.tab.${x}`, { n: stats.byStatus.pending })}
            </Link>
          ))}
        </nav>
        <p className="downloads">
          {t('compare.download')}：<a href={`/api/v1/consultations/${c.id}/export?format=csv`}>CSV</a>
          <a href={`/api/v1/consultations/${c.id}/export?format=xlsx`}>Excel</a>
        </p>
      </div>

      {tab === 'queue' && (
        <section aria-label={t('manage.tab.queue', { n: stats.byStatus.pending })}>
          {comments.length === 0 ? <p className="empty">{t('manage.queueEmpty')}</p> : <CommentList comments={comments} t={t} path={`${path}?tab=queue`} mode="queue" canModerate={canModerate} canDecide={false} members={bill.members} />}
          {pager}
        </section>
      )}

      {tab === 'comments' && (
        <section>
          <form method="get" action={path} className="form form--inline">
            <input type="hidden" name="tab" value="comments" />
            <label className="field">
              <span>{t('manage.filterArticle')}</span>
              <select name="article" defaultValue={sp.article ?? ''}>
                <option value="">{t('manage.allArticles')}</option>
                <option value="general">{t('consult.whole')}</option>
                {c.text.articles.map((a) => (
                  <option key={a.eid} value={a.eid}>
                    {a.label}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button button--quiet">
              {t('manage.filter')}
            </button>
          </form>
          {canDecide && (
            <form action={groupCampaignsAction} className="inline-form">
              <input type="hidden" name="consultationId" value={c.id} />
              <input type="hidden" name="path" value={path} />
              <button type="submit" className="button button--quiet">
                {t('manage.groupCampaigns')}
              </button>
            </form>
          )}
          {comments.length === 0 ? (
            <p className="empty">{t('manage.noComments')}</p>
          ) : (
            <CommentList comments={comments} t={t} path={`${path}?tab=comments`} mode="work" canModerate={canModerate} canDecide={canDecide} members={bill.members} />
          )}
          {pager}
        </section>
      )}

      {tab === 'stats' && <ConsultationCharts stats={stats} t={t} filterHref={(eid) => `${path}?tab=comments&article=${eid ?? 'general'}`} />}

      {tab === 'report' && (
        <section className="panel">
          {c.status !== 'closed' ? (
            <p>{t('manage.reportAfterClose', { date: displayDate(c.closesOn, locale) })}</p>
          ) : canDecide ? (
            <ReportForm consultationId={c.id} summary={c.reportSummary} path={`${path}?tab=report`} />
          ) : (
            <p>{t('manage.reportEditorsOnly')}</p>
          )}
          {c.reportPublished && (
            <p>
              <Link href={`/consultations/${c.id}/report`}>{t('consult.reportLink')}</Link>
            </p>
          )}
        </section>
      )}
    </div>
  );
}

function CommentList({
  comments,
  t,
  path,
  mode,
  canModerate,
  canDecide,
  members,
}: {
  comments: StaffComment[];
  t: Translate;
  path: string;
  mode: 'queue' | 'work';
  canModerate: boolean;
  canDecide: boolean;
  members: { userId: string; name: string }[];
}) {
  return (
    <ol className="comment-list staff-comments" data-testid="staff-comments">
      {comments.map((m) => (
        <li key={m.id} className={`comment-item comment-item--${m.status}`} data-reference={m.reference}>
          <p className="aside">
            <strong>{m.articleLabel ?? t('consult.whole')}</strong> · {m.reference} · {displayDateTime(new Date(m.createdAt))} · {m.authorName ?? '—'}
            {m.authorEmail && <> &lt;{m.authorEmail}&gt;</>} · {t(`commentStatus.${m.status}`)}
            {m.rejectReason && <>（{t(`rejectReason.${m.rejectReason}`)}）</>}
            {m.groupSize > 1 && <span className="role-badge">{t('manage.groupOf', { n: m.groupSize })}</span>}
            {m.tags.map((tag) => (
              <span key={tag} className="tag">
                {tag}
              </span>
            ))}
          </p>
          <p className="comment-body">{m.body}</p>
          {m.proposedText && (
            <p className="comment-proposed">
              <span className="aside">{t('consult.proposedText')}：</span>
              {m.proposedText}
            </p>
          )}
          {canModerate && (mode === 'queue' || m.status === 'published') && (
            <div className="moderation">
              {m.status !== 'published' && (
                <form action={moderateCommentAction} className="inline-form">
                  <input type="hidden" name="commentId" value={m.id} />
                  <input type="hidden" name="path" value={path} />
                  <input type="hidden" name="action" value="publish" />
                  <button type="submit" className="button button--primary">
                    {t('manage.publish')}
                  </button>
                </form>
              )}
              <form action={moderateCommentAction} className="inline-form">
                <input type="hidden" name="commentId" value={m.id} />
                <input type="hidden" name="path" value={path} />
                <input type="hidden" name="action" value="reject" />
                <label>
                  <span className="visually-hidden">{t('manage.rejectReason')}</span>
                  <select name="reason" required defaultValue="">
                    <option value="" disabled>
                      {t('manage.rejectReason')}
                    </option>
                    {rejectReasons.map((r) => (
                      <option key={r} value={r}>
                        {t(`rejectReason.${r}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="submit" className="button button--danger">
                  {t('manage.reject')}
                </button>
              </form>
            </div>
          )}
          {mode === 'work' && m.status === 'published' && (
            <details className="comment-work">
              <summary>{m.disposition ? `${t(`disposition.${m.disposition.disposition}`)}：${m.disposition.reason}` : [t('manage.undecided'), ...(canDecide ? [t('manage.decide')] : [])].join(' · ')}</summary>
              {canDecide && <DispositionForm commentId={m.id} groupSize={m.groupSize} current={m.disposition} path={path} />}
              {canModerate && (
                <form action={updateCommentWorkAction} className="form form--inline">
                  <input type="hidden" name="commentId" value={m.id} />
                  <input type="hidden" name="path" value={path} />
                  <label className="field">
                    <span>{t('manage.tags')}</span>
                    <input name="tags" defaultValue={m.tags.join('、')} maxLength={200} />
                  </label>
                  <label className="field">
                    <span>{t('manage.assignee')}</span>
                    <select name="assigneeId" defaultValue={m.assigneeId ?? ''}>
                      <option value="">—</option>
                      {members.map((u) => (
                        <option key={u.userId} value={u.userId}>
                          {u.name}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button type="submit" className="button button--quiet">
                    {t('manage.saveWork')}
                  </button>
                </form>
              )}
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
