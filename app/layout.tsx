import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import Link from 'next/link';
import './globals.css';
import { I18nProvider } from '@/app/_components/I18nProvider';
import { can } from '@/lib/auth';
import { countUnread } from '@/lib/inbox';
import { getEngine } from '@/lib/api';
import { SiteHeader } from '@/app/_components/SiteHeader';
import { currentUser, pageTranslator } from '@/app/_lib/session';
import type { Translate } from '@/lib/i18n';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await pageTranslator();
  return { title: { default: t('app.name'), template: `%s · ${t('app.name')}` }, description: t('app.tagline') };
}

/// Who runs the site, how to reach them and its filing numbers (备案号), as the operator configures
/// them: `LAWBENCH_SPONSOR`, `LAWBENCH_CONTACT`, `LAWBENCH_FILINGS` (separated by `|`).
function SiteFacts({ t }: { t: Translate }) {
  const sponsor = process.env.LAWBENCH_SPONSOR;
  const contact = process.env.LAWBENCH_CONTACT;
  const filings = (process.env.LAWBENCH_FILINGS ?? '').split('|').map((f) => f.trim()).filter(Boolean);
  if (!sponsor && !contact && filings.length === 0) return null;
  return (
    <p className="site-facts">
      {[sponsor && t('footer.sponsor', { body: sponsor }), contact && t('footer.contact', { contact }), ...filings].filter(Boolean).join(' · ')}
    </p>
  );
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [{ locale, t }, user, h] = await Promise.all([pageTranslator(), currentUser(), headers()]);
  const path = h.get('x-lawbench-path') ?? '/';
  const unread = can(user, 'workspace:view') ? await countUnread(getEngine(), user!) : 0;
  return (
    <html lang={locale}>
      <body>
        <I18nProvider locale={locale}>
          <SiteHeader user={user} locale={locale} path={path} unread={unread} />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <footer className="site-footer">
            <p>
              {t('footer.text')} · <Link href="/transparency">{t('footer.transparency')}</Link> · <Link href="/privacy">{t('footer.privacy')}</Link> · <Link href="/feeds">{t('feeds.title')}</Link>
            </p>
            <SiteFacts t={t} />
          </footer>
        </I18nProvider>
      </body>
    </html>
  );
}
