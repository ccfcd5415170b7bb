import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { regulationKinds } from '@/lib/shared/vocabulary';
import { MAX_OFFSET } from './limits';

/// The page and the restrictions every library search takes (`searchArticles` adds the query
/// text, `rankArticles` the weighted terms), as zod fields whose messages are catalogue keys. A
/// field's `error` is the message of every check on it (zod 4), so the checks name none.
export const searchOptionFields = {
  limit: z.number({ error: 'limit_invalid' }).int().min(1).max(100).default(20),
  offset: z.number({ error: 'offset_invalid' }).int().min(0).default(0),
  regulationIds: z.array(z.string().min(1), { error: 'regulation_ids_invalid' }).max(100_000).optional(),
  kinds: z.array(z.enum(regulationKinds), { error: 'kinds_invalid' }).optional(),
  regulationId: z.string({ error: 'regulation_id_invalid' }).min(1).optional(),
};

/// The refinement every search schema ends with: no page reaches past `MAX_OFFSET` results.
export const searchDepthCheck: [(v: { offset: number; limit: number }) => boolean, { message: string; path: string[] }] = [
  (v) => v.offset + v.limit <= MAX_OFFSET,
  { message: 'offset_invalid', path: ['offset'] },
];

/// Parses a search's input with `schema`, or throws `validation_failed` naming the first bad
/// field (its message is a catalogue key) and listing them all in `details.fields`.
export function parseSearchInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new AppError('validation_failed', fields[0]?.message ?? 'validation_failed', { details: { fields } });
}
