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
