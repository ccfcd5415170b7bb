import { z } from 'zod';
import type { Operation } from './operations';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date_invalid' });

/// Query of `GET /api/v1/regulations`.
export const regulationListQuery = z.object({
  q: z.string().max(1000).optional().meta({ description: 'Full-text search over the current articles (1 character and up); a citation such as 东营市养犬管理条例第十二条 is also accepted' }),
  status: z.enum(['in_force', 'amended', 'not_yet_effective', 'repealed']).optional(),
  kind: z.enum(['local_regulation', 'government_rule', 'industry_norm']).optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional().meta({ description: 'Year of adoption' }),
  topic: z.string().max(40).optional(),
  sort: z.enum(['effective', 'adopted', 'title']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
});

/// Query of the point-in-time endpoints.
export const atQuery = z.object({ at: isoDate.optional().meta({ description: 'Show the text in force on this date (YYYY-MM-DD)' }) });

const regulationSummary = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  kind: z.string(),
  status: z.string(),
  amended: z.boolean(),
  topic: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  url: z.string(),
});

export const libraryOperations = {
  listRegulations: {
    method: 'get',
    path: '/api/v1/regulations',
    summary: 'List or search the published library (ranked article hits grouped by regulation when q is given)',
    tag: 'library',
    query: regulationListQuery,
    response: z.object({
      items: z.array(regulationSummary).optional(),
      total: z.number().nullable(),
      page: z.number(),
      pageSize: z.number(),
      results: z
        .array(z.object({ regulationId: z.string(), slug: z.string(), title: z.string(), hits: z.array(z.object({ number: z.number(), label: z.string(), eid: z.string(), snippet: z.string(), highlights: z.array(z.tuple([z.number(), z.number()])), url: z.string() })) }))
        .optional(),
      citation: z.object({ slug: z.string(), article: z.number(), url: z.string() }).optional(),
    }),
    auth: 'none',
    errors: ['validation_failed'],
  },
  getRegulation: {
    method: 'get',
    path: '/api/v1/regulations/{id}',
    summary: 'A regulation (by id or slug) with its versions and the text in force on a date, in the parse JSON shape',
    tag: 'library',
    query: atQuery,
    response: z.object({ regulation: z.record(z.string(), z.unknown()), versions: z.array(z.record(z.string(), z.unknown())), at: z.string(), version: z.record(z.string(), z.unknown()), inForceAt: z.boolean(), status: z.string(), amended: z.boolean(), text: z.record(z.string(), z.unknown()) }),
    auth: 'none',
    errors: ['not_found', 'validation_failed'],
  },
  getArticle: {
    method: 'get',
    path: '/api/v1/regulations/{id}/articles/{n}',
    summary: 'One article (n = 12, or 12-1 for 第十二条之一) as in force on a date, with its citation string',
    tag: 'library',
    query: atQuery,
    response: z.object({ article: z.record(z.string(), z.unknown()), citation: z.string(), regulation: z.record(z.string(), z.unknown()), version: z.record(z.string(), z.unknown()), at: z.string() }),
    auth: 'none',
    errors: ['not_found', 'validation_failed'],
  },
} satisfies Record<string, Operation>;
