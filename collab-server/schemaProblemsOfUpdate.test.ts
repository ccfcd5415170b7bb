import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { breakages, updateMaking, yDraft, yElement, yText } from '@/lib/editor/testing';
import { schemaProblemsByCopy, schemaProblemsOfUpdate } from './schemaProblemsOfUpdate';

const paragraphText = (f: Y.XmlFragment, article: number) => ((f.get(article) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText;

/// Changes an editor's client can send, each from the sample draft.
const valid: Record<string, (f: Y.XmlFragment) => void> = {
  'a character typed': (f) => paragraphText(f, 2).insert(3, '新'),
  'a pasted article': (f) => f.insert(3, [yElement('article', { eid: 'art_new' }, [yElement('paragraph', { eid: 'p_new' }, [yText('新条'), yElement('article_ref', { target: 'art_1' })])])]),
  'an item and a sub-item': (f) => (f.get(3) as Y.XmlElement).insert(2, [yElement('item', { eid: 'i2' }, [yText('二')]), yElement('subitem', { eid: 's1' })]),
  'a renamed eid': (f) => (f.get(2) as Y.XmlElement).setAttribute('eid', 'art_renamed'),
  'a deleted article and heading': (f) => f.delete(1, 2),
  'a heading before an article': (f) => f.insert(3, [yElement('section_heading', { eid: 'sec_1' }, [yText('一般规定')])]),
  'an edit of another root': (f) => f.doc!.getMap('elsewhere').set('x', { any: ['thing'] }),
};

/// Changes no editor makes.
const invalid: Record<string, (f: Y.XmlFragment) => void> = {
  ...breakages,
  'a number as eid, set later': (f) => (f.get(2) as Y.XmlElement).setAttribute('eid', 12 as unknown as string),
  'a bad eid inside a pasted article': (f) => f.insert(3, [yElement('article', { eid: 'a' }, [yElement('paragraph', { eid: ['x'] })])]),
  'an unknown block inside a pasted article': (f) => f.insert(3, [yElement('article', { eid: 'a' }, [yElement('paragraph', { eid: 'p' }), yElement('blink')])]),
  'a paragraph inside a paragraph': (f) => ((f.get(2) as Y.XmlElement).get(0) as Y.XmlElement).insert(0, [yElement('paragraph', { eid: 'pp' })]),
  'loose text inside an article': (f) => (f.get(3) as Y.XmlElement).insert(1, [yText('条里游离')]),
  'formatting': (f) => paragraphText(f, 2).format(0, 2, { bold: true }),
  'an embedded object': (f) => paragraphText(f, 2).insertEmbed(0, { image: 'x' }),
  'a reference inside a heading': (f) => (f.get(1) as Y.XmlElement).insert(0, [yElement('article_ref', { target: 'art_1' })]),
  'a Yjs map at the top level': (f) => f.insert(0, [new Y.Map() as unknown as Y.XmlElement]),
  'a title inside an article': (f) => (f.get(2) as Y.XmlElement).insert(1, [yElement('title')]),
};

describe('schemaProblemsOfUpdate', () => {
  it.each(Object.entries(valid))('lets %s through, and the whole-copy check agrees', (_, change) => {
    const doc = yDraft();
    const update = updateMaking(doc, change);
    expect(schemaProblemsOfUpdate(doc, update)).toEqual([]);
    expect(schemaProblemsByCopy(doc, update)).toEqual([]);
  });

  it.each(Object.entries(invalid))('refuses %s, and the whole-copy check agrees', (_, change) => {
    const doc = yDraft();
    const before = Y.encodeStateAsUpdate(doc);
    const update = updateMaking(doc, change);
    expect(schemaProblemsOfUpdate(doc, update)).not.toEqual([]);
    expect(schemaProblemsByCopy(doc, update)).not.toEqual([]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('names the three damages of issue #17 in plain words', () => {
    const said = Object.values(breakages).map((damage) => {
      const doc = yDraft();
      return schemaProblemsOfUpdate(doc, updateMaking(doc, damage)).map((p) => `${p.where}: ${p.what}`);
    });
    expect(said).toEqual([
      ['a new item at the top level: loose text cannot be at the top level'],
      ['a new item at the top level: a paragraph (款) cannot be at the top level'],
      ['a new item in an article (条): its eid is an object, not text'],
    ]);
  });

  it('lets through what two valid edits made at once merge into (an article left without paragraphs)', () => {
    const doc = yDraft();
    const second = (f: Y.XmlFragment) => (f.get(3) as Y.XmlElement).delete(0, 1);
    const first = updateMaking(doc, (f) => {
      (f.get(3) as Y.XmlElement).insert(1, [yElement('paragraph', { eid: 'p2' })]);
    });
    Y.applyUpdate(doc, first);
    const a = updateMaking(doc, (f) => (f.get(3) as Y.XmlElement).delete(1, 1));
    const b = updateMaking(doc, second);
    expect(schemaProblemsOfUpdate(doc, a)).toEqual([]);
    Y.applyUpdate(doc, a);
    expect(schemaProblemsOfUpdate(doc, b)).toEqual([]);
    expect(schemaProblemsByCopy(doc, b)).toEqual([]);
  });

  it('keeps a draft damaged before the check existed editable, and lets an editor mend it', () => {
    const doc = yDraft();
    breakages.objectEid(doc.getXmlFragment('prosemirror'));
    const typing = updateMaking(doc, (f) => paragraphText(f, 2).insert(0, '〔改〕'));
    expect(schemaProblemsOfUpdate(doc, typing)).toEqual([]);
    expect(schemaProblemsByCopy(doc, typing)).toEqual([]);
    const mending = updateMaking(doc, (f) => f.delete(f.length - 1, 1));
    expect(schemaProblemsOfUpdate(doc, mending)).toEqual([]);
  });

  it('checks what an update releases when it arrives after one that was waiting for it', () => {
    const doc = yDraft();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    const article = yElement('article', { eid: 'a' }, [yElement('paragraph', { eid: 'p' })]);
    let before = Y.encodeStateVector(client);
    client.getXmlFragment('prosemirror').insert(3, [article]);
    const first = Y.encodeStateAsUpdate(client, before);
    before = Y.encodeStateVector(client);
    article.insert(1, [yText('条里游离')]);
    const second = Y.encodeStateAsUpdate(client, before);

    // The second arrives first: it refers to an article nobody has yet, so it waits.
    expect(schemaProblemsOfUpdate(doc, second)).toEqual([]);
    Y.applyUpdate(doc, second);
    expect(doc.store.pendingStructs).not.toBeNull();
    expect(schemaProblemsOfUpdate(doc, first).map((p) => p.what)).toEqual(['loose text cannot be inside an article (条): «条里游离»']);
  });
});
