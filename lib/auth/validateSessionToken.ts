import type Database from 'better-sqlite3';
import { getDatabase, type Db } from '@/db/client';
import type { CurrentUser } from './roles';
import { hashSessionSecret, sameHash, sessionIdleMs, sessionLifetimeMs, splitSessionToken } from './sessionToken';

// Raw statements prepared once per connection: this runs on every request (drizzle prepares a
// new statement per query, which showed up in the comment intake profile).
const statements = new WeakMap<Database.Database, { find: Database.Statement; remove: Database.Statement; extend: Database.Statement }>();

function statementsOf(sqlite: Database.Database) {
  let s = statements.get(sqlite);
  if (!s) {
    s = {
      find: sqlite.prepare(
        'select s.secret_hash as secretHash, s.expires_at as expiresAt, s.created_at as createdAt, u.id, u.email, u.name, u.role, u.disabled_at as disabledAt from sessions s join users u on u.id = s.user_id where s.id = ?',
      ),
      remove: sqlite.prepare('delete from sessions where id = ?'),
      extend: sqlite.prepare('update sessions set expires_at = ? where id = ?'),
    };
    statements.set(sqlite, s);
  }
  return s;
}

type SessionRow = { secretHash: string; expiresAt: number; createdAt: number; id: string; email: string; name: string; role: CurrentUser['role']; disabledAt: number | null };

/// The user behind a session cookie, or null. Sessions unused for `sessionIdleMs`, older than
/// `sessionLifetimeMs` since sign-in, or of disabled accounts are deleted; a session used in the
/// second half of its idle time is extended (sliding expiry), never past its absolute end.
export function validateSessionToken(
  token: string | undefined | null,
  now: Date = new Date(),
  db: Db = getDatabase(),
): { user: CurrentUser; sessionId: string; expiresAt: Date; renewed: boolean } | null {
  const parts = splitSessionToken(token);
  if (!parts) return null;
  const s = statementsOf(db.$client);
  const row = s.find.get(parts.id) as SessionRow | undefined;
  if (!row) return null;
  if (!sameHash(row.secretHash, hashSessionSecret(parts.secret))) return null;
  const end = row.createdAt + sessionLifetimeMs;
  if (row.expiresAt <= now.getTime() || end <= now.getTime() || row.disabledAt) {
    s.remove.run(parts.id);
    return null;
  }
  let expiresAt = new Date(row.expiresAt);
  let renewed = false;
  if (expiresAt.getTime() - now.getTime() < sessionIdleMs / 2 && expiresAt.getTime() < end) {
    expiresAt = new Date(Math.min(now.getTime() + sessionIdleMs, end));
    s.extend.run(expiresAt.getTime(), parts.id);
    renewed = true;
  }
  const { id, email, name, role } = row;
  return { user: { id, email, name, role }, sessionId: parts.id, expiresAt, renewed };
}
