import { z } from 'zod';
import { jurisdictionRelations, readQueryLeniently, regulationKinds, regulationStatuses } from '@/lib/shared';

/// How the library index can be ordered: by date of effect (newest first), adoption, or title.
export const regulationSorts = ['effective', 'adopted', 'title'] as const;
export type RegulationSort = (typeof regulationSorts)[number];

/// The query of the library — the `/regulations` page and `GET /api/v1/regulations` alike: search
/// words or a citation, filters, order and page. The API answers a value out of bounds with 400;
/// the page drops it (`readLibraryQuery`).
export const libraryQuerySchema = z.object({
  q: z.string().trim().max(1000).optional().meta({ description: 'Full-text search over the current articles (1 character and up); a citation such as 东营市养犬管理条例第十二条 is also accepted' }),
  in: z.string().trim().max(200).optional().meta({ description: 'Search within one regulation (id or slug)' }),
  status: z.enum(regulationStatuses).optional(),
  kind: z.enum(regulationKinds).optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional().meta({ description: 'Year of adoption' }),
  topic: z.string().trim().max(40).optional(),
  without: z
    .string()
    .trim()
    .max(200)
    .optional()
    .meta({ description: 'Expansions to switch off when the query is read as a question: colloquial words or statutory terms, separated by commas (e.g. 老板,工资)' }),
  scope: z.enum(jurisdictionRelations).optional().meta({ description: "Only the site's own city's texts (own), those above it — national and its province's (superior) — or other places' (elsewhere)" }),
  sort: z.enum(regulationSorts).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
});

export type LibraryQuery = z.output<typeof libraryQuerySchema>;

/// A page's query string read with `libraryQuerySchema`, dropping what is empty or malformed.
export function readLibraryQuery(raw: Record<string, string | string[] | undefined>): LibraryQuery {
  return readQueryLeniently(libraryQuerySchema, raw);
}

/// The expansions a query switches off (`without`, comma-separated).
export function withoutList(without: string | undefined): string[] | undefined {
  const list = (without ?? '').split(/[,，、]/).map((w) => w.trim()).filter(Boolean);
  return list.length ? list : undefined;
}
