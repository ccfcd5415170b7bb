import { eq } from 'drizzle-orm';
import { getEngine, type Engine } from '@/db/engine';
import { insertUser } from '@/lib/auth';
import { demoAccounts, demoPassword } from './demoAccounts';

/// Seeds the demo data; safe to run on every start: existing accounts are left as they are
/// (so a password or role an admin changed survives a restart).
export async function seedDemoData(engine: Engine = getEngine()): Promise<{ created: string[] }> {
  const { users } = engine.t;
  const created: string[] = [];
  for (const account of demoAccounts) {
    const [found] = await engine.db.select({ id: users.id }).from(users).where(eq(users.email, account.email)).limit(1);
    if (found) continue;
    await insertUser(engine, { ...account, password: demoPassword() }, null);
    created.push(account.email);
  }
  return { created };
}
