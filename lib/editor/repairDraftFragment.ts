import * as Y from 'yjs';
import { Fragment, type Node as PMNode, type NodeType } from 'prosemirror-model';
import { draftSchema } from './schema';
import { badAttribute, completion, draftNodeType, followOrder, excerpt, freshAttribute, insideWords, misplacedChild, nodeNoun } from './draftShapeRules';
import { blockWhere, liveChildren, storedText } from './checkDraftFragment';

const nameOf = (content: Y.Item['content']): string => {
  const type = (content as Y.ContentType).type;
  return type instanceof Y.XmlElement ? type.nodeName : 'text';
};

/// A new Yjs node for a ProseMirror node the schema asked for, every attribute fresh (new eids).
function toYNode(node: PMNode): Y.XmlElement | Y.XmlText {
  if (node.isText) return new Y.XmlText(node.text);
  const element = new Y.XmlElement(node.type.name);
  for (const attribute of Object.keys(node.type.spec.attrs ?? {})) element.setAttribute(attribute, freshAttribute(node.type.name, attribute) as string);
  const children: (Y.XmlElement | Y.XmlText)[] = [];
  node.forEach((child) => children.push(toYNode(child)));
  if (children.length) element.insert(0, children);
  return element;
}

const nouns = (fill: Fragment): string => {
  const names: string[] = [];
  fill.forEach((node) => names.push(`an empty ${nodeNoun(node.type.name).replace(/^(an?|the) /, '')}`));
  return names.join(' and ');
};

/// Drops formatting and embedded objects from a text, keeping its characters.
function repairText(text: Y.XmlText, where: string, notes: string[]): void {
  const ops = text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
  const at = ops.map((_, i) => ops.slice(0, i).reduce((sum, op) => sum + (typeof op.insert === 'string' ? op.insert.length : 1), 0));
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i];
    if (typeof op.insert !== 'string') {
      text.delete(at[i], 1);
      notes.push(`${where}: dropped an embedded object from the text`);
    } else if (op.attributes && Object.keys(op.attributes).length) {
      text.format(at[i], op.insert.length, Object.fromEntries(Object.keys(op.attributes).map((k) => [k, null])));
      notes.push(`${where}: removed formatting (${Object.keys(op.attributes).join(', ')}) from «${excerpt(op.insert)}»`);
    }
  }
}

function repairChildren(tr: Y.Transaction, parent: Y.XmlFragment, parentName: string, parentWhere: string, notes: string[]): void {
  // First what has no place here at all goes, and what stays is repaired inside.
  liveChildren(parent).forEach(({ item, child }, index) => {
    const where = blockWhere(parentWhere, index, item);
    const misfit = misplacedChild(parentName, child);
    if (misfit) {
      const text = storedText(item.content);
      item.delete(tr);
      notes.push(`dropped ${where}: ${misfit}${text ? ` («${excerpt(text, 60)}»)` : ''}`);
      return;
    }
    const type = (item.content as Y.ContentType).type;
    if (type instanceof Y.XmlText) repairText(type, where, notes);
    else if (type instanceof Y.XmlElement) {
      for (const [attribute, value] of Object.entries(type.getAttributes())) {
        const bad = badAttribute(type.nodeName, attribute, value);
        if (!bad) continue;
        const fresh = freshAttribute(type.nodeName, attribute);
        type.setAttribute(attribute, fresh as string);
        notes.push(`${where}: ${bad}; it is now ${fresh === '' ? 'empty' : fresh}`);
      }
      repairChildren(tr, type, type.nodeName, where, notes);
    }
  });

  // Then the order: what the content expression needs before a block is added, and a block
  // that cannot come where it is even so is dropped.
  const container: NodeType = draftNodeType(parentName)!;
  let match = container.contentMatch;
  let index = 0;
  liveChildren(parent).forEach(({ item }, position) => {
    const content = item.content as Y.ContentType;
    if (content.type instanceof Y.XmlText && content.type.length === 0) {
      index++;
      return;
    }
    const type = nameOf(content) === 'text' ? draftSchema.nodes.text : draftNodeType(nameOf(content))!;
    const follow = followOrder(match, type);
    if (follow) {
      if (follow.needs.childCount > 0) {
        const added: (Y.XmlElement | Y.XmlText)[] = [];
        follow.needs.forEach((node) => added.push(toYNode(node)));
        parent.insert(index, added);
        notes.push(`${blockWhere(parentWhere, position, item)}: added ${nouns(follow.needs)} before it, which ${nodeNoun(parentName)} needs there`);
        index += added.length;
      }
      match = follow.after;
      index++;
      return;
    }
    const where = blockWhere(parentWhere, position, item);
    const text = storedText(content);
    item.delete(tr);
    notes.push(`dropped ${where}: ${nodeNoun(type.name)} cannot come there ${insideWords(parentName)}${text ? ` («${excerpt(text, 60)}»)` : ''}`);
  });
  if (!match.validEnd) {
    const fill = Fragment.from(completion(match).map((type) => type.createAndFill()!));
    if (fill.childCount > 0) {
      const added: (Y.XmlElement | Y.XmlText)[] = [];
      fill.forEach((node) => added.push(toYNode(node)));
      parent.insert(index, added);
      notes.push(`${parentWhere || 'the top level'}: added ${nouns(fill)} at the end, which ${nodeNoun(parentName)} needs`);
    }
  }
}

/// Makes a draft's Yjs fragment fit `draftSchema` again, in one transaction on its document, so
/// that the change is an ordinary Yjs update every copy of the draft converges on. Drops what has
/// no place (loose text or a paragraph at the top level, an unknown block, an embedded object),
/// gives an attribute of the wrong type a valid value (a fresh eid), removes formatting, and
/// where the order is wrong adds the empty block the schema needs (a title, a first paragraph)
/// or drops a block that cannot come where it is. Returns what it did in plain words, naming the
/// text of whatever it dropped; empty when the draft already fitted (`checkDraftFragment`).
export function repairDraftFragment(fragment: Y.XmlFragment): string[] {
  const doc = fragment.doc;
  if (!doc) throw new Error('the fragment is not part of a Yjs document');
  const notes: string[] = [];
  doc.transact((tr) => repairChildren(tr, fragment, 'doc', '', notes));
  return notes;
}
