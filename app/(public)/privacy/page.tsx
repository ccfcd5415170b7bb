import { privacyNoticeEdition } from '@/lib/auth';
import { titledPage } from '@/app/_lib/metadata';
import { pageTranslator } from '@/app/_lib/session';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledPage('privacy.title');

const sections = ['collect', 'use', 'keep', 'rights'] as const;

/// The privacy notice that registration asks people to agree to.
export default async function PrivacyPage() {
  const { t } = await pageTranslator();
  return (
    <div className="page page--narrow">
      <h1>{t('privacy.title')}</h1>
      <p className="aside">{t('privacy.edition', { edition: privacyNoticeEdition })}</p>
      {sections.map((s) => (
        <section key={s} aria-labelledby={`privacy-${s}`}>
          <h2 id={`privacy-${s}`}>{t(`privacy.${s}Title`)}</h2>
          <p>{t(`privacy.${s}`)}</p>
        </section>
      ))}
    </div>
  );
}
