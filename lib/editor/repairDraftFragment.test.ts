import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { checkDraftFragment } from './checkDraftFragment';
import { repairDraftFragment } from './repairDraftFragment';
import { draftSchema } from './schema';
import { blankDraft } from './structureToDraft';
import { breakages, draftJsonOf, yDraft, yElement, yText } from './testing';

const fragmentOf = (doc: Y.Doc) => doc.getXmlFragment('prosemirror');

/// Every damage the checker knows, each on its own copy of the sample draft.
const damages: Record<string, (fragment: Y.XmlFragment) => void> = {
  ...breakages,
  'a number as a paragraph’s eid': (f) => f.insert(2, [yElement('article', { eid: 'a' }, [yElement('paragraph', { eid: 5 }, [yText('字')])])]),
  'an object as a reference’s target': (f) => ((f.get(2) as Y.XmlElement).get(0) as Y.XmlElement).insert(1, [yElement('article_ref', { target: { x: 1 } })]),
  'an unknown block': (f) => f.insert(2, [yElement('marquee', {}, [yText('滚动')])]),
  'an article inside an article': (f) => (f.get(2) as Y.XmlElement).insert(1, [yElement('article', { eid: 'inner' }, [yElement('paragraph', { eid: 'ip' })])]),
  'formatted text': (f) => (((f.get(2) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 2, { bold: true }),
  'an embedded object': (f) => (((f.get(2) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText).insertEmbed(1, { image: 'x' }),
  'a stray map': (f) => f.insert(1, [new Y.Map() as unknown as Y.XmlElement]),
  'an article without paragraphs': (f) => (f.get(2) as Y.XmlElement).delete(0, 1),
  'an article opening with an item': (f) => f.insert(2, [yElement('article', { eid: 'a' }, [yElement('item', { eid: 'i' }, [yText('项')])])]),
  'no title': (f) => f.delete(0, 1),
  'a second title': (f) => f.insert(2, [yElement('title', {}, [yText('又一个标题')])]),
  'nothing at all': (f) => f.delete(0, f.length),
};

describe('repairDraftFragment', () => {
  it.each(Object.entries(damages))('repairs %s so that the draft fits the schema and converts', (_, damage) => {
    const doc = yDraft();
    damage(fragmentOf(doc));
    expect(checkDraftFragment(fragmentOf(doc))).not.toEqual([]);
    expect(repairDraftFragment(fragmentOf(doc))).not.toEqual([]);
    expect(checkDraftFragment(fragmentOf(doc))).toEqual([]);
    expect(() => yXmlFragmentToProseMirrorRootNode(fragmentOf(doc), draftSchema).check()).not.toThrow();
    expect(() => draftJsonOf(doc)).not.toThrow();
  });

  it('keeps the articles that fitted, gives a bad eid a fresh one, and names the text it dropped', () => {
    const doc = yDraft();
    for (const damage of Object.values(breakages)) damage(fragmentOf(doc));
    const notes = repairDraftFragment(fragmentOf(doc));
    expect(notes).toEqual([
      'dropped block 2 (text): loose text cannot be at the top level («游离的文字»)',
      'dropped block 3 (paragraph p_top): a paragraph (款) cannot be at the top level («顶层的款»)',
      expect.stringMatching(/^block 7 \(article\): its eid is an object, not text; it is now art_n[0-9a-z]{12}$/),
    ]);
    const text = draftJsonOf(doc);
    expect(text.articles.map((a) => [a.eid.replace(/^art_n.*/, 'art_n…'), a.paragraphs.map((p) => p.text).join('')])).toEqual([
      ['art_1', '为了规范养犬行为，制定本条例。'],
      ['art_2', '养犬人应当遵守下列规定：'],
      ['art_n…', '对象编号的条'],
    ]);
    expect(text.articles[1].paragraphs[0].items.map((i) => i.text)).toEqual(['携犬出户时束犬链；']);
  });

  it('adds the empty blocks an order needs with fresh eids, rather than dropping what is there', () => {
    const doc = yDraft(blankDraft('题'));
    fragmentOf(doc).insert(3, [yElement('article', { eid: 'art_2' }, [yElement('item', { eid: 'i' }, [yText('先有项')])])]);
    expect(repairDraftFragment(fragmentOf(doc))).toEqual(['block 4 (article art_2), block 1 (item i): added an empty paragraph (款) before it, which an article (条) needs there']);
    const added = (fragmentOf(doc).get(3) as Y.XmlElement).get(0) as Y.XmlElement;
    expect([added.nodeName, added.getAttribute('eid')]).toEqual(['paragraph', expect.stringMatching(/^para_n/)]);
    expect(draftJsonOf(doc).articles[1].paragraphs[0].items[0].text).toBe('先有项');
  });

  it('changes nothing in a draft that fits, and says nothing', () => {
    const doc = yDraft();
    const before = Y.encodeStateAsUpdate(doc);
    expect(repairDraftFragment(fragmentOf(doc))).toEqual([]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('makes its change one Yjs update that a copy holding the damage converges on', () => {
    const doc = yDraft();
    breakages.topParagraph(fragmentOf(doc));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    repairDraftFragment(fragmentOf(doc));
    expect(updates).toHaveLength(1);
    Y.applyUpdate(copy, updates[0]);
    expect(fragmentOf(copy).toString()).toBe(fragmentOf(doc).toString());
    expect(checkDraftFragment(fragmentOf(copy))).toEqual([]);
  });
});
