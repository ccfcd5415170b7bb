'use client';

import { useActionState, useState } from 'react';
import Link from 'next/link';
import { submitCommentAction, type CommentFormState } from '@/app/_actions/consultation';
import { splitLines, tokensToRuns } from '@/lib/legal-text';
import { wordDiff } from '@/lib/legal-text';
import { FormMessage } from '../FormMessage';
import { useT } from '../I18nProvider';
import { MarkedLines } from '../versions/MarkedLines';

const MAX_BODY = 5000;

/// The comment form of a consultation: the comment, and optionally replacement wording for the
/// article (shown as a difference from the draft before and after sending). On success it is
/// replaced by the receipt with its reference number.
export function CommentForm({ consultationId, articleEid, originalText }: { consultationId: string; articleEid: string | null; originalText: string | null }) {
  const t = useT();
  const [state, action, pending] = useActionState<CommentFormState, FormData>(submitCommentAction, {});
  const [body, setBody] = useState('');
  const [propose, setPropose] = useState(false);
  const [proposed, setProposed] = useState(originalText ?? '');
  if (state.receipt) {
    const sent = state.values?.proposedText;
    return (
      <section className="receipt" role="status" aria-live="polite" data-testid="comment-receipt">
        <h2>{t('consult.receiptTitle')}</h2>
        <p>
          {t('consult.receiptReference')} <strong className="receipt__reference">{state.receipt.reference}</strong>
        </p>
        <p>{state.receipt.status === 'pending' ? t('consult.receiptPending') : t('consult.receiptPublished')}</p>
        {sent && originalText && (
          <div className="statute proposed-diff" lang="zh-CN">
            <p className="aside">{t('consult.proposedDiff')}</p>
            <MarkedLines lines={splitLines(tokensToRuns(wordDiff(originalText, sent)))} />
          </div>
        )}
        <p>
          <Link href="/account#my-comments">{t('consult.receiptFollow')}</Link> · <Link href={`/consultations/${consultationId}`}>{t('consult.backToDraft')}</Link>
        </p>
      </section>
    );
  }
  return (
    <form action={action} className="form comment-form">
      <input type="hidden" name="consultationId" value={consultationId} />
      {articleEid && <input type="hidden" name="articleEid" value={articleEid} />}
      {originalText !== null && <input type="hidden" name="originalText" value={originalText} />}
      <label className="field">
        <span>{t('consult.yourComment')}</span>
        <textarea name="body" rows={7} required maxLength={MAX_BODY} value={body || state.values?.body || ''} onChange={(e) => setBody(e.target.value)} aria-describedby="comment-count-hint" />
        <small id="comment-count-hint">{t('consult.bodyHint', { n: (body || state.values?.body || '').length, max: MAX_BODY })}</small>
      </label>
      {originalText !== null && (
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" name="propose" checked={propose} onChange={(e) => setPropose(e.target.checked)} /> {t('consult.proposeToggle')}
          </label>
          {propose && (
            <>
              <label className="field">
                <span>{t('consult.proposedText')}</span>
                <textarea name="proposedText" rows={6} maxLength={MAX_BODY} value={proposed} onChange={(e) => setProposed(e.target.value)} />
              </label>
              {proposed !== originalText && (
                <div className="statute proposed-diff" lang="zh-CN" aria-live="polite">
                  <p className="aside">{t('consult.proposedDiff')}</p>
                  <MarkedLines lines={splitLines(tokensToRuns(wordDiff(originalText, proposed)))} />
                </div>
              )}
            </>
          )}
        </div>
      )}
      <p className="aside">{t('consult.plainTextNote')}</p>
      <FormMessage state={state} />
      <button type="submit" className="button button--primary button--block" disabled={pending}>
        {pending ? t('consult.sending') : t('consult.send')}
      </button>
    </form>
  );
}
