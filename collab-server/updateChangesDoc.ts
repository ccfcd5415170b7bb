import * as Y from 'yjs';

/// Whether applying `update` to `doc` would change it: true when it carries a struct the doc does
/// not have or deletes an item the doc has not deleted (or does not know yet). The sync step 2
/// every client sends on connect is usually a no-op (nothing new, plus its whole delete set), and
/// must not count as a write. Costs O(update · log doc), not O(doc). Throws on an undecodable update.
export function updateChangesDoc(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return true;
  }
  for (const [client, ranges] of ds.clients) {
    const known = doc.store.clients.get(client);
    const state = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      if (len <= 0) continue;
      if (!known || clock + len > state) return true;
      for (let i = Y.findIndexSS(known, clock); i < known.length && known[i].id.clock < clock + len; i++) {
        if (!known[i].deleted) return true;
      }
    }
  }
  return false;
}
