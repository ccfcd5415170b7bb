import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { sqliteEngine } from '@/db/engine';
import { insertUser } from '@/lib/auth';
import { demoAccounts, demoPassword } from './demoAccounts';

/// Seeds the demo data; safe to run on every start: existing accounts are left as they are
/// (so a password or role an admin changed survives a restart).
export async function seedDemoData(db: Db = getDatabase()): Promise<{ created: string[] }> {
  const created: string[] = [];
  for (const account of demoAccounts) {
    if (db.select({ id: users.id }).from(users).where(eq(users.email, account.email)).get()) continue;
    await insertUser(sqliteEngine(db), { ...account, password: demoPassword() }, null);
    created.push(account.email);
  }
  return { created };
}
