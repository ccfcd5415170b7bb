import { z } from 'zod';
import { createBillSchema } from '@/lib/drafting';
import { newDraftCommentSchema } from '@/lib/drafting';
import type { Operation } from './operation';

/// Body of the resolve call.
export const resolveCommentSchema = z.object({ resolved: z.boolean() });

export const draftingOperations = {
  createBill: {
    method: 'post',
    path: '/api/v1/bills',
    summary: 'Open a bill with its draft: blank, from pasted text, or from a regulation in the library (an amendment draft keeping its eids)',
    tag: 'drafting',
    body: createBillSchema,
    response: z.object({ id: z.string(), draftId: z.string() }),
    status: 201,
    auth: 'session',
    errors: ['unauthenticated', 'forbidden', 'validation_failed', 'invalid_json', 'payload_too_large', 'not_found', 'cross_origin'],
  },
  listBills: {
    method: 'get',
    path: '/api/v1/bills',
    summary: 'The bills the signed-in person works on (all bills for an admin)',
    tag: 'drafting',
    response: z.object({ items: z.array(z.object({ id: z.string(), title: z.string(), kind: z.string(), stage: z.string(), draftId: z.string(), myRole: z.string().nullable() })) }),
    auth: 'session',
    errors: ['unauthenticated'],
  },
  getDraft: {
    method: 'get',
    path: '/api/v1/drafts/{id}',
    summary: 'The current text of a draft in the parse JSON shape (members of the bill only)',
    tag: 'drafting',
    response: z.record(z.string(), z.unknown()),
    auth: 'session',
    errors: ['unauthenticated', 'not_found'],
  },
  collabTicket: {
    method: 'post',
    path: '/api/v1/drafts/{id}/collab-ticket',
    summary: 'A short-lived ticket to open the draft on the collaboration server: new WebsocketProvider(url, room, doc, { params: { ticket } })',
    tag: 'drafting',
    response: z.object({ url: z.string(), room: z.string(), ticket: z.string(), access: z.enum(['write', 'read']), expiresAt: z.string() }),
    status: 201,
    auth: 'session',
    errors: ['unauthenticated', 'not_found', 'cross_origin'],
  },
  listComments: {
    method: 'get',
    path: '/api/v1/drafts/{id}/comments',
    summary: 'Staff comments on a draft, each anchored to an article eid',
    tag: 'drafting',
    response: z.object({ items: z.array(z.object({ id: z.string(), articleEid: z.string(), parentId: z.string().nullable(), authorName: z.string().nullable(), body: z.string(), resolved: z.boolean(), createdAt: z.string() })) }),
    auth: 'session',
    errors: ['unauthenticated', 'not_found'],
  },
  addComment: {
    method: 'post',
    path: '/api/v1/drafts/{id}/comments',
    summary: 'Comment on an article of a draft (editors and reviewers), or reply to a thread',
    tag: 'drafting',
    body: newDraftCommentSchema,
    status: 201,
    auth: 'session',
    errors: ['unauthenticated', 'forbidden', 'not_found', 'validation_failed', 'invalid_json', 'cross_origin'],
  },
  resolveComment: {
    method: 'patch',
    path: '/api/v1/drafts/{id}/comments/{cid}',
    summary: 'Resolve or reopen a comment thread',
    tag: 'drafting',
    body: resolveCommentSchema,
    status: 204,
    auth: 'session',
    errors: ['unauthenticated', 'forbidden', 'not_found', 'validation_failed', 'cross_origin'],
  },
} satisfies Record<string, Operation>;
