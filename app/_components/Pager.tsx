import Link from 'next/link';

/// Previous / next links around a page number; nothing when everything fits on one page.
export function Pager({ page, hasMore, href, labels }: { page: number; hasMore: boolean; href: (page: number) => string; labels: { prev: string; next: string; page: string } }) {
  if (page === 1 && !hasMore) return null;
  return (
    <nav className="pager" aria-label={labels.page}>
      {page > 1 ? <Link href={href(page - 1)}>← {labels.prev}</Link> : <span />}
      <span>{labels.page}</span>
      {hasMore ? <Link href={href(page + 1)}>{labels.next} →</Link> : <span />}
    </nav>
  );
}
