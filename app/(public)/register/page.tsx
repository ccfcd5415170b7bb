import Link from 'next/link';
import { RegisterForm } from '@/app/_components/RegisterForm';
import { returnPathOf } from '@/app/_lib/formState';
import { titledPage } from '@/app/_lib/metadata';
import { pageTranslator } from '@/app/_lib/session';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledPage('register.title');

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const [{ t }, returnTo] = await Promise.all([pageTranslator(), returnPathOf(searchParams)]);
  return (
    <div className="page page--narrow">
      <h1>{t('register.title')}</h1>
      <RegisterForm next={returnTo} mailServer={!!process.env.SMTP_URL} />
      <p className="aside">
        {t('register.haveAccount')} <Link href="/login">{t('nav.signIn')}</Link>
      </p>
    </div>
  );
}
