import * as Y from 'yjs';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import type { Node as PMNode } from 'prosemirror-model';
import { draftSchema } from './schema';
import { draftToParseJson } from './draftToStructure';
import { draftFragmentName } from './draftShapeRules';

/// Test support for drafts stored as Yjs documents, valid and broken.

/// A small valid draft: a title, a chapter, and two articles with text (the second with an item).
export function sampleDraft(): PMNode {
  return draftSchema.nodeFromJSON({
    type: 'doc',
    content: [
      { type: 'title', content: [{ type: 'text', text: '某市养犬管理条例' }] },
      { type: 'chapter_heading', attrs: { eid: 'chp_1' }, content: [{ type: 'text', text: '总则' }] },
      { type: 'article', attrs: { eid: 'art_1' }, content: [{ type: 'paragraph', attrs: { eid: 'art_1__para_1' }, content: [{ type: 'text', text: '为了规范养犬行为，制定本条例。' }] }] },
      {
        type: 'article',
        attrs: { eid: 'art_2' },
        content: [
          { type: 'paragraph', attrs: { eid: 'art_2__para_1' }, content: [{ type: 'text', text: '养犬人应当遵守下列规定：' }] },
          { type: 'item', attrs: { eid: 'art_2__item_1' }, content: [{ type: 'text', text: '携犬出户时束犬链；' }] },
        ],
      },
    ],
  });
}

/// A Yjs document holding `draft` in its `prosemirror` fragment, as the editor stores it.
export function yDraft(draft: PMNode = sampleDraft()): Y.Doc {
  const doc = new Y.Doc();
  prosemirrorToYXmlFragment(draft, doc.getXmlFragment(draftFragmentName));
  return doc;
}

/// A Yjs element with attributes and children, as a misbehaving client could make one.
export function yElement(name: string, attrs: Record<string, unknown> = {}, children: (Y.XmlElement | Y.XmlText)[] = []): Y.XmlElement {
  const element = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value as string);
  if (children.length) element.insert(0, children);
  return element;
}

/// A Yjs text.
export function yText(text: string): Y.XmlText {
  return new Y.XmlText(text);
}

/// The three damages of issue #17 that made a draft unreadable for good, each as a change to a
/// draft's fragment: loose text at the top level, a paragraph at the top level, and an article
/// whose eid is an object.
export const breakages: Record<'looseText' | 'topParagraph' | 'objectEid', (fragment: Y.XmlFragment) => void> = {
  looseText: (fragment) => fragment.insert(1, [yText('游离的文字')]),
  topParagraph: (fragment) => fragment.insert(2, [yElement('paragraph', { eid: 'p_top' }, [yText('顶层的款')])]),
  objectEid: (fragment) => fragment.insert(fragment.length, [yElement('article', { eid: { broken: true } }, [yElement('paragraph', { eid: 'p_obj' }, [yText('对象编号的条')])])]),
};

/// The draft's text as `GET /api/v1/drafts/{id}` computes it from a Yjs document.
export function draftJsonOf(doc: Y.Doc) {
  return draftToParseJson(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(draftFragmentName), draftSchema));
}

/// The update that makes `change` on a copy of `doc` (what a client would send).
export function updateMaking(doc: Y.Doc, change: (fragment: Y.XmlFragment) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  change(copy.getXmlFragment(draftFragmentName));
  const update = Y.encodeStateAsUpdate(copy, before);
  copy.destroy();
  return update;
}
