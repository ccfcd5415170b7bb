import { todayInChina } from '@/lib/shared';

// Crockford's base32: no I, L, O or U, so a reference read aloud or retyped is not misread.
const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/// A receipt number for a comment, e.g. `YJ20250301-7K3QX9`: 意见, the China date it arrived, and
/// six random base32 characters (30 bits). Unique by index; the caller retries on a collision.
export function newCommentReference(now: Date = new Date()): string {
  // randomUUID draws from Node's buffered CSPRNG pool; randomBytes(6) cost a system call per
  // comment (measured ~40 µs). The first 8 hex digits of a v4 UUID are all random.
  let bits = parseInt(crypto.randomUUID().slice(0, 8), 16);
  let tail = '';
  for (let i = 0; i < 6; i++, bits >>>= 5) tail += crockford[bits & 31];
  return `YJ${todayInChina(now).replaceAll('-', '')}-${tail}`;
}
