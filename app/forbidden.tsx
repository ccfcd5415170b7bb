import Link from 'next/link';
import { pageTranslator } from '@/app/_lib/session';

export default async function Forbidden() {
  const { t } = await pageTranslator();
  return (
    <div className="page page--narrow status-page" data-testid="forbidden">
      <p className="status-page__code" aria-hidden="true">
        403
      </p>
      <h1>{t('forbidden.title')}</h1>
      <title>{t('forbidden.title')}</title>
      <p>{t('forbidden.text')}</p>
      <p>
        <Link href="/" className="button button--primary">
          {t('notFound.back')}
        </Link>
      </p>
    </div>
  );
}
