import { ForgotPasswordForm } from '@/app/_components/AccountForms';
import { titledPage } from '@/app/_lib/metadata';
import { pageTranslator } from '@/app/_lib/session';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledPage('password.forgotTitle');

export default async function ForgotPasswordPage() {
  const { t } = await pageTranslator();
  return (
    <div className="page page--narrow">
      <h1>{t('password.forgotTitle')}</h1>
      <p>{t('password.forgotText')}</p>
      <ForgotPasswordForm />
      {!process.env.SMTP_URL && <p className="aside">{t('register.noMailServer')}</p>}
    </div>
  );
}
