import { randomBytes } from 'node:crypto';

let lastMillis = -1;
let counter = 0;

/// A UUID that sorts, as text, in the order it was made (version 7 of RFC 9562): 48 bits of Unix
/// milliseconds, then a 12-bit counter, then 62 random bits. The counter starts each millisecond
/// at a random value below 2048 and counts up within it; should it run out, or the clock step
/// back, the id takes the next millisecond after the last one made. So ids made by one process
/// compare in the order they were made, ties of one millisecond included; ids of two processes in
/// the same millisecond compare either way. It is the tie-break of rows written in one moment:
/// SQLite's rowid did that job, and PostgreSQL has none.
export function orderedId(now: number = Date.now()): string {
  const random = randomBytes(10);
  let millis = Math.max(Math.floor(now), lastMillis);
  if (millis === lastMillis && counter < 0xfff) counter += 1;
  else {
    if (millis === lastMillis) millis += 1;
    counter = ((random[8] << 8) | random[9]) & 0x7ff;
  }
  lastMillis = millis;
  const time = millis.toString(16).padStart(12, '0');
  const tail = [...random.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const variant = ((random[0] & 0x3f) | 0x80).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${counter.toString(16).padStart(3, '0')}-${variant}${tail.slice(2, 4)}-${tail.slice(4, 16)}`;
}
