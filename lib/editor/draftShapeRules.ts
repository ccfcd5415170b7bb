import * as Y from 'yjs';
import { Fragment, type ContentMatch, type NodeType } from 'prosemirror-model';
import { draftSchema } from './schema';
import { eidPrefixOf, newEid } from './newEid';

/// The name of the Yjs XmlFragment that holds a draft (y-prosemirror's default, used everywhere).
export const draftFragmentName = 'prosemirror';

/// What one stored child of a Yjs list is, as far as the draft's schema cares: an element with
/// its node name, a text, or anything else (a Yjs map or hook, a stray value…) in plain words.
export type StoredChild = { element: string } | { text: true } | { other: string };

const nouns: Record<string, string> = {
  doc: 'the draft',
  title: 'the title',
  part_heading: 'a part heading (编)',
  chapter_heading: 'a chapter heading (章)',
  section_heading: 'a section heading (节)',
  article: 'an article (条)',
  paragraph: 'a paragraph (款)',
  item: 'an item (项)',
  subitem: 'a sub-item (目)',
  article_ref: 'a reference to an article',
  text: 'text',
};

const eidPrefixes = eidPrefixOf;

/// A node type of the draft in plain words ("an article (条)"); `doc` is "the draft".
export function nodeNoun(name: string): string {
  return nouns[name] ?? `an unknown kind of block «${name}»`;
}

/// Where a child of `parent` sits, in plain words ("at the top level", "inside an article (条)").
export function insideWords(parent: string): string {
  return parent === 'doc' ? 'at the top level' : `inside ${nodeNoun(parent)}`;
}

/// The draft's node type called `name` (`doc` for the top level), or null for a name the schema
/// does not know; `text` is no element, so it is unknown here too.
export function draftNodeType(name: string): NodeType | null {
  if (name === 'text' || !Object.hasOwn(draftSchema.nodes, name)) return null;
  return draftSchema.nodes[name];
}

const allowedCache = new Map<NodeType, Set<string>>();

/// Every node type name that may appear somewhere in `type`'s content, whatever the order.
function allowedIn(type: NodeType): Set<string> {
  let allowed = allowedCache.get(type);
  if (!allowed) {
    allowed = new Set();
    const seen = new Set([type.contentMatch]);
    const queue = [type.contentMatch];
    for (let match = queue.pop(); match; match = queue.pop()) {
      for (let i = 0; i < match.edgeCount; i++) {
        const { type: next, next: after } = match.edge(i);
        allowed.add(next.name);
        if (!seen.has(after)) {
          seen.add(after);
          queue.push(after);
        }
      }
    }
    allowedCache.set(type, allowed);
  }
  return allowed;
}

/// What the schema sees in one item of a Yjs list (its content).
export function storedChild(content: Y.Item['content']): StoredChild {
  if (content instanceof Y.ContentType) {
    const type = content.type;
    if (type instanceof Y.XmlElement) return { element: type.nodeName };
    if (type instanceof Y.XmlText) return { text: true };
    if (type instanceof Y.XmlHook) return { other: 'a Yjs hook' };
    if (type instanceof Y.Map) return { other: 'a Yjs map' };
    if (type instanceof Y.Array) return { other: 'a Yjs array' };
    if (type instanceof Y.Text) return { other: 'a plain Yjs text' };
    return { other: 'a nested XML fragment' };
  }
  if (content instanceof Y.ContentString) return { other: `a stray string «${excerpt(content.str)}»` };
  if (content instanceof Y.ContentEmbed) return { other: 'an embedded object' };
  if (content instanceof Y.ContentBinary) return { other: 'binary data' };
  if (content instanceof Y.ContentDoc) return { other: 'a sub-document' };
  return { other: 'a stray value' };
}

/// Why `child` can sit nowhere among the children of a `parent` node (a node type name, `doc` for
/// the top level), in plain words; null when the schema allows it somewhere there. Order and
/// number are judged by `checkDraftFragment`, not here.
export function misplacedChild(parent: string, child: StoredChild): string | null {
  const type = draftNodeType(parent);
  const allowed = type ? allowedIn(type) : new Set<string>();
  if ('other' in child) return `${child.other} cannot be ${insideWords(parent)}: only blocks of the draft can`;
  if ('text' in child) return allowed.has('text') ? null : `loose text cannot be ${insideWords(parent)}`;
  if (!draftNodeType(child.element) || child.element === 'doc') return `an unknown kind of block «${child.element}» cannot be in a draft`;
  return allowed.has(child.element) ? null : `${nodeNoun(child.element)} cannot be ${insideWords(parent)}`;
}

function kindOfValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Uint8Array) return 'binary data';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'bigint') return 'a number';
  if (typeof value === 'boolean') return 'true or false';
  return typeof value === 'string' ? 'text' : `a ${typeof value}`;
}

/// Why `value` cannot be the `attribute` of a `node`, in plain words; null when it can, when it
/// is absent (undefined: the default applies) or when the schema does not know the attribute
/// (ProseMirror drops those). An attribute must have the type of its default: every one of the
/// draft's is text. ProseMirror's own `check()` does not look at attribute types unless the
/// schema declares `validate`, which ours does not.
export function badAttribute(node: string, attribute: string, value: unknown): string | null {
  const spec = draftNodeType(node)?.spec.attrs?.[attribute];
  if (!spec || value === undefined) return null;
  const expected = spec.default === undefined || spec.default === null ? 'string' : typeof spec.default;
  if (typeof value === expected && value !== null) return null;
  return `its ${attribute} is ${kindOfValue(value)}, not ${expected === 'string' ? 'text' : `a ${expected}`}`;
}

/// A valid value for `attribute` of a new or repaired `node`: a fresh eid, else the default.
export function freshAttribute(node: string, attribute: string): unknown {
  if (attribute === 'eid' && eidPrefixes[node]) return newEid(eidPrefixes[node]);
  return draftNodeType(node)?.spec.attrs?.[attribute]?.default ?? '';
}

/// The first characters of a text, for a message that names what was dropped.
export function excerpt(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

// When a container lacks something at its end, the block people write is what it gets: an
// article rather than a part heading, a paragraph rather than an item.
const preferred = ['article', 'paragraph'];

/// The shortest run of node types that completes a container from `match` (empty when it is
/// complete), preferring an article or a paragraph where the schema leaves a choice.
export function completion(match: ContentMatch): NodeType[] {
  const seen = new Map<ContentMatch, NodeType[]>([[match, []]]);
  const queue = [match];
  for (let at = queue.shift(); at; at = queue.shift()) {
    if (at.validEnd) return seen.get(at)!;
    const edges = Array.from({ length: at.edgeCount }, (_, i) => at.edge(i));
    edges.sort((a, b) => rank(a.type) - rank(b.type));
    for (const { type, next } of edges) {
      if (seen.has(next) || type.isText || !type.createAndFill()) continue;
      seen.set(next, [...seen.get(at)!, type]);
      queue.push(next);
    }
  }
  return [];
}

function rank(type: NodeType): number {
  const i = preferred.indexOf(type.name);
  return i < 0 ? preferred.length : i;
}

/// How a child of `type` can follow `match` in its parent's content: the match after it, and the
/// nodes that must come first (an empty fragment when it fits as it is); null when it cannot come
/// there at all.
export function followOrder(match: ContentMatch, type: NodeType): { after: ContentMatch; needs: Fragment } | null {
  const direct = match.matchType(type);
  if (direct) return { after: direct, needs: Fragment.empty };
  const sample = type.isText ? draftSchema.text('x') : type.createAndFill();
  const needs = sample ? match.fillBefore(Fragment.from(sample)) : null;
  const after = needs ? match.matchFragment(needs)?.matchType(type) : null;
  return needs && after ? { after, needs } : null;
}
