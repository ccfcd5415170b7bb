import Link from 'next/link';
import type { Translate } from '@/lib/i18n';

/// Previous / next links around a page number; nothing when everything fits on one page.
export function Pager({ page, hasMore, href, t }: { page: number; hasMore: boolean; href: (page: number) => string; t: Translate }) {
  if (page === 1 && !hasMore) return null;
  const labels = { prev: t('library.prevPage'), next: t('library.nextPage'), page: t('library.page', { page }) };
  return (
    <nav className="pager" aria-label={labels.page}>
      {page > 1 ? <Link href={href(page - 1)}>← {labels.prev}</Link> : <span />}
      <span>{labels.page}</span>
      {hasMore ? <Link href={href(page + 1)}>{labels.next} →</Link> : <span />}
    </nav>
  );
}
