import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { checkDraftFragment } from './checkDraftFragment';
import { draftSchema } from './schema';
import { blankDraft } from './structureToDraft';
import { breakages, yDraft, yElement, yText } from './testing';

const fragmentOf = (doc: Y.Doc) => doc.getXmlFragment('prosemirror');
const broken = (change: (fragment: Y.XmlFragment) => void) => {
  const doc = yDraft();
  change(fragmentOf(doc));
  return checkDraftFragment(fragmentOf(doc));
};
const said = (problems: ReturnType<typeof checkDraftFragment>) => problems.map((p) => `${p.kind} | ${p.where} | ${p.what}`);

describe('checkDraftFragment', () => {
  it('finds nothing wrong in a draft the editor made', () => {
    expect(checkDraftFragment(fragmentOf(yDraft()))).toEqual([]);
    expect(checkDraftFragment(fragmentOf(yDraft(blankDraft('新草案'))))).toEqual([]);
  });

  it('names loose text and a paragraph at the top level, with their text', () => {
    expect(said(broken(breakages.looseText))).toEqual(['shape | block 2 (text) | loose text cannot be at the top level: «游离的文字»']);
    expect(said(broken(breakages.topParagraph))).toEqual(['shape | block 3 (paragraph p_top) | a paragraph (款) cannot be at the top level: «顶层的款»']);
  });

  it('names an attribute of the wrong type, which ProseMirror’s own check lets through', () => {
    const doc = yDraft();
    breakages.objectEid(fragmentOf(doc));
    fragmentOf(doc).insert(fragmentOf(doc).length, [yElement('article', { eid: 'art_9' }, [yElement('paragraph', { eid: 7 }, [yText('见'), yElement('article_ref', { target: null })])])]);
    expect(said(checkDraftFragment(fragmentOf(doc)))).toEqual([
      'shape | block 5 (article) | its eid is an object, not text',
      'shape | block 6 (article art_9), block 1 (paragraph) | its eid is a number, not text',
      'shape | block 6 (article art_9), block 1 (paragraph), block 2 (article_ref) | its target is null, not text',
    ]);
    expect(() => yXmlFragmentToProseMirrorRootNode(fragmentOf(doc), draftSchema).check()).not.toThrow();
  });

  it('names unknown blocks, blocks inside the wrong parent, stray values, formatting and embedded objects', () => {
    const formatted = yText('加粗');
    const embedded = yText('前后');
    const problems = broken((fragment) => {
      const article = yElement('article', { eid: 'art_x' }, [yElement('paragraph', { eid: 'p' }, [formatted, embedded]), yElement('chapter_heading', { eid: 'c' }), yText('条里的字')]);
      fragment.insert(2, [yElement('marquee'), article]);
      fragment.insert(0, [new Y.Map() as unknown as Y.XmlElement]);
      formatted.format(0, 2, { bold: true });
      embedded.insertEmbed(1, { image: 'x.png' });
      (fragment.get(1) as Y.XmlElement).insert(0, [yElement('article_ref', { target: 'art_1' })]);
    });
    expect(said(problems)).toEqual([
      'shape | block 1 | a Yjs map cannot be at the top level: only blocks of the draft can',
      'shape | block 2 (title), block 1 (article_ref) | a reference to an article cannot be inside the title',
      'shape | block 4 (marquee) | an unknown kind of block «marquee» cannot be in a draft',
      'shape | block 5 (article art_x), block 1 (paragraph p), block 1 (text) | text «加粗» is formatted (bold), but a draft has no formatting',
      'shape | block 5 (article art_x), block 1 (paragraph p), block 2 (text) | an embedded object is inside text, where only characters belong',
      'shape | block 5 (article art_x), block 2 (chapter_heading c) | a chapter heading (章) cannot be inside an article (条)',
      'shape | block 5 (article art_x), block 3 (text) | loose text cannot be inside an article (条): «条里的字»',
    ]);
  });

  it('tells order problems, which two valid edits made at once can merge into, from shape problems', () => {
    // Two editors each delete one of an article's two paragraphs: each result fits the schema,
    // the merge leaves the article without any.
    const a = yDraft(blankDraft('题'));
    const article = () => fragmentOf(a).get(2) as Y.XmlElement;
    article().insert(1, [yElement('paragraph', { eid: 'p2' }, [yText('第二款')])]);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    article().delete(0, 1);
    (fragmentOf(b).get(2) as Y.XmlElement).delete(1, 1);
    expect(checkDraftFragment(fragmentOf(a))).toEqual([]);
    expect(checkDraftFragment(fragmentOf(b))).toEqual([]);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(said(checkDraftFragment(fragmentOf(a)))).toEqual(['order | block 3 (article art_1) | an article (条) lacks a paragraph (款)']);

    const orderOnly = broken((fragment) => {
      fragment.delete(0, 1);
      fragment.insert(fragment.length, [yElement('article', { eid: 'a' }, [yElement('item', { eid: 'i' })]), yElement('title')]);
    });
    expect(said(orderOnly)).toEqual([
      'order | block 1 (chapter_heading chp_1) | the draft needs the title before this chapter heading (章)',
      'order | block 4 (article a), block 1 (item i) | an article (条) needs a paragraph (款) before this item (项)',
      'order | block 5 (title) | the title cannot come there at the top level; here it expects a part heading (编) or a chapter heading (章) or a section heading (节) or an article (条)',
    ]);
  });

  it('keeps a problem’s key when other parts of the draft change, so an update is judged by what it adds', () => {
    const doc = yDraft();
    breakages.objectEid(fragmentOf(doc));
    const before = checkDraftFragment(fragmentOf(doc)).map((p) => p.key);
    fragmentOf(doc).insert(1, [yElement('chapter_heading', { eid: 'chp_0' }, [yText('附则')])]);
    expect(checkDraftFragment(fragmentOf(doc)).map((p) => p.key)).toEqual(before);
  });

  it('changes nothing in the document it reads (y-prosemirror’s conversion deletes what it cannot convert)', () => {
    const doc = yDraft();
    fragmentOf(doc).insert(2, [yElement('article', { eid: 'e' }, [yElement('paragraph', { eid: 'p' }), yElement('article', { eid: 'f' })])]);
    const stored = Y.encodeStateAsUpdate(doc);
    expect(checkDraftFragment(fragmentOf(doc))).toHaveLength(1);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(stored);
    yXmlFragmentToProseMirrorRootNode(fragmentOf(doc), draftSchema);
    expect(Y.encodeStateAsUpdate(doc)).not.toEqual(stored);
  });
});
