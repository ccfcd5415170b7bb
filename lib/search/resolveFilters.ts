import type { SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { regulations } from '@/db/schema';
import type { RegulationKind } from '@/lib/shared/vocabulary';
import type { Filters } from './searchPlan';

/// Turns a search's restrictions into plain values: `regulationId`, `regulationIds` and `where`
/// (any drizzle condition on `regulations`, resolved with one query) become one set of
/// regulation ids, their intersection; `kinds` is deduplicated. An empty id set means nothing
/// can match.
export function resolveFilters(db: Db, input: { regulationIds?: string[]; regulationId?: string; kinds?: RegulationKind[] }, where?: SQL): Filters {
  let ids: Set<string> | undefined;
  const restrict = (next: Iterable<string>) => {
    const set = new Set(next);
    ids = ids ? new Set([...ids].filter((id) => set.has(id))) : set;
  };
  if (input.regulationIds) restrict(input.regulationIds);
  if (input.regulationId) restrict([input.regulationId]);
  if (where) restrict(db.select({ id: regulations.id }).from(regulations).where(where).all().map((r) => r.id));
  return { kinds: input.kinds?.length ? [...new Set(input.kinds)] : undefined, regulationIds: ids ? [...ids] : undefined };
}
