import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/// Checks an awareness update (y-protocols encoding: count, then clientID, clock, JSON state per
/// entry) and keeps only the entries `allow` accepts, so that one connection cannot overwrite or
/// remove another's presence. `reshape` may replace an entry's JSON state (what others are shown)
/// or drop it (null). Returns the update (re-encoded if anything changed), or null when nothing
/// is left. Throws on a malformed update or invalid JSON.
export function filterAwarenessUpdate(
  update: Uint8Array,
  allow: (clientID: number) => boolean,
  reshape: (state: string) => string | null = (state) => state,
): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: { clientID: number; clock: number; state: string }[] = [];
  let changed = false;
  for (let i = 0; i < count; i++) {
    const clientID = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    JSON.parse(state);
    if (!allow(clientID)) continue;
    const shaped = reshape(state);
    if (shaped !== null) kept.push({ clientID, clock, state: shaped });
    if (shaped !== state) changed = true;
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after the awareness update');
  if (kept.length === 0) return null;
  if (kept.length === count && !changed) return update;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.clientID);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}
