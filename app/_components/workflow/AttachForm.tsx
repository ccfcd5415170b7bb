'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useT } from '../I18nProvider';

/// "添加附件": sends a PDF or Word file to the bill with the upload's progress shown, and the
/// server's answer (in plain words) when it refuses one.
export function AttachForm({ billId, transitions }: { billId: string; transitions: { id: string; label: string }[] }) {
  const t = useT();
  const router = useRouter();
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const send = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/bills/${billId}/attachments`);
    xhr.upload.onprogress = (e) => setProgress(e.lengthComputable ? Math.round((e.loaded / e.total) * 100) : null);
    xhr.onload = () => {
      setProgress(null);
      if (xhr.status === 201) {
        setMessage({ error: false, text: t('workflow.attached') });
        form.reset();
        router.refresh();
      } else {
        let text = t('err.internal');
        try {
          text = (JSON.parse(xhr.responseText) as { error: { message: string } }).error.message;
        } catch {
          // Not our envelope (a proxy's page): the general sentence stands.
        }
        setMessage({ error: true, text });
      }
    };
    xhr.onerror = () => {
      setProgress(null);
      setMessage({ error: true, text: t('err.network') });
    };
    setMessage(null);
    setProgress(0);
    xhr.send(data);
  };
  return (
    <form
      className="form form--inline"
      data-testid="attach-form"
      onSubmit={(e) => {
        e.preventDefault();
        send(e.currentTarget);
      }}
    >
      <label className="field">
        <span>{t('workflow.attachFile')}</span>
        <input type="file" name="file" required accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document" />
      </label>
      {transitions.length > 0 && (
        <label className="field">
          <span>{t('workflow.attachTo')}</span>
          <select name="transitionId" defaultValue={transitions[0].id}>
            {transitions.map((tr) => (
              <option key={tr.id} value={tr.id}>
                {tr.label}
              </option>
            ))}
            <option value="">{t('workflow.attachToBill')}</option>
          </select>
        </label>
      )}
      <button type="submit" className="button" disabled={progress !== null}>
        {t('workflow.attachSubmit')}
      </button>
      {progress !== null && <progress max={100} value={progress} aria-label={t('workflow.attachProgress')} />}
      {message && (
        <p className={message.error ? 'form-message form-message--error' : 'form-message form-message--notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
