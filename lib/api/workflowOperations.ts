import { z } from 'zod';
import { billStages, deadlineKinds, billKinds, signoffDecisions } from '@/lib/shared';
import { signoffRequestSchema, signoffSchema, transitionSchema, voteSchema } from '@/lib/workflow';
import type { Operation } from './operation';

const stage = z.enum(billStages);
const deadline = z.object({ kind: z.enum(deadlineKinds), dueOn: z.string(), daysLeft: z.number(), overdue: z.boolean() });

/// `GET /api/v1/bills/{id}`: the bill with its path, clocks and history.
export const billWorkflowSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(billKinds),
  stage,
  path: z.array(z.object({ stage, state: z.enum(['done', 'current', 'next', 'skipped', 'later']) })),
  deadlines: z.array(deadline),
  history: z.array(z.object({ at: z.string(), actor: z.string().nullable(), from: stage, to: stage, note: z.string(), reason: z.string().nullable() })),
  signoffs: z.array(z.object({ stage, reviewer: z.string(), decision: z.enum(signoffDecisions).nullable(), holds: z.boolean() })),
  votes: z.array(z.object({ at: z.string(), for: z.number(), against: z.number(), abstain: z.number(), passed: z.boolean() })),
});

const billErrors = ['unauthenticated', 'not_found'] as const;
const writeErrors = [...billErrors, 'forbidden', 'validation_failed', 'invalid_json', 'payload_too_large', 'unsupported_media_type', 'cross_origin'] as const;

export const workflowOperations = {
  getBill: {
    method: 'get',
    path: '/api/v1/bills/{id}',
    summary: 'A bill with its path (done / current / next / skipped / later), deadlines and history of moves (members and admins)',
    tag: 'workflow',
    response: billWorkflowSchema,
    auth: 'session',
    errors: [...billErrors],
  },
  transition: {
    method: 'post',
    path: '/api/v1/bills/{id}/transitions',
    summary: 'Move a bill to another stage (coordinator or admin); `expectedStage` is compared and set, so of two moves at once exactly one wins',
    tag: 'workflow',
    body: transitionSchema,
    response: z.object({ stage, transitionId: z.string(), versionId: z.string().nullable(), consultationId: z.string().nullable() }),
    auth: 'session',
    errors: [...writeErrors, 'transition_not_allowed', 'signoff_required', 'stage_changed', 'conflict'],
  },
  requestSignoff: {
    method: 'post',
    path: '/api/v1/bills/{id}/signoff-requests',
    summary: 'Ask a reviewer to approve the current text before the bill enters a stage (coordinator or admin)',
    tag: 'workflow',
    body: signoffRequestSchema,
    response: z.object({ id: z.string() }),
    status: 201,
    auth: 'session',
    errors: [...writeErrors, 'conflict'],
  },
  signoff: {
    method: 'post',
    path: '/api/v1/bills/{id}/signoffs',
    summary: 'Approve or reject the current text for a stage (a reviewer on the bill who did not ask and does not edit it)',
    tag: 'workflow',
    body: signoffSchema,
    response: z.object({ id: z.string(), decision: z.enum(signoffDecisions) }),
    status: 201,
    auth: 'session',
    errors: [...writeErrors, 'conflict'],
  },
  vote: {
    method: 'post',
    path: '/api/v1/bills/{id}/votes',
    summary: 'Record the vote on a bill at 表决: for / against / abstain, present and composition, and separate votes on articles by eid',
    tag: 'workflow',
    body: voteSchema,
    response: z.object({ id: z.string(), passed: z.boolean(), articles: z.array(z.object({ eid: z.string(), passed: z.boolean() })) }),
    status: 201,
    auth: 'session',
    errors: [...writeErrors, 'conflict'],
  },
  listWorkflow: {
    method: 'get',
    path: '/api/v1/workflow',
    summary: 'Every bill the signed-in staff member may see, by stage, with its coordinator and nearest deadline',
    tag: 'workflow',
    query: z.object({ kind: z.enum(billKinds).optional(), stage: stage.optional(), coordinator: z.string().max(64).optional() }),
    response: z.object({ items: z.array(z.object({ id: z.string(), title: z.string(), kind: z.enum(billKinds), stage, coordinator: z.object({ userId: z.string(), name: z.string() }).nullable(), nextDeadline: deadline.nullable() })) }),
    auth: 'session',
    errors: ['unauthenticated', 'forbidden', 'validation_failed'],
  },
} satisfies Record<string, Operation>;
