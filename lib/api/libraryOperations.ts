import { z } from 'zod';
import type { Operation } from './operation';
import { libraryQuerySchema } from '@/lib/library';
import { jurisdictionLevels, jurisdictionRelations, versionChanges } from '@/lib/shared/vocabulary';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date_invalid' });

/// Query of `GET /api/v1/regulations`: the library's one query schema.
export const regulationListQuery = libraryQuerySchema;

/// Query of the point-in-time endpoints.
export const atQuery = z.object({ at: isoDate.optional().meta({ description: 'Show the text in force on this date (YYYY-MM-DD)' }) });

const versionSeq = z.coerce
  .number({ error: 'version_seq_invalid' })
  .int({ error: 'version_seq_invalid' })
  .min(1, { error: 'version_seq_invalid' })
  .max(100_000, { error: 'version_seq_invalid' });

/// Query of `GET /api/v1/regulations/{id}/compare`: two version seqs (1 = the first text).
export const versionCompareQuery = z.object({
  from: versionSeq.optional().meta({ description: 'Seq of the older text (修改前); default: the version before `to`' }),
  to: versionSeq.optional().meta({ description: 'Seq of the newer text (修改后); default: the latest version' }),
});

const token = z.object({ op: z.enum(['equal', 'delete', 'insert']), text: z.string() });
const versionDates = z.object({ seq: z.number(), change: z.enum(versionChanges), adoptedOn: z.string().nullable(), effectiveOn: z.string().nullable() });
const regulationRef = z.object({ id: z.string(), slug: z.string(), title: z.string() });

/// Where a text's authority comes from, and how it stands to the site's city (null when the site
/// has no city configured).
const jurisdiction = z.object({
  level: z.enum(jurisdictionLevels),
  region: z.string().nullable(),
  body: z.string().nullable(),
  relation: z.enum(jurisdictionRelations).nullable(),
});

const regulationSummary = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  kind: z.string(),
  jurisdiction,
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
        .array(z.object({ regulationId: z.string(), slug: z.string(), title: z.string(), jurisdiction, hits: z.array(z.object({ number: z.number(), label: z.string(), eid: z.string(), snippet: z.string(), highlights: z.array(z.tuple([z.number(), z.number()])), url: z.string() })) }))
        .optional(),
      citation: z.object({ slug: z.string(), article: z.number(), url: z.string() }).optional(),
      mode: z.enum(['citation', 'phrase', 'question']).optional().meta({ description: 'With q: a citation of an article; every term found as typed (phrase); or, when not, read as a question and ranked on its words' }),
      terms: z.array(z.string()).optional().meta({ description: 'With q: the words searched for (for a question: the asker’s own, then the statutory terms added)' }),
      expansions: z.array(z.object({ from: z.string(), to: z.array(z.string()) })).optional().meta({ description: 'With q read as a question: the colloquial words expanded to statutory terms (switch one off with without=)' }),
      cut: z.object({ limit: z.number(), length: z.number() }).optional().meta({ description: 'Set when a question was longer than is read: only the first `limit` characters counted' }),
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
  compareRegulationVersions: {
    method: 'get',
    path: '/api/v1/regulations/{id}/compare',
    summary: 'Compare two published versions of a regulation article by article (the diff JSON; articles paired by content)',
    tag: 'library',
    query: versionCompareQuery,
    response: z.object({
      regulation: regulationRef,
      from: versionDates,
      to: versionDates,
      versions: z.array(versionDates),
      summary: z.object({ unchanged: z.number(), renumbered: z.number(), modified: z.number(), added: z.number(), deleted: z.number(), moved: z.number() }),
      articles: z.array(
        z.object({
          change: z.enum(['unchanged', 'renumbered', 'modified', 'added', 'deleted']),
          old: z.number().nullable(),
          new: z.number().nullable(),
          oldLabel: z.string().optional(),
          newLabel: z.string().optional(),
          similarity: z.number().optional(),
          tokens: z.array(token).optional(),
          moved: z.object({ from: z.string(), to: z.string() }).optional(),
        }),
      ),
    }),
    auth: 'none',
    errors: ['not_found', 'validation_failed'],
  },
  getArticleHistory: {
    method: 'get',
    path: '/api/v1/regulations/{id}/articles/{n}/history',
    summary: 'One article (n as in getArticle, in the version in force on a date) traced through every published version, oldest first (本条沿革)',
    tag: 'library',
    query: atQuery,
    response: z.object({
      regulation: regulationRef,
      at: z.string(),
      article: z.object({ number: z.number(), sub: z.number().optional(), label: z.string() }),
      citation: z.string(),
      entries: z.array(
        versionDates.extend({
          label: z.string().nullable(),
          number: z.number().nullable(),
          sub: z.number().nullable(),
          text: z.string().nullable(),
          articleChange: z.enum(['unchanged', 'renumbered', 'modified', 'added', 'deleted', 'absent']),
          tokens: z.array(token).optional().meta({ description: 'Word-level change from the previous entry, when modified' }),
          selected: z.boolean().meta({ description: 'The version in force on `at`, in which the article was looked up' }),
        }),
      ),
    }),
    auth: 'none',
    errors: ['not_found', 'validation_failed'],
  },
} satisfies Record<string, Operation>;
