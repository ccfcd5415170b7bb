import { requestStates } from './requestState';

// PostgreSQL's SQLSTATEs for "the server is not there, or not taking this connection now": class
// 08 (connection exception), and the server shutting down, crashed or starting up (57P01–57P03).
const serverGone = /^(08...|57P0[123])$/;
// What Node and node-postgres say when the connection itself fails or is cut.
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
const socketMessages = /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/;

/// True when `e` (or an error it wraps as `cause`: drizzle wraps the driver's) says the database
/// cannot be reached just now (PostgreSQL restarting, its socket refused or cut) or, on SQLite,
/// stayed locked past the busy timeout: a failure to retry in a moment, not a fault of the request.
/// Either way the transaction under way did not commit, so nothing of it was written.
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let at = e, depth = 0; at instanceof Error && depth < 5; at = (at as { cause?: unknown }).cause, depth++) {
    const code = (at as { code?: unknown }).code;
    if (typeof code === 'string' && (serverGone.test(code) || socketCodes.has(code) || code === 'SQLITE_BUSY')) return true;
    if (socketMessages.test(at.message)) return true;
  }
  return false;
}

/// Notes on the current request (db/requestState.ts), when there is one, that `e` says the
/// database cannot be reached; a failure of any other kind is left alone. Returns `e`, to rethrow.
export function noteIfDatabaseUnavailable<E>(e: E): E {
  if (isDatabaseUnavailable(e)) {
    const state = requestStates().getStore();
    if (state) state.databaseUnavailable = true;
  }
  return e;
}
