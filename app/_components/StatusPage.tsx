import Link from 'next/link';
import type { MessageKey } from '@/lib/i18n';
import { pageTranslator } from '@/app/_lib/session';

/// The page shown instead of one that cannot be: its HTTP status, what happened, and the way home.
export async function StatusPage({ code, title, text, testId }: { code: number; title: MessageKey; text: MessageKey; testId?: string }) {
  const { t } = await pageTranslator();
  return (
    <div className="page page--narrow status-page" data-testid={testId}>
      <p className="status-page__code" aria-hidden="true">
        {code}
      </p>
      <h1>{t(title)}</h1>
      <title>{t(title)}</title>
      <p>{t(text)}</p>
      <p>
        <Link href="/" className="button button--primary">
          {t('notFound.back')}
        </Link>
      </p>
    </div>
  );
}
