import { z } from 'zod';

const one = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().optional());
const int = (min: number, max: number) =>
  one
    .transform((v) => (v && /^\d{1,6}$/.test(v) ? Number(v) : undefined))
    .pipe(z.number().int().min(min).max(max).optional())
    .catch(undefined);

/// The query string of the library index and search page; anything malformed is dropped rather
/// than failing the page.
export const libraryQuerySchema = z.object({
  q: one.transform((v) => v?.trim() || undefined),
  in: one.transform((v) => v || undefined),
  status: one.pipe(z.enum(['in_force', 'amended', 'not_yet_effective', 'repealed']).optional()).catch(undefined),
  kind: one.pipe(z.enum(['local_regulation', 'government_rule', 'industry_norm']).optional()).catch(undefined),
  year: int(1949, 2100),
  topic: one.transform((v) => v || undefined),
  sort: one.pipe(z.enum(['effective', 'adopted', 'title']).optional()).catch(undefined),
  page: int(1, 1000),
});

export type LibraryQuery = z.infer<typeof libraryQuerySchema>;

/// The same query with some keys changed (for paging and filter links).
export function libraryHref(query: LibraryQuery, change: Partial<Record<keyof LibraryQuery, string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, ...change })) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `/regulations?${s}` : '/regulations';
}
