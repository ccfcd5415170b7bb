import * as Y from 'yjs';

/// A run of Yjs ids one update inserted (`insert`: the structs it carries) or deleted (`delete`:
/// its delete set), for one client: clocks `clock` … `clock + len - 1`.
export type EditSpan = { kind: 'insert' | 'delete'; client: number; clock: number; len: number };

/// The id ranges a stored Yjs (v1) update inserts and deletes, adjacent runs of one client merged:
/// what is kept of an update, with its author, once compaction folds it into the snapshot.
/// `Skip` structs (gaps in merged updates) carry nothing and are left out. Throws on an
/// undecodable update.
export function decodeEditSpans(update: Uint8Array): EditSpan[] {
  const { structs, ds } = Y.decodeUpdate(update);
  const spans: EditSpan[] = [];
  const push = (kind: EditSpan['kind'], client: number, clock: number, len: number) => {
    if (len <= 0) return;
    const last = spans[spans.length - 1];
    if (last && last.kind === kind && last.client === client && last.clock + last.len === clock) last.len += len;
    else spans.push({ kind, client, clock, len });
  };
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    push('insert', struct.id.client, struct.id.clock, struct.length);
  }
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of [...ranges].sort((a, b) => a.clock - b.clock)) push('delete', client, clock, len);
  }
  return spans;
}
