import { z } from 'zod';
import { billStages, exportFormats, versionChanges } from '@/lib/shared';
import { filingSchema, publicationSchema, repealSchema } from '@/lib/publication';
import type { Operation } from './operation';

const writeErrors = ['unauthenticated', 'not_found', 'forbidden', 'validation_failed', 'invalid_json', 'payload_too_large', 'unsupported_media_type', 'cross_origin', 'conflict'] as const;

/// The export query: a format and an optional "as in force on" date.
export const exportQuery = z.object({
  format: z.string().optional().describe(`One of ${exportFormats.join(', ')}`),
  at: z.string().optional().describe('YYYY-MM-DD: the version in force on that day (default today)'),
});

/// Which document of a published amendment, in which format.
export const amendmentQuery = z.object({
  document: z.string().optional().describe('decision (修改决定: txt, docx) or comparison (修改对照表: docx, pdf)'),
  format: z.string().optional(),
  at: z.string().optional().describe('YYYY-MM-DD: the version in force on that day (default today)'),
});

/// The publication log's query.
export const publicationLogQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).optional() });

const logEntry = z.object({
  seq: z.number(),
  kind: z.string(),
  on: z.string(),
  regulationId: z.string(),
  slug: z.string(),
  title: z.string(),
  versionSeq: z.number().nullable(),
  source: z.string().nullable(),
  at: z.string(),
});

export const publicationOperations = {
  publish: {
    method: 'post',
    path: '/api/v1/bills/{id}/publication',
    summary: 'Publish (公布) a bill at promulgation with its 公告: a new regulation, or the next version of the one it amends (coordinator or admin); moves it on to filing',
    tag: 'publication',
    body: publicationSchema,
    response: z.object({ promulgationId: z.string(), regulationId: z.string(), versionId: z.string(), slug: z.string(), seq: z.number(), change: z.enum(versionChanges), noticeText: z.string(), stage: z.enum(billStages) }),
    status: 201,
    auth: 'session',
    errors: [...writeErrors],
  },
  file: {
    method: 'post',
    path: '/api/v1/bills/{id}/filing',
    summary: 'Record the filing (备案) of a published bill: the day and the bodies filed with; keeps the package as filed and ends the bill',
    tag: 'publication',
    body: filingSchema,
    response: z.object({ packageSha256: z.string() }),
    status: 201,
    auth: 'session',
    errors: [...writeErrors],
  },
  filingPackage: {
    method: 'get',
    path: '/api/v1/bills/{id}/filing-package',
    summary: 'The filing package (ZIP: 公告, text as PDF and DOCX, 起草说明, 修改决定, 修改对照表, consultation report, manifest with SHA-256) of a published bill (members)',
    tag: 'publication',
    auth: 'session',
    errors: ['unauthenticated', 'not_found'],
  },
  exportRegulation: {
    method: 'get',
    path: '/api/v1/regulations/{id}/export',
    summary: 'A version of a regulation as PDF (official layout), DOCX (heading styles), plain text, JSON or Akoma Ntoso 3.0 XML',
    tag: 'publication',
    query: exportQuery,
    auth: 'none',
    errors: ['bad_request', 'validation_failed', 'not_found'],
  },
  amendmentDocument: {
    method: 'get',
    path: '/api/v1/regulations/{id}/amendment',
    summary: 'The 修改决定 (txt, docx) or 修改对照表 (docx, pdf) published with an amended version of a regulation',
    tag: 'publication',
    query: amendmentQuery,
    auth: 'none',
    errors: ['bad_request', 'validation_failed', 'not_found'],
  },
  repeal: {
    method: 'post',
    path: '/api/v1/regulations/{id}/repeal',
    summary: 'Record the repeal (废止) of a regulation from a date, by a decision or a later regulation (admin)',
    tag: 'publication',
    body: repealSchema,
    response: z.object({ regulationId: z.string(), repealedOn: z.string() }),
    status: 201,
    auth: 'session',
    errors: [...writeErrors],
  },
  publicationLog: {
    method: 'get',
    path: '/api/v1/publications',
    summary: 'The publication log: every event of the library (adoption, approval, promulgation, effect, amendment, revision, repeal) in the order it was recorded, newest first',
    tag: 'publication',
    query: publicationLogQuery,
    response: z.object({ entries: z.array(logEntry) }),
    auth: 'none',
    errors: ['validation_failed'],
  },
} satisfies Record<string, Operation>;
