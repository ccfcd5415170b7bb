import type { z } from 'zod';
import { parseInput } from '@/lib/shared';

/// Validates the query string of a request with a schema (repeated keys: the first wins).
export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const params = new URL(request.url).searchParams;
  const raw: Record<string, string> = {};
  for (const [k, v] of params) if (!(k in raw)) raw[k] = v;
  return parseInput(schema, raw);
}
