import Link from 'next/link';
import { ResetPasswordForm } from '@/app/_components/AccountForms';
import { titledPage } from '@/app/_lib/metadata';
import { pageTranslator } from '@/app/_lib/session';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledPage('password.resetTitle');

/// Where an e-mailed reset link leads: the new password (the link is checked when it is saved).
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const [{ t }, { token }] = await Promise.all([pageTranslator(), searchParams]);
  return (
    <div className="page page--narrow">
      <h1>{t('password.resetTitle')}</h1>
      <ResetPasswordForm token={typeof token === 'string' ? token.slice(0, 200) : ''} />
      <p className="aside">
        <Link href="/password/forgot">{t('password.requestAgain')}</Link>
      </p>
    </div>
  );
}
