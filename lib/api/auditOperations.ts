import { z } from 'zod';
import { auditQuerySchema } from '@/lib/audit';
import type { Operation } from './operation';

/// Query of `GET /api/v1/audit/export`: the audit page filters, and `bill` for one bill's log.
export const auditExportQuery = auditQuerySchema.omit({ page: true }).extend({
  bill: z.string().trim().min(1).max(100).optional().meta({ description: 'Only what happened to this bill (its members and admins); without it, the whole log (admins)' }),
});

const head = z.object({
  seq: z.number().int().meta({ description: 'Seq of the newest entry; 0 while the log is empty' }),
  hash: z.string().meta({ description: 'Its SHA-256 hash (64 hex digits); 64 zeros (the genesis) while the log is empty' }),
  at: z.string().nullable().meta({ description: 'When it was written (ISO 8601, UTC); null while the log is empty' }),
});

export const auditOperations = {
  auditHead: {
    method: 'get',
    path: '/api/v1/audit/head',
    summary: 'The head of the audit hash chain (public): keep it, and `lawbench audit verify --expect SEQ:HASH` later proves that history up to it was not rewritten',
    tag: 'audit',
    response: head,
    auth: 'none',
    errors: [],
  },
  exportAudit: {
    method: 'get',
    path: '/api/v1/audit/export',
    summary: 'Audit entries matching the filters as CSV, newest first, with their hashes (whole log: admins; with `bill`: its members and admins)',
    tag: 'audit',
    query: auditExportQuery,
    auth: 'session',
    errors: ['unauthenticated', 'forbidden', 'not_found', 'validation_failed'],
  },
} satisfies Record<string, Operation>;
