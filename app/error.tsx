'use client';

import { useEffect } from 'react';
import { useT } from '@/app/_components/I18nProvider';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="page page--narrow status-page" role="alert">
      <h1>{t('error.title')}</h1>
      <title>{t('error.title')}</title>
      <p>{t('error.text')}</p>
      {error.digest && <p className="aside">#{error.digest}</p>}
      <p>
        <button type="button" className="button button--primary" onClick={reset}>
          {t('error.retry')}
        </button>
      </p>
    </div>
  );
}
