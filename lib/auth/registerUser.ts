import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { sqliteEngine } from '@/db/engine';
import { recordAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { hashPassword } from './password';
import type { CurrentUser } from './roles';
import { parseInput } from '@/lib/shared';
import { registerSchema } from './schemas';
import { reserveLoginAttempt } from './loginThrottle';

/// Self-registration for members of the public: always the `public` role. Each attempt from an
/// address is counted first (ten an hour), so that nobody can create accounts in bulk or walk
/// the e-mail addresses to see which are registered.
export async function registerUser(input: unknown, db: Db = getDatabase(), from: { ip?: string | null; now?: Date } = {}): Promise<CurrentUser> {
  const { email, name, password } = parseInput(registerSchema, input);
  if (from.ip) await reserveLoginAttempt(sqliteEngine(db), [{ kind: 'register', value: from.ip }], from.now ?? new Date());
  return insertUser(db, { email, name, password, role: 'public' }, null);
}

/// Inserts an account (hashing the password) and audits it; `email_taken` when the address is in use.
export async function insertUser(
  db: Db,
  input: { email: string; name: string; password: string; role: CurrentUser['role'] },
  actorId: string | null,
): Promise<CurrentUser> {
  if (db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) {
    throw new AppError('email_taken', 'email_taken');
  }
  const passwordHash = await hashPassword(input.password);
  const user: CurrentUser = { id: crypto.randomUUID(), email: input.email, name: input.name, role: input.role };
  db.transaction((tx) => {
    tx.insert(users).values({ ...user, passwordHash }).run();
    recordAudit(tx, { actorId, action: 'user.create', targetType: 'user', targetId: user.id, detail: { role: user.role } });
  });
  return user;
}
