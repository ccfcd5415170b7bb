'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { saveExplainerAction } from '@/app/_actions/explainers';
import type { FormState } from '@/app/_lib/formState';
import { FormMessage } from '../FormMessage';
import { useT } from '../I18nProvider';

/// A citation as the preview reports it.
interface PreviewCitation {
  text: string;
  citation: string | null;
  status: 'current' | 'amended' | 'repealed' | 'unresolved';
}

/// What the editor starts from: an existing piece of content, or blanks.
export interface ExplainerDraft {
  id?: string;
  kind: string;
  title: string;
  summary: string;
  body: string;
  topics: string;
  regulations: string;
  asOf: string;
  intendedCitations: string[];
}

/// The content editor: kind, title, summary, the regulations it concerns and the date it speaks
/// of, and the Markdown body with a live preview beside it in which every citation is resolved
/// (linked, or marked when it names nothing). A citation that names nothing can be ticked as
/// meant (e.g. a national law); until then the content cannot go to review.
export function ExplainerForm({ draft, kinds }: { draft: ExplainerDraft; kinds: { value: string; label: string }[] }) {
  const t = useT();
  const [state, action, pending] = useActionState<FormState, FormData>(saveExplainerAction, {});
  const [body, setBody] = useState(draft.body);
  const [asOf, setAsOf] = useState(draft.asOf);
  const [regulations, setRegulations] = useState(draft.regulations);
  const [preview, setPreview] = useState<{ html: string; citations: PreviewCitation[] } | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      try {
        const res = await fetch('/api/v1/content/preview', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ body, asOf, regulations: regulations.split(/[\n,，、;；]+/).map((s) => s.trim()).filter(Boolean) }),
        });
        const json = await res.json();
        if (!res.ok) throw new Error(json.error?.message ?? String(res.status));
        setPreview(json);
        setPreviewError(null);
      } catch (e) {
        setPreviewError(e instanceof Error ? e.message : String(e));
      }
    }, 400);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [body, asOf, regulations]);
  const value = (name: keyof ExplainerDraft, fallback: string) => (state.error ? (state.values?.[name] ?? fallback) : fallback);
  const unresolved = [...new Set((preview?.citations ?? []).filter((c) => c.status === 'unresolved').map((c) => c.text))];
  return (
    <form action={action} className="form explainer-form" data-testid="explainer-form">
      {draft.id && <input type="hidden" name="id" value={draft.id} />}
      <div className="form--inline">
        <label className="field">
          <span>{t('explainer.kindLabel')}</span>
          <select name="kind" defaultValue={value('kind', draft.kind)}>
            {kinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('explainer.asOf')}</span>
          <input name="asOf" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} required />
        </label>
      </div>
      <label className="field">
        <span>{t('explainer.titleLabel')}</span>
        <input name="title" defaultValue={value('title', draft.title)} maxLength={120} required aria-invalid={state.field === 'title' || undefined} />
      </label>
      <label className="field">
        <span>{t('explainer.summary')}</span>
        <textarea name="summary" rows={2} defaultValue={value('summary', draft.summary)} maxLength={500} />
      </label>
      <div className="form--inline">
        <label className="field">
          <span>{t('explainer.regulations')}</span>
          <textarea name="regulations" rows={2} value={regulations} onChange={(e) => setRegulations(e.target.value)} placeholder={t('explainer.regulationsHint')} aria-invalid={state.field === 'regulations' || undefined} />
        </label>
        <label className="field">
          <span>{t('explainer.topics')}</span>
          <textarea name="topics" rows={2} defaultValue={value('topics', draft.topics)} placeholder={t('explainer.topicsHint')} />
        </label>
      </div>
      <div className="explainer-editor">
        <label className="field">
          <span>{t('explainer.body')}</span>
          <textarea name="body" rows={22} value={body} onChange={(e) => setBody(e.target.value)} aria-invalid={state.field === 'body' || undefined} />
          <small className="aside">{t('explainer.bodyHint')}</small>
        </label>
        <section className="explainer-preview" aria-label={t('explainer.preview')} aria-live="polite">
          <h2>{t('explainer.preview')}</h2>
          {previewError ? <p className="form-message form-message--error">{previewError}</p> : <div className="explainer-body" data-testid="preview" dangerouslySetInnerHTML={{ __html: preview?.html ?? '' }} />}
        </section>
      </div>
      {unresolved.length > 0 && (
        <fieldset className="field" data-testid="unresolved">
          <legend>{t('explainer.unresolved')}</legend>
          {unresolved.map((c) => (
            <label key={c}>
              <input type="checkbox" name="intended" value={c} defaultChecked={draft.intendedCitations.includes(c)} /> {t('explainer.intended', { citation: c })}
            </label>
          ))}
        </fieldset>
      )}
      <FormMessage state={state} />
      <div className="form--inline">
        <button type="submit" name="intent" value="save" className="button" disabled={pending}>
          {t('explainer.save')}
        </button>
        <button type="submit" name="intent" value="submit" className="button button--primary" disabled={pending}>
          {t('explainer.saveSubmit')}
        </button>
      </div>
    </form>
  );
}
