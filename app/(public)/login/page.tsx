import Link from 'next/link';
import { SignInForm } from '@/app/_components/SignInForm';
import { returnPathOf } from '@/app/_lib/formState';
import { titledPage } from '@/app/_lib/metadata';
import { pageTranslator } from '@/app/_lib/session';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledPage('signIn.title');

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const [{ t }, returnTo] = await Promise.all([pageTranslator(), returnPathOf(searchParams)]);
  return (
    <div className="page page--narrow">
      <h1>{t('signIn.title')}</h1>
      <SignInForm next={returnTo} />
      <p className="aside">
        <Link href="/password/forgot">{t('password.forgotLink')}</Link>
      </p>
      <p className="aside">
        {t('signIn.noAccount')} <Link href={returnTo ? `/register?next=${encodeURIComponent(returnTo)}` : '/register'}>{t('signIn.registerLink')}</Link>
      </p>
      <p className="aside">{t('signIn.staffNote')}</p>
    </div>
  );
}
