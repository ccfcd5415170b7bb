import { z } from 'zod';
import { isIsoDate, readQueryLeniently } from '@/lib/shared';

const date = z.string().trim().refine(isIsoDate, { message: 'date_invalid' });

/// The filters of the audit pages and of `GET /api/v1/audit/export`: the actor's e-mail, an
/// action (`bill` also matches `bill.create`, `bill.member` …), a range of China-time dates (both
/// included) and the page. The API answers a bad value with 422; pages drop it (`readAuditQuery`).
export const auditQuerySchema = z.object({
  actor: z.string().trim().toLowerCase().max(254).optional().meta({ description: 'E-mail address of the person who acted' }),
  action: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z_.]+$/, { message: 'audit_action_invalid' })
    .optional()
    .meta({ description: 'An action such as bill.create, or a prefix such as bill (all bill.* actions)' }),
  from: date.optional().meta({ description: 'First China-time date (YYYY-MM-DD), included' }),
  to: date.optional().meta({ description: 'Last China-time date (YYYY-MM-DD), included' }),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});

export type AuditQuery = z.output<typeof auditQuerySchema>;

/// A page's query string read with `auditQuerySchema`, dropping what is empty or malformed.
export function readAuditQuery(raw: Record<string, string | string[] | undefined>): AuditQuery {
  return readQueryLeniently(auditQuerySchema, raw);
}
