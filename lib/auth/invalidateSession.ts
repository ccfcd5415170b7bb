import { eq } from 'drizzle-orm';
import { sessions } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { splitSessionToken } from './sessionToken';

/// Ends the session a cookie token names (signing out); unknown tokens are ignored.
export function invalidateSession(token: string | undefined | null, db: Db = getDatabase()): void {
  const parts = splitSessionToken(token);
  if (parts) db.delete(sessions).where(eq(sessions.id, parts.id)).run();
}
