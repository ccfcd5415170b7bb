/// What a form's server action answers: a message to show (already translated), the field it is
/// about, and the values to put back so nothing typed is lost.
export type FormState = { error?: string; field?: string; notice?: string; values?: Record<string, string> };

/// A same-site path to return to after a form, never an address on another site.
export function safeReturnPath(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : fallback;
}
