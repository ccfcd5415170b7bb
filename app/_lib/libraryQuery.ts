import type { LibraryQuery } from '@/lib/library';

/// The same query with some keys changed (for paging and filter links).
export function libraryHref(query: LibraryQuery, change: Partial<Record<keyof LibraryQuery, string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, ...change })) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `/regulations?${s}` : '/regulations';
}
