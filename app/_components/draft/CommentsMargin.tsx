'use client';

import { useCallback, useEffect, useState } from 'react';
import type { DraftCommentView } from '@/lib/drafting';
import { useT } from '@/app/_components/I18nProvider';

type ArticleRef = { eid: string; label: string };

async function api<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
  if (!res.ok) throw new Error((await res.json().catch(() => null))?.error?.message ?? res.statusText);
  return (res.status === 204 ? null : await res.json()) as T;
}

/// The margin of staff comments: threads grouped by the article they are anchored to (by eid, so
/// they follow it through renumbering), newest article order first to last, with reply and
/// resolve. Refreshes itself every few seconds.
export function CommentsMargin({ draftId, articles, currentArticle, canComment }: { draftId: string; articles: ArticleRef[]; currentArticle: string | null; canComment: boolean }) {
  const t = useT();
  const [comments, setComments] = useState<DraftCommentView[]>([]);
  const [target, setTarget] = useState<string>('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setComments((await api<{ items: DraftCommentView[] }>(`/api/v1/drafts/${draftId}/comments`)).items);
    } catch {
      // A failed refresh keeps what is shown; the next one will try again.
    }
  }, [draftId]);

  useEffect(() => {
    void load();
    const timer = setInterval(load, 5000);
    return () => clearInterval(timer);
  }, [load]);

  useEffect(() => {
    if (currentArticle) setTarget(currentArticle);
  }, [currentArticle]);

  const labelOf = new Map(articles.map((a) => [a.eid, a.label]));
  const order = new Map(articles.map((a, i) => [a.eid, i]));
  const roots = comments.filter((c) => !c.parentId);
  const visible = roots.filter((c) => showResolved || !c.resolved).sort((a, b) => (order.get(a.articleEid) ?? 1e9) - (order.get(b.articleEid) ?? 1e9));
  const resolvedCount = roots.filter((c) => c.resolved).length;

  async function submit(input: { articleEid: string; body: string; parentId?: string }) {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/v1/drafts/${draftId}/comments`, { method: 'POST', body: JSON.stringify(input) });
      await load();
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function resolve(id: string, resolved: boolean) {
    try {
      await api(`/api/v1/drafts/${draftId}/comments/${id}`, { method: 'PATCH', body: JSON.stringify({ resolved }) });
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <aside className="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">{t('comments.title')}</h2>
      {canComment && (
        <form
          className="comments__new"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await submit({ articleEid: target || articles[0]?.eid, body })) setBody('');
          }}
        >
          <label className="field">
            <span>{t('comments.on')}</span>
            <select value={target} onChange={(e) => setTarget(e.target.value)}>
              {articles.map((a) => (
                <option key={a.eid} value={a.eid}>
                  {a.label}
                </option>
              ))}
            </select>
          </label>
          <textarea aria-label={t('comments.placeholder')} placeholder={t('comments.placeholder')} value={body} onChange={(e) => setBody(e.target.value)} rows={3} maxLength={5000} />
          <button type="submit" className="button" disabled={busy || body.trim() === ''}>
            {t('comments.add')}
          </button>
        </form>
      )}
      {error && (
        <p className="form-message form-message--error" role="alert">
          {error}
        </p>
      )}
      {visible.length === 0 && <p className="empty-state">{t('comments.empty')}</p>}
      <ol className="comments__threads">
        {visible.map((root) => (
          <li key={root.id} className={root.resolved ? 'thread thread--resolved' : 'thread'} data-article={root.articleEid}>
            <p className="thread__anchor">{labelOf.get(root.articleEid) ?? t('comments.orphan')}</p>
            {[root, ...comments.filter((c) => c.parentId === root.id)].map((c) => (
              <div key={c.id} className="comment">
                <p className="comment__meta">
                  <strong>{c.authorName}</strong> <time dateTime={c.createdAt}>{new Date(c.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })}</time>
                </p>
                <p className="comment__body">{c.body}</p>
              </div>
            ))}
            {canComment && (
              <div className="thread__actions">
                <ReplyForm onReply={(text) => submit({ articleEid: root.articleEid, body: text, parentId: root.id })} busy={busy} />
                <button type="button" className="tool-button" onClick={() => resolve(root.id, !root.resolved)}>
                  {root.resolved ? t('comments.reopen') : t('comments.resolve')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {resolvedCount > 0 && (
        <label className="comments__toggle">
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> {t('comments.showResolved', { count: resolvedCount })}
        </label>
      )}
    </aside>
  );
}

function ReplyForm({ onReply, busy }: { onReply: (text: string) => Promise<boolean>; busy: boolean }) {
  const t = useT();
  const [text, setText] = useState('');
  return (
    <form
      className="reply"
      onSubmit={async (e) => {
        e.preventDefault();
        if (text.trim() && (await onReply(text))) setText('');
      }}
    >
      <input aria-label={t('comments.replyPlaceholder')} placeholder={t('comments.replyPlaceholder')} value={text} onChange={(e) => setText(e.target.value)} maxLength={5000} />
      <button type="submit" className="tool-button" disabled={busy || !text.trim()}>
        {t('comments.reply')}
      </button>
    </form>
  );
}
