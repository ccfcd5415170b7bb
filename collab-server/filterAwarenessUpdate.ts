import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/// Checks an awareness update (y-protocols encoding: count, then clientID, clock, JSON state per
/// entry) and keeps only the entries `allow` accepts, so that one connection cannot overwrite or
/// remove another's presence. Returns the update (re-encoded if entries were dropped), or null
/// when nothing is left. Throws on a malformed update or invalid JSON.
export function filterAwarenessUpdate(update: Uint8Array, allow: (clientID: number) => boolean): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: { clientID: number; clock: number; state: string }[] = [];
  for (let i = 0; i < count; i++) {
    const clientID = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    JSON.parse(state);
    if (allow(clientID)) kept.push({ clientID, clock, state });
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after the awareness update');
  if (kept.length === 0) return null;
  if (kept.length === count) return update;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.clientID);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}
