import * as Y from 'yjs';
import { badAttribute, checkDraftFragment, draftFragmentName, misplacedChild, nodeNoun, storedChild, type DraftProblem } from '@/lib/editor';

/// Where a new item lands: in the draft (in a container whose node name is `node`: `doc` for
/// the top level, an element's name, `#text` for a text, `#junk` for something that does not fit
/// itself), under `sub` when it is an attribute; or somewhere the draft does not see (another
/// root, a deleted node, garbage-collected neighbours); or `unknown` when the update refers to an
/// item neither the document nor the update has (it would wait as a pending struct).
type Place = { node: string; eid: string; sub: string | null } | 'unseen' | 'unknown';

const key = (id: Y.ID) => `${id.client}:${id.clock}`;

/// What the container `type` (already in the document) is to the draft.
function placeOfType(type: Y.AbstractType<unknown>, fragment: Y.XmlFragment): Place {
  let node: string = type === fragment ? 'doc' : type instanceof Y.XmlElement ? type.nodeName : type instanceof Y.XmlText ? '#text' : '#junk';
  const eid: unknown = type instanceof Y.XmlElement ? type.getAttribute('eid') : '';
  // Up to the root: what sits in a deleted node is deleted with it, what sits in another root is
  // not the draft, and what sits in a block that does not fit is dropped with that block.
  for (let t = type; t !== fragment; ) {
    const item = t._item;
    if (!item) return 'unseen';
    if (item.deleted || !(item.parent instanceof Y.AbstractType)) return 'unseen';
    const parent = item.parent as Y.AbstractType<unknown>;
    const parentName = parent === fragment ? 'doc' : parent instanceof Y.XmlElement ? parent.nodeName : null;
    if (item.parentSub !== null || parentName === null || misplacedChild(parentName, storedChild(item.content))) node = '#junk';
    t = parent;
  }
  return { node, eid: typeof eid === 'string' ? eid : '', sub: null };
}

/// The problems of one new item at `place`, in plain words.
function problemsOf(item: Y.Item, place: Exclude<Place, 'unseen' | 'unknown'>): DraftProblem[] {
  const content = item.content;
  const at = place.node === 'doc' ? 'at the top level' : place.node === '#text' ? 'in a text' : `in ${nodeNoun(place.node)}${place.eid ? ` ${place.eid}` : ''}`;
  const problem = (what: string): DraftProblem[] => [{ where: `a new item ${at}`, what, kind: 'shape', key: `new@${key(item.id)}` }];
  if (content instanceof Y.ContentDeleted || place.node === '#junk') return [];
  if (place.sub !== null) {
    if (place.node.startsWith('#') || place.node === 'doc') return [];
    const values = content.getContent();
    const bad = badAttribute(place.node, place.sub, content instanceof Y.ContentFormat ? undefined : values[values.length - 1]);
    return bad ? problem(bad) : [];
  }
  if (place.node === '#text') {
    if (content instanceof Y.ContentString) return [];
    if (content instanceof Y.ContentFormat) return content.value === null ? [] : problem(`text is formatted (${content.key}), but a draft has no formatting`);
    return problem('something that is not a character is inside text');
  }
  if (!content.isCountable()) return [];
  const misfit = misplacedChild(place.node, storedChild(content));
  return misfit ? problem(misfit) : [];
}

/// Judges an update from its own items, without applying it: null when it cannot tell (the
/// update refers to items nobody has yet).
function screenUpdate(doc: Y.Doc, update: Uint8Array): DraftProblem[] | null {
  const fragment = doc.getXmlFragment(draftFragmentName);
  const { structs } = Y.decodeUpdate(update);
  const byClient = new Map<number, (Y.Item | Y.GC | Y.Skip)[]>();
  for (const s of structs) {
    const list = byClient.get(s.id.client) ?? [];
    list.push(s);
    byClient.set(s.id.client, list);
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  const inUpdate = (id: Y.ID) => {
    const list = byClient.get(id.client);
    if (!list) return undefined;
    let [lo, hi] = [0, list.length - 1];
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid];
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return undefined;
  };
  const known = (id: Y.ID) => id.clock < Y.getState(doc.store, id.client);

  const places = new Map<Y.Item, Place>();
  // The container an item refers to as its parent (by the id of the item holding the type).
  const containerOf = (id: Y.ID): Place => {
    if (known(id)) {
      const holder = Y.getItem(doc.store, id) as Y.Item | Y.GC;
      if (!(holder instanceof Y.Item) || holder.deleted) return 'unseen';
      // Yjs itself fails on a parent that is no type; applying the update reports it.
      if (!(holder.content instanceof Y.ContentType)) return 'unknown';
      return placeOfType(holder.content.type, fragment);
    }
    const holder = inUpdate(id);
    if (!(holder instanceof Y.Item)) return holder instanceof Y.GC ? 'unseen' : 'unknown';
    if (!(holder.content instanceof Y.ContentType)) return 'unknown';
    const place = placeOf(holder);
    if (typeof place === 'string') return place;
    const type = holder.content.type;
    const junk = place.node.startsWith('#') || place.sub !== null || problemsOf(holder, place).length > 0;
    const node = junk ? '#junk' : type instanceof Y.XmlElement ? type.nodeName : '#text';
    return { node, eid: '', sub: null };
  };
  // Where the item holding `id` sits (a neighbour's place is the new item's place).
  const besideOf = (id: Y.ID): Place | 'gc' => {
    if (known(id)) {
      const neighbour = Y.getItem(doc.store, id) as Y.Item | Y.GC;
      if (!(neighbour instanceof Y.Item)) return 'gc';
      if (!(neighbour.parent instanceof Y.AbstractType)) return 'unknown';
      const place = placeOfType(neighbour.parent as Y.AbstractType<unknown>, fragment);
      return typeof place === 'string' ? place : { ...place, sub: neighbour.parentSub };
    }
    const neighbour = inUpdate(id);
    if (!(neighbour instanceof Y.Item)) return neighbour instanceof Y.GC ? 'gc' : 'unknown';
    return placeOf(neighbour);
  };
  // Yjs takes the parent from the left neighbour, else the right one, else the parent given; an
  // item next to a garbage-collected one is itself dropped.
  function placeOf(item: Y.Item): Place {
    const cached = places.get(item);
    if (cached) return cached;
    places.set(item, 'unknown');
    let place: Place;
    const left = item.origin ? besideOf(item.origin) : null;
    const right = item.rightOrigin ? besideOf(item.rightOrigin) : null;
    if (left === 'gc' || right === 'gc') place = 'unseen';
    else if (left === 'unknown' || right === 'unknown') place = 'unknown';
    else if (left) place = left;
    else if (right) place = right;
    else if (typeof item.parent === 'string') place = item.parent === draftFragmentName ? { node: 'doc', eid: '', sub: item.parentSub } : 'unseen';
    else if (item.parent instanceof Y.ID) {
      const container = containerOf(item.parent);
      place = typeof container === 'string' ? container : { ...container, sub: item.parentSub };
    } else place = 'unknown';
    places.set(item, place);
    return place;
  }

  const problems: DraftProblem[] = [];
  for (const s of structs) {
    if (!(s instanceof Y.Item) || s.id.clock + s.length <= Y.getState(doc.store, s.id.client)) continue;
    const place = placeOf(s);
    if (place === 'unknown') return null;
    if (place !== 'unseen') problems.push(...problemsOf(s, place));
  }
  return problems;
}

/// The same judgement made the slow, sure way: the update is applied to a copy of `doc` and the
/// whole draft checked (`checkDraftFragment`); the shape problems the copy has and `doc` has not
/// are the update's. O(document): about 70 ms for a 1,000-article draft with some history (`npx tsx
/// bench/schemaCheck.ts`). Throws when Yjs cannot apply the update.
export function schemaProblemsByCopy(doc: Y.Doc, update: Uint8Array): DraftProblem[] {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(copy, update);
    const after = checkDraftFragment(copy.getXmlFragment(draftFragmentName)).filter((p) => p.kind === 'shape');
    if (after.length === 0) return [];
    const before = new Set(checkDraftFragment(doc.getXmlFragment(draftFragmentName)).map((p) => p.key));
    return after.filter((p) => !before.has(p.key));
  } finally {
    copy.destroy();
  }
}

/// What applying `update` to the draft `doc` would bring in that the draft's schema has no place
/// for (shape problems, see `DraftProblem`): empty when the update may be applied. Problems the
/// document already has do not count against an update, so a draft damaged before this check
/// existed stays editable (and `lawbench draft repair` mends it). Order problems never count: two
/// valid edits made at the same time can merge into one.
///
/// Judged from the update's own new items (their content and the container each lands in), in
/// O(update · log doc), some tens of microseconds per keystroke; deletions never break the schema.
/// When that cannot be decided (the document has pending structs, or the update refers to items
/// nobody has yet), the update is applied to a copy and the whole draft checked, which is sure
/// but O(document). Throws when Yjs cannot apply the update.
export function schemaProblemsOfUpdate(doc: Y.Doc, update: Uint8Array): DraftProblem[] {
  if (doc.store.pendingStructs === null) {
    const screened = screenUpdate(doc, update);
    if (screened) return screened;
  }
  return schemaProblemsByCopy(doc, update);
}
