import { isAppError } from '@/lib/errors';

/// Test support: how a call ends, as `code:key` of the AppError it throws, or `ok`.
export function outcome(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    if (!isAppError(e)) throw e;
    return `${e.code}:${e.message}`;
  }
}

/// Test support: the AppError a call throws, as code, message and details (fails when it returns).
export function caught(fn: () => unknown): { code: string; message: string; details: unknown } {
  try {
    fn();
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message, details: e.details };
    throw e;
  }
  throw new Error('did not throw');
}
