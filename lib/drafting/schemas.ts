import { z } from 'zod';
import { memberRoles, billKinds } from '@/lib/shared/vocabulary';

/// Body of `POST /api/v1/bills`: what a new bill is and where its first text comes from.
export const createBillSchema = z.object({
  title: z.string().trim().min(2, { message: 'title_required' }).max(120, { message: 'title_too_long' }),
  kind: z.enum(billKinds),
  sponsor: z.string().trim().max(120).optional(),
  from: z
    .union([z.object({ text: z.string().min(1).max(2_000_000) }), z.object({ regulationId: z.string().min(1).max(200) })])
    .optional()
    .meta({ description: 'Start from pasted text (parsed), or from a regulation in the library (an amendment draft keeping its eids); blank when absent' }),
  members: z
    .array(z.object({ email: z.string().trim().toLowerCase().max(254), role: z.enum(memberRoles) }))
    .max(50)
    .optional(),
});

export type CreateBillInput = z.input<typeof createBillSchema>;
