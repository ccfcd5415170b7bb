import Link from 'next/link';
import { CopyCitationButton } from '@/app/_components/CopyCitationButton';
import { siteFeeds } from '@/app/_lib/feeds';
import { linkOrigin } from '@/app/_lib/linkOrigin';
import { titledPage } from '@/app/_lib/metadata';
import { pageTranslator } from '@/app/_lib/session';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledPage('feeds.title');

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/// The site's Atom feeds for people: what each carries, its address to copy into a feed reader,
/// and the web page with the same content. A browser that opens a feed's address lands here
/// (`?feed=` names it) instead of on raw XML.
export default async function FeedsPage({ searchParams }: Props) {
  const { t } = await pageTranslator();
  const sp = await searchParams;
  const opened = siteFeeds.find((f) => f.path === sp.feed) ?? null;
  const origin = await linkOrigin();
  const copyLabels = { copy: t('feeds.copy'), copied: t('feeds.copied'), failed: t('feeds.copyFailed') };
  return (
    <div className="page page--narrow feeds-page">
      <h1>{t('feeds.title')}</h1>
      {opened && (
        <p className="notice" role="status" data-testid="feed-opened">
          {t('feeds.opened', { name: t(opened.name) })}
        </p>
      )}
      <p className="lead">{t('feeds.lead')}</p>
      <ul className="feed-list">
        {siteFeeds.map((f) => {
          const url = `${origin}${f.path}`;
          return (
            <li key={f.path} className={`panel feed-card${f === opened ? ' feed-card--opened' : ''}`} aria-current={f === opened ? 'true' : undefined}>
              <h2>{t(f.name)}</h2>
              <p>{t(f.about)}</p>
              <p className="feed-card__address">
                <code>{url}</code> <CopyCitationButton citation={url} labels={copyLabels} />
              </p>
              <p>
                <Link href={f.page}>{t('feeds.onTheWeb')}</Link>
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
