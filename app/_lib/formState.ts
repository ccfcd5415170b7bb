/// What a form's server action answers: a message to show (already translated), the field it is
/// about, and the values to put back so nothing typed is lost.
export type FormState = { error?: string; field?: string; notice?: string; values?: Record<string, string> };

/// A same-site path to return to after a form, never an address on another site.
export function safeReturnPath(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : fallback;
}

/// The page to go back to after signing in or registering (`?next=`), when it is one of ours.
export async function returnPathOf(searchParams: Promise<{ next?: string }>): Promise<string> {
  const { next } = await searchParams;
  return next ? safeReturnPath(next, '') : '';
}
