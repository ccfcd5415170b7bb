import { safeReturnPath } from '@/lib/shared';

/// What a form's server action answers: a message to show (already translated), the field it is
/// about, and the values to put back so nothing typed is lost.
export type FormState = { error?: string; field?: string; notice?: string; values?: Record<string, string> };


/// The page to go back to after signing in or registering (`?next=`), when it is one of ours.
export async function returnPathOf(searchParams: Promise<{ next?: string }>): Promise<string> {
  const { next } = await searchParams;
  return next ? safeReturnPath(next, '') : '';
}
