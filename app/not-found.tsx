import Link from 'next/link';
import { pageTranslator } from '@/app/_lib/session';

export default async function NotFound() {
  const { t } = await pageTranslator();
  return (
    <div className="page page--narrow status-page">
      <p className="status-page__code" aria-hidden="true">
        404
      </p>
      <h1>{t('notFound.title')}</h1>
      <title>{t('notFound.title')}</title>
      <p>{t('notFound.text')}</p>
      <p>
        <Link href="/" className="button button--primary">
          {t('notFound.back')}
        </Link>
      </p>
    </div>
  );
}
