import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Db } from '@/db/client';
import type { CurrentUser } from '@/lib/auth';

/// A demo account as the functions it acts through see it; `seeder` names who needs it in the
/// error when seedDemoData has not run.
export function demoPerson(db: Db, email: string, seeder: string): CurrentUser {
  const u = db.select({ id: users.id, email: users.email, name: users.name, role: users.role }).from(users).where(eq(users.email, email)).get();
  if (!u) throw new Error(`${seeder} needs the demo account ${email} (run seedDemoData first)`);
  return u;
}

/// Noon in China on a date, so that the day of a backdated event is the intended one.
export const noon = (iso: string) => new Date(`${iso}T04:00:00Z`);
