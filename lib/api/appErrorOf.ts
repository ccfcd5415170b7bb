import { isDatabaseUnavailable } from '@/db/databaseUnavailable';
import { AppError, isAppError } from '@/lib/errors';

// How long a client is asked to wait before retrying when the database cannot be reached.
const retryAfterSeconds = 5;

/// The AppError a failure is told to the user as: itself when it is one; `database_unavailable`
/// (503, retry in a few seconds) when the database cannot be reached just now; else `internal`.
export function appErrorOf(e: unknown): AppError {
  if (isAppError(e)) return e;
  if (isDatabaseUnavailable(e)) return new AppError('database_unavailable', 'database_unavailable', { retryAfterSeconds });
  return new AppError('internal');
}
