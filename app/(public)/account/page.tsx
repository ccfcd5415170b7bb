import Link from 'next/link';
import { listMyComments } from '@/lib/consultation';
import { ChangePasswordForm } from '@/app/_components/AccountForms';
import { titledPage } from '@/app/_lib/metadata';
import { pageTranslator, requirePermission } from '@/app/_lib/session';
import { getEngine } from '@/lib/api';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledPage('account.title');

export default async function AccountPage() {
  const user = await requirePermission('account:view', '/account');
  const { t } = await pageTranslator();
  const myComments = await listMyComments(getEngine(), user);
  return (
    <div className="page page--narrow">
      <h1>{t('account.title')}</h1>
      <dl className="facts">
        <dt>{t('account.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('account.role')}</dt>
        <dd data-testid="account-role">{t(`role.${user.role}`)}</dd>
      </dl>
      <section id="my-comments" aria-labelledby="my-comments-title">
        <h2 id="my-comments-title">{t('account.myComments')}</h2>
        {myComments.length === 0 ? (
          <p className="empty">
            {t('account.noComments')} <Link href="/consultations">{t('consult.title')}</Link>
          </p>
        ) : (
          <ol className="comment-list" data-testid="my-comments">
            {myComments.map((m) => (
              <li key={m.id} className="comment-item">
                <p className="aside">
                  <Link href={`/consultations/${m.consultationId}`}>{m.consultationTitle}</Link> · {m.articleLabel ?? t('consult.whole')} · {m.reference}
                </p>
                <p className="comment-body">{m.body}</p>
                <p className="comment-state">
                  {t(`commentStatus.${m.status}`)}
                  {m.rejectReason && <>（{t(`rejectReason.${m.rejectReason}`)}）</>}
                </p>
                {m.disposition ? (
                  <p className={`disposition disposition--${m.disposition.disposition}`}>
                    <strong>{t(`disposition.${m.disposition.disposition}`)}</strong>：{m.disposition.reason}
                  </p>
                ) : (
                  m.status !== 'rejected' && <p className="aside">{t('account.awaitingDisposition')}</p>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section id="password" className="panel" aria-labelledby="password-title">
        <h2 id="password-title">{t('account.passwordTitle')}</h2>
        <ChangePasswordForm />
      </section>
    </div>
  );
}
