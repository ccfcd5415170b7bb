import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import type { CurrentUser } from '@/lib/auth';

/// A demo account as the functions it acts through see it; `seeder` names who needs it in the
/// error when seedDemoData has not run. Either engine.
export async function demoPerson(engine: Engine, email: string, seeder: string): Promise<CurrentUser> {
  const { users } = engine.t;
  const [u] = await engine.db.select({ id: users.id, email: users.email, name: users.name, role: users.role }).from(users).where(eq(users.email, email)).limit(1);
  if (!u) throw new Error(`${seeder} needs the demo account ${email} (run seedDemoData first)`);
  return u;
}

/// Noon in China on a date, so that the day of a backdated event is the intended one.
export const noon = (iso: string) => new Date(`${iso}T04:00:00Z`);
