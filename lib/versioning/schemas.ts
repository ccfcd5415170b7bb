import { z } from 'zod';

/// Input of a new version (稿) of a draft: its name (征求意见稿, 一审稿 …), an optional note, and
/// whether it was saved by hand or frozen by something else (`reason`, e.g. `consultation:<id>`).
export const newDraftVersionSchema = z.object({
  name: z.string().trim().min(1, { message: 'version_name_required' }).max(40, { message: 'version_name_too_long' }),
  note: z.string().trim().max(2000, { message: 'version_note_too_long' }).optional(),
  kind: z.enum(['manual', 'frozen'], { message: 'version_kind_invalid' }).default('manual'),
  reason: z.string().trim().max(200, { message: 'version_reason_too_long' }).optional(),
});

/// What a caller passes to `createDraftVersion`.
export type NewDraftVersionInput = z.input<typeof newDraftVersionSchema>;
