import { inArray } from 'drizzle-orm';
import type { Engine } from '@/db/engine';

/// The display names of the given user ids (absent for accounts that no longer exist). Either engine.
export async function namesOfUsers({ db, t }: Engine, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: t.users.id, name: t.users.name }).from(t.users).where(inArray(t.users.id, unique));
  return new Map(rows.map((u) => [u.id, u.name]));
}
