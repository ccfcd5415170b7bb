import { z } from 'zod';
import { newDraftVersionSchema } from '@/lib/versioning';
import type { Operation } from './operation';

const ref = z.string().trim().min(1).max(64).describe('a version id, `current` (the live draft) or `in-force` (the regulation the bill amends)');

/// Query of a comparison: the two texts, the format, and whether the table shows every article.
export const compareQuery = z.object({
  from: ref,
  to: ref.default('current'),
  format: z.enum(['json', 'docx', 'pdf']).default('json'),
  all: z.enum(['0', '1']).default('0').describe('1: the table lists unchanged articles too'),
});

/// Query of the amendment decision generated from a comparison.
export const decisionQuery = z.object({ from: ref, to: ref.default('current'), format: z.enum(['json', 'txt', 'docx']).default('json') });

const token = z.object({ op: z.enum(['equal', 'delete', 'insert']), text: z.string() });
const versionSummary = z.object({ id: z.string(), seq: z.number(), name: z.string(), note: z.string().nullable(), kind: z.enum(['manual', 'frozen']), createdAt: z.string(), createdByName: z.string().nullable(), articles: z.number(), changed: z.number() });

export const versioningOperations = {
  createVersion: {
    method: 'post',
    path: '/api/v1/drafts/{id}/versions',
    summary: 'Freeze the draft as a named version (征求意见稿, 一审稿 …): its Yjs state, text and one row per article with who changed it',
    tag: 'versions',
    body: newDraftVersionSchema.omit({ kind: true, reason: true }),
    response: z.object({ id: z.string(), seq: z.number(), name: z.string(), createdAt: z.string(), articles: z.number(), changed: z.number() }),
    status: 201,
    auth: 'session',
    errors: ['unauthenticated', 'forbidden', 'not_found', 'validation_failed', 'invalid_json', 'payload_too_large', 'cross_origin'],
  },
  listVersions: {
    method: 'get',
    path: '/api/v1/drafts/{id}/versions',
    summary: 'The saved versions of a draft, newest first',
    tag: 'versions',
    response: z.object({ items: z.array(versionSummary) }),
    auth: 'session',
    errors: ['unauthenticated', 'not_found'],
  },
  getVersion: {
    method: 'get',
    path: '/api/v1/drafts/{id}/versions/{vid}',
    summary: 'One version: metadata, its text in the parse JSON shape, and per article the change and its authors',
    tag: 'versions',
    response: z.record(z.string(), z.unknown()),
    auth: 'session',
    errors: ['unauthenticated', 'not_found'],
  },
  compare: {
    method: 'get',
    path: '/api/v1/drafts/{id}/compare',
    summary: 'Compare two texts of a bill article by article (the diff JSON), or download the 修改对照表 as DOCX or PDF',
    tag: 'versions',
    query: compareQuery,
    response: z.object({
      from: z.object({ ref: z.string(), kind: z.string(), name: z.string().nullable() }),
      to: z.object({ ref: z.string(), kind: z.string(), name: z.string().nullable() }),
      summary: z.object({ unchanged: z.number(), renumbered: z.number(), modified: z.number(), added: z.number(), deleted: z.number(), moved: z.number() }),
      articles: z.array(z.object({ change: z.string(), old: z.number().nullable(), new: z.number().nullable(), similarity: z.number().optional(), tokens: z.array(token).optional() })),
    }),
    auth: 'session',
    errors: ['unauthenticated', 'not_found', 'validation_failed', 'internal'],
  },
  decision: {
    method: 'get',
    path: '/api/v1/drafts/{id}/decision',
    summary: 'The 修改决定 generated from a comparison, as JSON, plain text or DOCX',
    tag: 'versions',
    query: decisionQuery,
    response: z.object({ title: z.string(), preamble: z.string(), clauses: z.array(z.string()), closing: z.string().optional() }),
    auth: 'session',
    errors: ['unauthenticated', 'not_found', 'validation_failed'],
  },
  articleHistory: {
    method: 'get',
    path: '/api/v1/drafts/{id}/articles/{eid}/history',
    summary: 'An article across the saved versions: its text, change and authors in each',
    tag: 'versions',
    response: z.object({ items: z.array(z.record(z.string(), z.unknown())) }),
    auth: 'session',
    errors: ['unauthenticated', 'not_found'],
  },
} satisfies Record<string, Operation>;
