/// Characters never part of a path we send someone back to: controls (a browser drops a tab or a
/// new line from a URL, turning `/\t/evil.example` into `//evil.example`), white space of any
/// width, and backslashes (read as slashes by browsers).
const unsafe = /[\u0000-\u001f\u007f\\\s]/u;

/// A path on this site to return to after a form (`?next=`, `returnTo`), or `fallback`: it must
/// start with one `/`, and neither it nor its percent-decoded form may hold what could make a
/// browser read it as another site (`//host`, `/\host`, `/%09/host`, `https:host` …). What comes
/// back is the normalised path, query and fragment.
export function safeReturnPath(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return fallback;
  }
  for (const form of [value, decoded]) {
    if (!form.startsWith('/') || form.startsWith('//') || unsafe.test(form)) return fallback;
  }
  try {
    const url = new URL(value, 'http://lawbench.invalid');
    if (url.origin !== 'http://lawbench.invalid') return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
