import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import './globals.css';
import { I18nProvider } from '@/app/_components/I18nProvider';
import { SiteHeader } from '@/app/_components/SiteHeader';
import { currentUser, pageTranslator } from '@/app/_lib/session';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await pageTranslator();
  return { title: { default: t('app.name'), template: `%s · ${t('app.name')}` }, description: t('app.tagline') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [{ locale, t }, user, h] = await Promise.all([pageTranslator(), currentUser(), headers()]);
  const path = h.get('x-lawbench-path') ?? '/';
  return (
    <html lang={locale}>
      <body>
        <I18nProvider locale={locale}>
          <SiteHeader user={user} locale={locale} path={path} />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <footer className="site-footer">
            <p>{t('footer.text')}</p>
          </footer>
        </I18nProvider>
      </body>
    </html>
  );
}
