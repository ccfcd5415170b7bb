'use client';

import { translate } from '@/lib/i18n';

// The root layout itself failed, so no provider is available: show both languages.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: 'sans-serif', padding: '2rem', maxWidth: '40rem', margin: '0 auto' }}>
        <title>{translate('zh-CN', 'error.title')}</title>
        <h1>{translate('zh-CN', 'error.title')}</h1>
        <p>{translate('zh-CN', 'error.text')}</p>
        <p lang="en">{translate('en', 'error.text')}</p>
        <button type="button" onClick={reset}>
          {translate('zh-CN', 'error.retry')} / {translate('en', 'error.retry')}
        </button>
      </body>
    </html>
  );
}
