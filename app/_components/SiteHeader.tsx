import Link from 'next/link';
import { can, type CurrentUser } from '@/lib/auth';
import type { Locale } from '@/lib/i18n';
import { translator } from '@/lib/i18n';
import { setLocaleAction, signOutAction } from '@/app/_actions/auth';

/// The header on every page: brand, the navigation this user may use, language switch, account.
export function SiteHeader({ user, locale, path, unread = 0 }: { user: CurrentUser | null; locale: Locale; path: string; unread?: number }) {
  const t = translator(locale);
  const links = [
    { href: '/', label: t('nav.home'), show: true },
    { href: '/regulations', label: t('nav.library'), show: true },
    { href: '/consultations', label: t('nav.consultations'), show: true },
    { href: '/explainers', label: t('nav.explainers'), show: true },
    { href: '/desk', label: t('nav.desk'), show: can(user, 'desk:use') },
    { href: '/workspace', label: t('nav.workspace'), show: can(user, 'workspace:view') },
    { href: '/bills', label: t('nav.bills'), show: can(user, 'workspace:view') },
    { href: '/workflow', label: t('nav.workflow'), show: can(user, 'workspace:view') },
    { href: '/admin/users', label: t('nav.admin'), show: can(user, 'users:manage') },
  ].filter((l) => l.show);
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <div className="site-header__inner">
        <Link href="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            法
          </span>
          <span className="brand__name">{t('app.name')}</span>
        </Link>
        <nav aria-label={t('nav.home')} className="site-nav">
          <ul>
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} aria-current={path === l.href || (l.href !== '/' && path.startsWith(`${l.href}/`)) || (l.href !== '/' && path.startsWith(`${l.href}?`)) ? 'page' : undefined}>
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="site-header__tools">
          <form action={setLocaleAction}>
            <input type="hidden" name="locale" value={locale === 'en' ? 'zh-CN' : 'en'} />
            <input type="hidden" name="returnTo" value={path} />
            <button type="submit" className="link-button" lang={locale === 'en' ? 'zh-CN' : 'en'} aria-label={`${t('nav.language')}: ${t('nav.switchTo')}`}>
              {t('nav.switchTo')}
            </button>
          </form>
          {user ? (
            <>
              {can(user, 'workspace:view') && (
                <Link href="/inbox" className="inbox-link" data-testid="inbox-link" aria-label={unread ? `${t('nav.inbox')}（${t('nav.inboxUnread', { n: unread })}）` : t('nav.inbox')}>
                  {t('nav.inbox')}
                  {unread > 0 && <span className="unread-count">{unread}</span>}
                </Link>
              )}
              <Link href="/account" className="account-link" data-testid="account-link">
                {user.name}
                <span className="role-badge">{t(`role.${user.role}`)}</span>
              </Link>
              <form action={signOutAction}>
                <button type="submit" className="button button--quiet">
                  {t('nav.signOut')}
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/login" className="button button--quiet">
                {t('nav.signIn')}
              </Link>
              <Link href="/register" className="button button--primary">
                {t('nav.register')}
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
