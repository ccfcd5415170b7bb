import type { z } from 'zod';

/// For tests: the messages (catalogue keys, or zod's own) a schema gives for `value`, in order, or
/// [] when it accepts it.
export function schemaMessages(schema: z.ZodType, value: unknown): string[] {
  return schema.safeParse(value).error?.issues.map((i) => i.message) ?? [];
}
