import * as Y from 'yjs';
import type { ContentMatch, NodeType } from 'prosemirror-model';
import { draftSchema } from './schema';
import { badAttribute, completion, draftNodeType, followOrder, excerpt, insideWords, misplacedChild, nodeNoun, storedChild, type StoredChild } from './draftShapeRules';

/// One way a draft's stored Yjs document does not fit the draft's ProseMirror schema.
export type DraftProblem = {
  /// Where, in plain words: "block 3 (article art_5), block 2 (item)".
  where: string;
  /// What is wrong, in plain words.
  what: string;
  /// `shape`: a node, text or attribute the schema has no place for (a paragraph or loose text at
  /// the top level, an unknown block, an eid that is not text, formatted text). No editor makes
  /// one, and reading the draft fails on it or silently drops it, so the collaboration server
  /// refuses an update that brings one in. `order`: every child is of a kind its parent may hold,
  /// but not in that order or number (an article without its first paragraph, a draft without
  /// articles). Two valid edits made at the same time can merge into that, and reading the draft
  /// does not fail on it (y-prosemirror drops a block it cannot build), so the server lets it
  /// through; `lawbench draft repair` mends it.
  kind: 'shape' | 'order';
  /// Tells the same problem apart before and after an edit: what is wrong and the Yjs id of the
  /// node it is about.
  key: string;
};

/// One live child of a Yjs list type, as stored.
export type LiveChild = { item: Y.Item; child: StoredChild };

/// The live (not deleted, countable) children of a Yjs list type, in order.
export function liveChildren(parent: Y.XmlFragment): LiveChild[] {
  const out: LiveChild[] = [];
  for (let item = parent._start; item; item = item.right) {
    if (!item.deleted && item.countable) out.push({ item, child: storedChild(item.content) });
  }
  return out;
}

/// The text inside a stored node (its Yjs texts, in order), for a message naming it.
export function storedText(content: Y.Item['content']): string {
  if (!(content instanceof Y.ContentType)) return content instanceof Y.ContentString ? content.str : '';
  const type = content.type;
  if (type instanceof Y.XmlText) return deltaText(type);
  if (type instanceof Y.XmlElement) return liveChildren(type).map(({ item }) => storedText(item.content)).join('');
  return '';
}

function deltaText(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}

/// The Yjs id of an item as text ("client:clock").
export function itemKey(item: Y.Item): string {
  return `${item.id.client}:${item.id.clock}`;
}

/// Where a child block is, in plain words, from where its parent is.
export function blockWhere(parentWhere: string, index: number, item: Y.Item): string {
  let label = `block ${index + 1}`;
  const type = item.content instanceof Y.ContentType ? item.content.type : null;
  if (type instanceof Y.XmlElement) {
    const eid: unknown = type.getAttribute('eid');
    label += ` (${type.nodeName}${typeof eid === 'string' && eid ? ` ${eid}` : ''})`;
  } else if (type instanceof Y.XmlText) label += ' (text)';
  return parentWhere ? `${parentWhere}, ${label}` : label;
}

/// The ProseMirror node type a fitting child stands for (a text's is `text`).
function typeOf(child: StoredChild): NodeType {
  return 'element' in child ? draftNodeType(child.element)! : draftSchema.nodes.text;
}

/// What the schema would accept next, in plain words ("expected a paragraph (款)").
function expected(match: ContentMatch): string {
  const names = Array.from({ length: match.edgeCount }, (_, i) => nodeNoun(match.edge(i).type.name));
  return names.length ? `; here it expects ${names.join(' or ')}` : '; nothing more may follow here';
}

/// A node noun without its article ("paragraph (款)").
const noun = (name: string) => nodeNoun(name).replace(/^(an?|the) /, '');

/// What a container still lacks at its end, in plain words.
function missing(match: ContentMatch): string {
  const names = completion(match).map((type) => nodeNoun(type.name));
  return names.length ? names.join(' and ') : 'what it needs';
}

/// Formatting and embedded objects in a text: the draft's schema has no marks.
function textProblems(text: Y.XmlText, where: string, key: string): DraftProblem[] {
  const problems: DraftProblem[] = [];
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string') {
      problems.push({ where, what: 'an embedded object is inside text, where only characters belong', kind: 'shape', key: `embed@${key}` });
    } else if (op.attributes && Object.keys(op.attributes).length) {
      problems.push({ where, what: `text «${excerpt(op.insert)}» is formatted (${Object.keys(op.attributes).join(', ')}), but a draft has no formatting`, kind: 'shape', key: `format@${key}` });
    }
  }
  return problems.filter((p, i) => problems.findIndex((q) => q.key === p.key) === i);
}

function checkChildren(parent: Y.XmlFragment, parentName: string, parentWhere: string, parentKey: string, problems: DraftProblem[]): void {
  let match = (draftNodeType(parentName) ?? draftSchema.topNodeType).contentMatch;
  liveChildren(parent).forEach(({ item, child }, index) => {
    const where = blockWhere(parentWhere, index, item);
    const key = itemKey(item);
    const misfit = misplacedChild(parentName, child);
    if (misfit) {
      const text = storedText(item.content);
      problems.push({ where, what: text ? `${misfit}: «${excerpt(text)}»` : misfit, kind: 'shape', key: `misplaced@${key}` });
      return;
    }
    const stored = (item.content as Y.ContentType).type;
    if (stored instanceof Y.XmlText) {
      problems.push(...textProblems(stored, where, key));
      if (stored.length === 0) return;
    } else if (stored instanceof Y.XmlElement) {
      for (const [attribute, value] of Object.entries(stored.getAttributes())) {
        const bad = badAttribute(stored.nodeName, attribute, value);
        if (bad) problems.push({ where, what: bad, kind: 'shape', key: `attr:${attribute}@${key}` });
      }
      checkChildren(stored, stored.nodeName, where, key, problems);
    }
    const type = typeOf(child);
    const follow = followOrder(match, type);
    if (!follow) {
      problems.push({ where, what: `${nodeNoun(type.name)} cannot come there ${insideWords(parentName)}${expected(match)}`, kind: 'order', key: `order@${key}` });
      return;
    }
    match = follow.after;
    const needs: string[] = [];
    follow.needs.forEach((node) => needs.push(nodeNoun(node.type.name)));
    if (needs.length) problems.push({ where, what: `${nodeNoun(parentName)} needs ${needs.join(' and ')} before this ${noun(type.name)}`, kind: 'order', key: `order@${key}` });
  });
  if (!match.validEnd) {
    problems.push({ where: parentWhere || 'the top level', what: `${parentName === 'doc' ? 'the draft' : nodeNoun(parentName)} lacks ${missing(match)}`, kind: 'order', key: `incomplete@${parentKey}` });
  }
}

/// Every way a draft's Yjs fragment does not fit `draftSchema` (node types, where each may sit,
/// the order and number of children, attribute types, formatting), in document order and in
/// plain words; empty for a draft that fits. What does not fit is not looked into: the problems
/// inside a misplaced block are not listed. Pure: reads the fragment, changes nothing (unlike
/// y-prosemirror's conversion, which deletes the elements it cannot convert).
export function checkDraftFragment(fragment: Y.XmlFragment): DraftProblem[] {
  const problems: DraftProblem[] = [];
  checkChildren(fragment, 'doc', '', 'root', problems);
  return problems;
}
