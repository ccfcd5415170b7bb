import type { z } from 'zod';

/// A page's query string read with an object schema field by field: a value that is empty or
/// fails (a typo in a hand-edited address) is left out instead of failing the page, where an API
/// with the same schema answers 400. Repeated keys: the first wins.
export function readQueryLeniently<S extends z.ZodObject>(schema: S, raw: Record<string, string | string[] | undefined>): z.output<S> {
  const query: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const value = Array.isArray(raw[key]) ? raw[key][0] : raw[key];
    if (value === undefined || value.trim() === '') continue;
    const parsed = (field as z.ZodType).safeParse(value);
    if (parsed.success && parsed.data !== undefined && parsed.data !== '') query[key] = parsed.data;
  }
  return query as z.output<S>;
}
