import { users } from '@/db/schema';
import type { Db } from '@/db/client';
import type { CurrentUser, Role } from './roles';

let counter = 0;

/// Test support: inserts an account with a dummy password hash (nobody signs in with it; hashing
/// is slow); `name` defaults to one naming the role.
export function insertTestUser(db: Db, role: Role, name = `${role} ${++counter}`): CurrentUser {
  const user: CurrentUser = { id: crypto.randomUUID(), email: `${crypto.randomUUID()}@test.lawbench`, name, role };
  db.insert(users).values({ ...user, passwordHash: 'not-a-real-hash' }).run();
  return user;
}
