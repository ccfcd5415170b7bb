/// The one JSON text of a value that anyone can reproduce: no whitespace, object keys sorted by
/// UTF-16 code units at every depth, numbers and strings as `JSON.stringify` writes them (the
/// rules of RFC 8785, JCS). `toJSON` is honoured (a Date becomes its ISO string); members that
/// are undefined or functions are left out, as JSON.stringify leaves them out. Audit details are
/// stored in this form, so that the stored text is exactly the text that was hashed.
export function canonicalJson(value: unknown): string {
  // Strings, finite numbers, booleans and null; NaN and ±Infinity become null as in JSON.stringify.
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (omitted(value[i]) ? 'null' : canonicalJson(value[i]));
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (omitted(v)) continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}
