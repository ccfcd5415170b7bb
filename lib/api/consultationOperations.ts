import { z } from 'zod';
import { newCommentSchema } from '@/lib/consultation';
import type { Operation } from './operation';
import { commentStatuses, dispositions } from '@/lib/shared/vocabulary';

/// Query of the consultation list.
export const consultationListQuery = z.object({ status: z.enum(['open', 'closed']).optional() });

/// Query of the published comments: one page of them, optionally of one article.
export const publishedCommentsQuery = z.object({
  articleEid: z.string().max(64).optional().describe('only the comments on this article; `none` for comments on the draft as a whole'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/// Query of a staff export of all comments.
export const commentExportQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });

/// Query of the public report download.
export const reportQuery = z.object({ format: z.enum(['json', 'docx', 'pdf']).default('json') });

const summary = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  status: z.enum(['upcoming', 'open', 'closed']),
  commentCount: z.number(),
  reportPublished: z.boolean(),
});

const publicComment = z.object({
  id: z.string(),
  reference: z.string(),
  articleEid: z.string().nullable(),
  articleLabel: z.string().nullable(),
  body: z.string(),
  proposedText: z.string().nullable(),
  proposedDiff: z
    .array(z.object({ op: z.enum(['equal', 'delete', 'insert']), text: z.string() }))
    .nullable()
    .describe('the word difference from the article’s text to `proposedText`, computed when the comment was stored; null without a proposal or an article'),
  authorName: z.string(),
  createdAt: z.string(),
  disposition: z.object({ disposition: z.enum(dispositions), reason: z.string(), decidedAt: z.string() }).nullable(),
});

export const consultationOperations = {
  listConsultations: {
    method: 'get',
    path: '/api/v1/consultations',
    summary: 'Public consultations (征求意见), open and closed; `status` narrows the list',
    tag: 'consultations',
    query: consultationListQuery,
    response: z.object({ items: z.array(summary) }),
    auth: 'none',
    errors: ['validation_failed'],
  },
  getConsultation: {
    method: 'get',
    path: '/api/v1/consultations/{id}',
    summary: 'A consultation: metadata, dates, the 起草说明, and the frozen text as `text` in the parse JSON shape (articles with their eids)',
    tag: 'consultations',
    response: summary.extend({ explanation: z.string(), questions: z.array(z.string()), text: z.record(z.string(), z.unknown()), articleCounts: z.record(z.string(), z.number()) }),
    auth: 'none',
    errors: ['not_found'],
  },
  submitComment: {
    method: 'post',
    path: '/api/v1/consultations/{id}/comments',
    summary: 'Comment on the whole draft or on one article (by eid), optionally proposing replacement text; returns the receipt reference',
    tag: 'consultations',
    body: newCommentSchema,
    response: z.object({ id: z.string(), reference: z.string(), status: z.enum(commentStatuses).exclude(['rejected']) }),
    status: 201,
    auth: 'session',
    errors: ['unauthenticated', 'validation_failed', 'invalid_json', 'bad_request', 'payload_too_large', 'unsupported_media_type', 'not_found', 'conflict', 'too_many_attempts', 'cross_origin'],
  },
  listComments: {
    method: 'get',
    path: '/api/v1/consultations/{id}/comments',
    summary: 'The published comments of a consultation, oldest first, a page at a time (authors’ names masked, no contact details)',
    tag: 'consultations',
    query: publishedCommentsQuery,
    response: z.object({ items: z.array(publicComment) }),
    auth: 'none',
    errors: ['not_found', 'validation_failed'],
  },
  exportComments: {
    method: 'get',
    path: '/api/v1/consultations/{id}/export',
    summary: 'Every comment with its moderation and disposition, as CSV or XLSX (members of the bill)',
    tag: 'consultations',
    query: commentExportQuery,
    auth: 'session',
    errors: ['unauthenticated', 'not_found', 'validation_failed'],
  },
  report: {
    method: 'get',
    path: '/api/v1/consultations/{id}/report',
    summary: 'The 征求意见情况通报 (public report), once published: JSON, DOCX or PDF',
    tag: 'consultations',
    query: reportQuery,
    auth: 'none',
    errors: ['not_found', 'validation_failed'],
  },
} satisfies Record<string, Operation>;
