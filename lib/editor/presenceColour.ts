const palette = ['#9e2a22', '#1f5fbf', '#2f6b3a', '#7a4fa3', '#b26b00', '#0f7c80'];

/// The colour of a person's cursor and presence, the same wherever it is computed (the browser
/// for its own cursor, the collaboration server for what it relays to others).
export function presenceColour(userId: string): string {
  let h = 0;
  for (const c of userId) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return palette[h % palette.length];
}
