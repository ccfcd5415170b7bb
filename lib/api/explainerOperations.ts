import { z } from 'zod';
import { citationStatuses, explainerKinds } from '@/lib/shared';
import type { Operation } from './operation';

/// The content list's query.
export const contentListQuery = z.object({
  q: z.string().max(100).optional(),
  kind: z.enum(explainerKinds, { message: 'explainer_kind_invalid' }).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).optional(),
});

export const explainerOperations = {
  listContent: {
    method: 'get',
    path: '/api/v1/content',
    summary: 'Approved legal-aid and legal-education content, newest first (q matches title, summary and text; one or two characters work)',
    tag: 'content',
    query: contentListQuery,
    response: z.object({ items: z.array(z.object({ id: z.string(), kind: z.enum(explainerKinds), title: z.string(), summary: z.string(), date: z.string(), regulationIds: z.array(z.string()) })), total: z.number() }),
    auth: 'none',
    errors: ['validation_failed'],
  },
  getContent: {
    method: 'get',
    path: '/api/v1/content/{id}',
    summary: 'One piece of content with its citations resolved on its date and their status today (current, amended, repealed, unresolved); drafts only for their author and reviewers',
    tag: 'content',
    response: z.object({
      id: z.string(),
      kind: z.enum(explainerKinds),
      title: z.string(),
      body: z.string(),
      date: z.string(),
      citations: z.array(z.object({ citation: z.string().nullable(), text: z.string(), regulationId: z.string().nullable(), eid: z.string().nullable(), at: z.string(), status: z.enum(citationStatuses) })),
    }),
    auth: 'none',
    errors: ['not_found'],
  },
  previewContent: {
    method: 'post',
    path: '/api/v1/content/preview',
    summary: 'The editor’s live preview: Markdown rendered safely with its citations linked, and the citations resolved (writers and reviewers)',
    tag: 'content',
    body: z.object({ body: z.string(), asOf: z.string().optional(), regulations: z.array(z.string()).optional() }),
    response: z.object({ html: z.string(), citations: z.array(z.object({ text: z.string(), citation: z.string().nullable(), status: z.enum(citationStatuses) })) }),
    auth: 'session',
    errors: ['unauthenticated', 'forbidden', 'validation_failed', 'invalid_json', 'payload_too_large', 'unsupported_media_type', 'cross_origin'],
  },
} satisfies Record<string, Operation>;
