import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { hashPassword } from './password';
import type { CurrentUser } from './roles';
import { parseInput } from '@/lib/shared';
import { registerSchema } from './schemas';
import { reserveLoginAttempt } from './loginThrottle';

/// Self-registration for members of the public: always the `public` role. Each attempt from an
/// address is counted first (ten an hour), so that nobody can create accounts in bulk or walk
/// the e-mail addresses to see which are registered. Runs on either engine.
export async function registerUser(engine: Engine, input: unknown, from: { ip?: string | null; now?: Date } = {}): Promise<CurrentUser> {
  const { email, name, password } = parseInput(registerSchema, input);
  if (from.ip) await reserveLoginAttempt(engine, [{ kind: 'register', value: from.ip }], from.now ?? new Date());
  return insertUser(engine, { email, name, password, role: 'public' }, null);
}

/// Inserts an account (hashing the password) and audits it; `email_taken` when the address is in
/// use. Runs on either engine; the password is hashed before the transaction (argon2 is slow).
export async function insertUser(
  engine: Engine,
  input: { email: string; name: string; password: string; role: CurrentUser['role'] },
  actorId: string | null,
): Promise<CurrentUser> {
  const { users } = engine.t;
  const [taken] = await engine.db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (taken) throw new AppError('email_taken', 'email_taken');
  const passwordHash = await hashPassword(input.password);
  const user: CurrentUser = { id: crypto.randomUUID(), email: input.email, name: input.name, role: input.role };
  await withTransaction(engine, async (tx) => {
    await tx.db.insert(tx.t.users).values({ ...user, passwordHash });
    await appendAudit(tx, { actorId, action: 'user.create', targetType: 'user', targetId: user.id, detail: { role: user.role } });
  });
  return user;
}
