import * as Y from 'yjs';
import type { EditSpan } from '@/lib/drafting';

/// An edit span with the stored update it came from: its row id (the order of arrival), author
/// and time.
export type AttributedSpan = EditSpan & { updateId: number; userId: string | null; at: Date };

/// What the previous version already held: its state vector and its deleted id ranges (the delete
/// set of its Yjs state). Nothing before these counts as a change since that version.
export type PreviousState = { stateVector: Map<number, number>; deleted?: Map<number, { clock: number; len: number }[]> };

/// Who changed an article since the previous version and when they last did.
export type ArticleAttribution = { authors: string[]; changedAt: Date | null };

type Owned = { start: number; end: number; userId: string | null; at: Date };

/// Disjoint, sorted id ranges of one client, each owned by the first update that claimed it.
class Claims {
  readonly list: Owned[] = [];

  /// Index of the first range that ends after `clock`.
  private firstEndingAfter(clock: number): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid].end > clock) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /// The parts of [start, end) not claimed yet.
  free(start: number, end: number): [number, number][] {
    const out: [number, number][] = [];
    let at = start;
    for (let i = this.firstEndingAfter(start); i < this.list.length && this.list[i].start < end && at < end; i++) {
      if (this.list[i].start > at) out.push([at, this.list[i].start]);
      at = Math.max(at, this.list[i].end);
    }
    if (at < end) out.push([at, end]);
    return out;
  }

  claim(range: Owned): void {
    const i = this.firstEndingAfter(range.start);
    this.list.splice(i, 0, range);
  }

  overlapping(start: number, end: number, visit: (o: Owned) => void): void {
    for (let i = this.firstEndingAfter(start); i < this.list.length && this.list[i].start < end; i++) visit(this.list[i]);
  }
}

function subtract(ranges: [number, number][], holes: { clock: number; len: number }[] | undefined): [number, number][] {
  if (!holes?.length) return ranges;
  let out = ranges;
  for (const h of holes) {
    const hs = h.clock;
    const he = h.clock + h.len;
    out = out.flatMap(([s, e]): [number, number][] => (he <= s || hs >= e ? [[s, e]] : [...(hs > s ? [[s, hs] as [number, number]] : []), ...(he < e ? [[he, e] as [number, number]] : [])]));
  }
  return out;
}

/// Calls `visit` with the id range of every item under `type` (list items and attribute values,
/// deleted ones included: a deleted item stays in its list, so deletions count too).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any event type
function walkItems(type: Y.AbstractType<any>, visit: (client: number, clock: number, len: number) => void): void {
  const seen = (item: Y.Item) => {
    visit(item.id.client, item.id.clock, item.length);
    if (item.content instanceof Y.ContentType) walkItems(item.content.type, visit);
  };
  for (let item = type._start; item; item = item.right) seen(item);
  for (const last of type._map.values()) {
    for (let item: Y.Item | null = last; item; item = item.left) seen(item);
  }
}

/// For every article of a draft (by eid), the users whose edits since the previous version touch
/// it and the time of the latest such edit. An edit touches an article when it inserted one of
/// the Yjs items now inside the article (text, 款/项/目 blocks, attributes, the article itself) or
/// deleted one of them. `spans` are the edits stored after the previous version; when two updates
/// carry the same ids (a reconnecting client resends what it has), the earlier one owns them, and
/// ids the previous version already had (inserted below its state vector, or already deleted)
/// belong to nobody. Pure over its inputs.
export function attributeArticles(doc: Y.Doc, previous: PreviousState | null, spans: AttributedSpan[]): Map<string, ArticleAttribution> {
  const claims = { insert: new Map<number, Claims>(), delete: new Map<number, Claims>() };
  const ordered = spans.map((s, i) => ({ s, i })).sort((a, b) => a.s.updateId - b.s.updateId || a.i - b.i);
  for (const { s } of ordered) {
    if (s.len <= 0) continue;
    const byClient = claims[s.kind];
    let c = byClient.get(s.client);
    if (!c) byClient.set(s.client, (c = new Claims()));
    let ranges: [number, number][] = [[s.clock, s.clock + s.len]];
    if (s.kind === 'insert') {
      const known = previous?.stateVector.get(s.client) ?? 0;
      ranges = ranges.map(([a, b]): [number, number] => [Math.max(a, known), b]).filter(([a, b]) => a < b);
    } else {
      ranges = subtract(ranges, previous?.deleted?.get(s.client));
    }
    for (const [a, b] of ranges) for (const [fa, fb] of c.free(a, b)) c.claim({ start: fa, end: fb, userId: s.userId, at: s.at });
  }

  const result = new Map<string, ArticleAttribution>();
  const fragment = doc.getXmlFragment('prosemirror');
  for (let item = fragment._start; item; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue;
    const element = item.content.type;
    if (!(element instanceof Y.XmlElement) || element.nodeName !== 'article') continue;
    const eid = String(element.getAttribute('eid') ?? '');
    const authors = new Set(result.get(eid)?.authors ?? []);
    let changedAt = result.get(eid)?.changedAt ?? null;
    const touch = (client: number, clock: number, len: number) => {
      for (const kind of ['insert', 'delete'] as const) {
        claims[kind].get(client)?.overlapping(clock, clock + len, (o) => {
          if (o.userId) authors.add(o.userId);
          if (!changedAt || o.at > changedAt) changedAt = o.at;
        });
      }
    };
    touch(item.id.client, item.id.clock, item.length);
    walkItems(element, touch);
    result.set(eid, { authors: [...authors].sort(), changedAt });
  }
  return result;
}
