import type { z } from 'zod';
import { AppError } from '@/lib/errors';

/// Validates input with a schema; failures become `validation_failed` naming each field and the
/// catalogue key of its problem.
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new AppError('validation_failed', fields[0]?.message ?? 'validation_failed', { details: { fields } });
}
