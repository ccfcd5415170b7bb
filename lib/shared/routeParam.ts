/// A dynamic route segment as text. Next.js hands segments over decoded or still
/// percent-encoded depending on the characters in them; decoding once more must never throw on a
/// `%` that is really a percent sign or on a cut UTF-8 sequence (`%FF`, `%E4%B8`): such a segment
/// is taken as it is and simply names nothing (404), never a server error.
export function routeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
