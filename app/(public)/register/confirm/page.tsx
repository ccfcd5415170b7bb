import Link from 'next/link';
import { ConfirmRegistrationForm } from '@/app/_components/AccountForms';
import { titledPage } from '@/app/_lib/metadata';
import { pageTranslator } from '@/app/_lib/session';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledPage('register.confirmTitle');

/// Where the e-mailed registration link leads: one button finishes it (whether the link still
/// works is said when it is pressed, so the page itself reveals nothing to a mail scanner).
export default async function ConfirmRegistrationPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const [{ t }, { token }] = await Promise.all([pageTranslator(), searchParams]);
  return (
    <div className="page page--narrow">
      <h1>{t('register.confirmTitle')}</h1>
      <p>{t('register.confirmText')}</p>
      <ConfirmRegistrationForm token={typeof token === 'string' ? token.slice(0, 200) : ''} />
      <p className="aside">
        <Link href="/register">{t('register.again')}</Link>
      </p>
    </div>
  );
}
