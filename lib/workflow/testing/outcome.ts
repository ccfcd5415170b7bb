import { isAppError } from '@/lib/errors';

/// Test support: how a call ends (awaited, so a rejection counts as a throw), as `code:key` of the
/// AppError it throws, or `ok`.
export async function outcome(fn: () => unknown): Promise<string> {
  try {
    await fn();
    return 'ok';
  } catch (e) {
    if (!isAppError(e)) throw e;
    return `${e.code}:${e.message}`;
  }
}

/// Test support: the AppError a call throws (or its promise rejects with), as code, message and
/// details (fails when it returns).
export async function caught(fn: () => unknown): Promise<{ code: string; message: string; details: unknown }> {
  try {
    await fn();
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message, details: e.details };
    throw e;
  }
  throw new Error('did not throw');
}
