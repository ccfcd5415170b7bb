import { eq, sql } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import type { CurrentUser } from './roles';
import { hashSessionSecret, sameHash, sessionIdleMs, sessionLifetimeMs, splitSessionToken } from './sessionToken';

/// The two queries every request makes, prepared once per database handle (see `preparedFor`).
/// Awaiting `execute` works on both engines: on SQLite the statement runs at once, on PostgreSQL
/// it is sent with its parameters.
function prepareQueries({ db, t }: Engine) {
  return {
    find: db
      .select({
        secretHash: t.sessions.secretHash,
        expiresAt: t.sessions.expiresAt,
        createdAt: t.sessions.createdAt,
        id: t.users.id,
        email: t.users.email,
        name: t.users.name,
        role: t.users.role,
        disabledAt: t.users.disabledAt,
      })
      .from(t.sessions)
      .innerJoin(t.users, eq(t.users.id, t.sessions.userId))
      .where(eq(t.sessions.id, sql.placeholder('id')))
      .prepare(),
    remove: db.delete(t.sessions).where(eq(t.sessions.id, sql.placeholder('id'))).prepare(),
  };
}

const prepared = new WeakMap<object, ReturnType<typeof prepareQueries>>();

/// The prepared queries of `engine`'s database handle. This runs on every request, and a drizzle
/// query prepares a new statement each time it runs, which showed up in the comment intake profile.
function preparedFor(engine: Engine): ReturnType<typeof prepareQueries> {
  let p = prepared.get(engine.db);
  if (!p) prepared.set(engine.db, (p = prepareQueries(engine)));
  return p;
}

/// The user behind a session cookie, or null. Sessions unused for `sessionIdleMs`, older than
/// `sessionLifetimeMs` since sign-in, or of disabled accounts are deleted; a session used in the
/// second half of its idle time is extended (sliding expiry), never past its absolute end. Runs
/// on either engine.
export async function validateSessionToken(
  engine: Engine,
  token: string | undefined | null,
  now: Date = new Date(),
): Promise<{ user: CurrentUser; sessionId: string; expiresAt: Date; renewed: boolean } | null> {
  const parts = splitSessionToken(token);
  if (!parts) return null;
  const p = preparedFor(engine);
  const [row] = await p.find.execute({ id: parts.id });
  if (!row) return null;
  if (!sameHash(row.secretHash, hashSessionSecret(parts.secret))) return null;
  const end = row.createdAt.getTime() + sessionLifetimeMs;
  if (row.expiresAt.getTime() <= now.getTime() || end <= now.getTime() || row.disabledAt) {
    await p.remove.execute({ id: parts.id });
    return null;
  }
  let expiresAt = row.expiresAt;
  let renewed = false;
  if (expiresAt.getTime() - now.getTime() < sessionIdleMs / 2 && expiresAt.getTime() < end) {
    expiresAt = new Date(Math.min(now.getTime() + sessionIdleMs, end));
    // Rare (once in half an idle time per session), so not worth a prepared statement.
    await engine.db.update(engine.t.sessions).set({ expiresAt }).where(eq(engine.t.sessions.id, parts.id));
    renewed = true;
  }
  const { id, email, name, role } = row;
  return { user: { id, email, name, role }, sessionId: parts.id, expiresAt, renewed };
}
