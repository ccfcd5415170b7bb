import { users } from '@/db/schema';
import type { Db } from '@/db/client';
import type { Engine } from '@/db/engine';
import { hashPassword } from './password';
import type { CurrentUser, Role } from './roles';

let counter = 0;

/// Test support: inserts an account with a dummy password hash (nobody signs in with it; hashing
/// is slow); `name` defaults to one naming the role.
export function insertTestUser(db: Db, role: Role, name = `${role} ${++counter}`): CurrentUser {
  const user: CurrentUser = { id: crypto.randomUUID(), email: `${crypto.randomUUID()}@test.lawbench`, name, role };
  db.insert(users).values({ ...user, passwordHash: 'not-a-real-hash' }).run();
  return user;
}

/// Test support on either engine: inserts an account (by default a member of the public with a
/// made-up address). Only an account given a `password` can sign in: it is hashed with argon2,
/// which is slow, so the others get a dummy hash.
export async function insertTestAccount(
  engine: Engine,
  fields: { role?: Role; email?: string; name?: string; password?: string } = {},
): Promise<CurrentUser> {
  const role = fields.role ?? 'public';
  const user: CurrentUser = { id: crypto.randomUUID(), email: fields.email ?? `${crypto.randomUUID()}@test.lawbench`, name: fields.name ?? `${role} ${++counter}`, role };
  const passwordHash = fields.password ? await hashPassword(fields.password) : 'not-a-real-hash';
  await engine.db.insert(engine.t.users).values({ ...user, passwordHash });
  return user;
}
