import type { SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { Engine } from '@/db/engine';
import { regulations } from '@/db/schema';
import type { RegulationKind } from '@/lib/shared/vocabulary';
import type { Filters } from './searchPlan';

/// A search's restrictions as given: ids, one regulation, kinds.
type FilterInput = { regulationIds?: string[]; regulationId?: string; kinds?: RegulationKind[] };

/// Turns a search's restrictions into plain values: `regulationId`, `regulationIds` and `where`
/// (any drizzle condition on `regulations`, resolved with one query) become one set of
/// regulation ids, their intersection; `kinds` is deduplicated. An empty id set means nothing
/// can match.
export function resolveFilters(db: Db, input: FilterInput, where?: SQL): Filters {
  return combineFilters(input, where && db.select({ id: regulations.id }).from(regulations).where(where).all().map((r) => r.id));
}

/// `resolveFilters` on either engine.
export async function resolveFiltersOn({ db, t }: Engine, input: FilterInput, where?: SQL): Promise<Filters> {
  return combineFilters(input, where && (await db.select({ id: t.regulations.id }).from(t.regulations).where(where)).map((r) => r.id));
}

/// The restrictions combined, given the ids that `where` kept (undefined: no `where`).
function combineFilters(input: FilterInput, whereIds: string[] | undefined): Filters {
  let ids: Set<string> | undefined;
  const restrict = (next: Iterable<string>) => {
    const set = new Set(next);
    ids = ids ? new Set([...ids].filter((id) => set.has(id))) : set;
  };
  if (input.regulationIds) restrict(input.regulationIds);
  if (input.regulationId) restrict([input.regulationId]);
  if (whereIds) restrict(whereIds);
  return { kinds: input.kinds?.length ? [...new Set(input.kinds)] : undefined, regulationIds: ids ? [...ids] : undefined };
}
