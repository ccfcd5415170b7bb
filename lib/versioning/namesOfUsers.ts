import { inArray } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Db } from '@/db/client';

/// The display names of the given user ids (absent for accounts that no longer exist).
export function namesOfUsers(db: Db, ids: Iterable<string>): Map<string, string> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  return new Map(db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique)).all().map((u) => [u.id, u.name]));
}
