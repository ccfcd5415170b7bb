import { z } from 'zod';
import { signInSchema, userSchema } from '@/lib/auth';
import { libraryOperations } from './libraryOperations';
import { draftingOperations } from './draftingOperations';
import { versioningOperations } from './versioningOperations';
import { consultationOperations } from './consultationOperations';
import { auditOperations } from './auditOperations';
import { workflowOperations } from './workflowOperations';
import { publicationOperations } from './publicationOperations';
import { explainerOperations } from './explainerOperations';
import type { Operation } from './operation';

export type { Operation };

/// The error envelope every failing call returns.
export const errorEnvelopeSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const sessionOperations = {
  signIn: {
    method: 'post',
    path: '/api/v1/session',
    summary: 'Sign in: sets the session cookie and returns the user',
    tag: 'session',
    body: signInSchema,
    response: z.object({ user: userSchema }),
    auth: 'none',
    errors: ['invalid_json', 'validation_failed', 'invalid_credentials', 'account_disabled', 'too_many_attempts', 'payload_too_large', 'unsupported_media_type', 'cross_origin'],
  },
  signOut: {
    method: 'delete',
    path: '/api/v1/session',
    summary: 'Sign out: ends the session and clears the cookie',
    tag: 'session',
    status: 204,
    auth: 'session',
    errors: ['cross_origin'],
  },
  me: {
    method: 'get',
    path: '/api/v1/me',
    summary: 'The signed-in user',
    tag: 'session',
    response: z.object({ user: userSchema }),
    auth: 'session',
    errors: ['unauthenticated'],
  },
} satisfies Record<string, Operation>;

/// Every operation of the API, in document order. Domains add theirs here.
export const operations: Operation[] = [...Object.values(sessionOperations), ...Object.values(libraryOperations), ...Object.values(draftingOperations), ...Object.values(versioningOperations), ...Object.values(consultationOperations), ...Object.values(auditOperations), ...Object.values(workflowOperations), ...Object.values(publicationOperations), ...Object.values(explainerOperations)];
