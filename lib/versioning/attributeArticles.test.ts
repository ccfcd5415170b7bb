import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { attributeArticles, type AttributedSpan, type PreviousState } from './attributeArticles';
import { decodeEditSpans } from '@/lib/drafting';
import { articleAt, draftDocOf, draftYDocOf, editDraft, sampleText } from './testing';


/// A shared document with users typing on their own clients; every update is "stored" as a span
/// list with its author and time, and relayed to the other clients.
function workspace() {
  const base = draftYDocOf(sampleText);
  const spans: AttributedSpan[] = [];
  const clients = new Map<string, Y.Doc>();
  let updateId = 0;
  let clock = Date.parse('2025-03-01T08:00:00Z');
  const store = (userId: string, update: Uint8Array) => {
    const at = new Date((clock += 60_000));
    updateId++;
    for (const s of decodeEditSpans(update)) spans.push({ ...s, updateId, userId, at });
    return at;
  };
  const client = (userId: string) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(base), 'remote');
    doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      store(userId, u);
      for (const [other, d] of clients) if (other !== userId) Y.applyUpdate(d, u, 'remote');
      Y.applyUpdate(base, u, 'remote');
    });
    clients.set(userId, doc);
    return doc;
  };
  const previous = (): PreviousState => ({ stateVector: Y.decodeStateVector(Y.encodeStateVector(base)), deleted: Y.decodeUpdate(Y.encodeStateAsUpdate(base)).ds.clients });
  /// A client that drops off with the document as it is now: what it does meanwhile reaches the
  /// others only when it reconnects and sends everything it has (`reconnect`).
  const offline = () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(base), 'remote');
    return doc;
  };
  const reconnect = (userId: string, doc: Y.Doc) => {
    const update = Y.encodeStateAsUpdate(doc);
    store(userId, update);
    for (const d of clients.values()) Y.applyUpdate(d, update, 'remote');
    Y.applyUpdate(base, update, 'remote');
  };
  return { base, spans, client, store, previous, offline, reconnect };
}

/// When the workspace stored its n-th update.
const minute = (n: number) => new Date(Date.UTC(2025, 2, 1, 8, n));
const untouched = { authors: [], changedAt: null };

const insertBeforeFullStop = (eid: string, text: string) => (doc: Y.Doc) =>
  editDraft(doc, (s) => s.tr.insertText(text, articleAt(s.doc, eid).textTo - 1));
const deleteFirstChars = (eid: string, n: number) => (doc: Y.Doc) =>
  editDraft(doc, (s) => s.tr.delete(articleAt(s.doc, eid).textFrom, articleAt(s.doc, eid).textFrom + n));
const insertAtStart = (eid: string, text: string) => (doc: Y.Doc) => editDraft(doc, (s) => s.tr.insertText(text, articleAt(s.doc, eid).textFrom));
const deleteBeforeFullStop = (eid: string, n: number) => (doc: Y.Doc) =>
  editDraft(doc, (s) => s.tr.delete(articleAt(s.doc, eid).textTo - 1 - n, articleAt(s.doc, eid).textTo - 1));

describe('attributeArticles', () => {
  it('credits the user who typed in an article and the user who deleted from another, nobody else', () => {
    const w = workspace();
    const prev = w.previous();
    const a = w.client('A');
    const b = w.client('B');
    insertBeforeFullStop('art_2', '和所辖县区')(a);
    deleteFirstChars('art_3', 4)(b);
    const result = attributeArticles(w.base, prev, w.spans);
    expect(result.get('art_2')?.authors).toEqual(['A']);
    expect(result.get('art_3')?.authors).toEqual(['B']);
    expect(result.get('art_1')).toEqual({ authors: [], changedAt: null });
    expect(result.get('art_4')).toEqual({ authors: [], changedAt: null });
    expect(result.get('art_3')!.changedAt!.getTime()).toBeGreaterThan(result.get('art_2')!.changedAt!.getTime());
    expect(draftDocOf(w.base).textBetween(0, draftDocOf(w.base).content.size, '\n')).toContain('本条例适用于本市和所辖县区。');
  });

  it('credits deleting a whole 项 and inserting a new article', () => {
    const w = workspace();
    const prev = w.previous();
    const a = w.client('A');
    const b = w.client('B');
    editDraft(b, (s) => {
      const art = articleAt(s.doc, 'art_3');
      const node = s.doc.nodeAt(art.from)!;
      const lastItemSize = node.lastChild!.nodeSize;
      return s.tr.delete(art.to - 1 - lastItemSize, art.to - 1);
    });
    editDraft(a, (s) => {
      const node = s.doc.type.schema.nodes.article.create({ eid: 'art_new' }, s.doc.type.schema.nodes.paragraph.create({ eid: 'art_new__para_1' }, s.doc.type.schema.text('新增的一条。')));
      return s.tr.insert(articleAt(s.doc, 'art_1').to, node);
    });
    const result = attributeArticles(w.base, prev, w.spans);
    expect(result.get('art_3')?.authors).toEqual(['B']);
    expect(result.get('art_new')?.authors).toEqual(['A']);
    expect(result.get('art_1')?.authors).toEqual([]);
  });

  it('does not credit a reconnecting client that resends what others did or what the previous version had', () => {
    const w = workspace();
    // Deleted before the previous version: 有关 is gone already.
    deleteFirstChars('art_3', 2)(w.client('Z'));
    const prev = w.previous();
    const before = w.spans.length;
    const b = w.client('B');
    const c = w.client('C');
    insertBeforeFullStop('art_2', '和所辖县区')(b);
    // C had everything; its sync step 2 after a reconnect carries the whole state and delete set.
    w.store('C', Y.encodeStateAsUpdate(c));
    const result = attributeArticles(w.base, prev, w.spans.slice(before));
    expect(result.get('art_2')?.authors).toEqual(['B']);
    expect(result.get('art_3')?.authors).toEqual([]);
    expect(result.get('art_1')?.authors).toEqual([]);
    // Without a previous version everything the resend carries counts, but B still owns its edit.
    const fresh = attributeArticles(w.base, null, w.spans.slice(before));
    expect(fresh.get('art_1')?.authors).toEqual(['C']);
    expect(fresh.get('art_2')?.authors).toEqual(['B', 'C']);
  });

  it("credits each of one user's successive edits to its own article, at its own time, and reports articles only", () => {
    const w = workspace();
    const prev = w.previous();
    const a = w.client('A');
    insertAtStart('art_1', '甲')(a);
    insertAtStart('art_2', '乙')(a);
    // Headings (章) are not articles: the result has the four articles, in text order.
    expect([...attributeArticles(w.base, prev, w.spans)]).toEqual([
      ['art_1', { authors: ['A'], changedAt: minute(1) }],
      ['art_2', { authors: ['A'], changedAt: minute(2) }],
      ['art_3', untouched],
      ['art_4', untouched],
    ]);
  });

  it('dates an article by its latest edit, wherever in the article that edit is', () => {
    const w = workspace();
    const prev = w.previous();
    const a = w.client('A');
    const b = w.client('B');
    insertBeforeFullStop('art_2', '和所辖县区')(a);
    insertAtStart('art_2', '本市')(b);
    insertAtStart('art_3', '区县')(a);
    insertBeforeFullStop('art_3', '等')(b);
    const result = attributeArticles(w.base, prev, w.spans);
    // 第二条 reads B's (later) edit before A's; 第三条 A's (earlier) edit before B's.
    expect(result.get('art_2')).toEqual({ authors: ['A', 'B'], changedAt: minute(2) });
    expect(result.get('art_3')).toEqual({ authors: ['A', 'B'], changedAt: minute(4) });
  });

  it('credits deletions to the articles they were made in, whichever article was edited first', () => {
    const w = workspace();
    const prev = w.previous();
    deleteFirstChars('art_3', 2)(w.client('B'));
    deleteFirstChars('art_1', 2)(w.client('A'));
    expect([...attributeArticles(w.base, prev, w.spans)]).toEqual([
      ['art_1', { authors: ['A'], changedAt: minute(2) }],
      ['art_2', untouched],
      ['art_3', { authors: ['B'], changedAt: minute(1) }],
      ['art_4', untouched],
    ]);
  });

  it('does not credit reconnecting clients with text another user typed in two goes', () => {
    const w = workspace();
    const prev = w.previous();
    const a = w.client('A');
    insertBeforeFullStop('art_2', '和所辖')(a);
    // C drops off after A's first go, D after the second (Yjs joins the two runs into one item).
    const c = w.offline();
    insertBeforeFullStop('art_2', '县区')(a);
    const d = w.offline();
    w.reconnect('C', c);
    w.reconnect('D', d);
    expect(draftDocOf(w.base).textContent).toContain('本条例适用于本市和所辖县区。');
    expect([...attributeArticles(w.base, prev, w.spans)]).toEqual([
      ['art_1', untouched],
      ['art_2', { authors: ['A'], changedAt: minute(2) }],
      ['art_3', untouched],
      ['art_4', untouched],
    ]);
  });

  it('lets the earlier update own the ids however the spans are listed', () => {
    const w = workspace();
    const prev = w.previous();
    const b = w.client('B');
    const c = w.client('C');
    insertBeforeFullStop('art_2', '和所辖县区')(b);
    w.store('C', Y.encodeStateAsUpdate(c));
    const expected = { authors: ['B'], changedAt: minute(1) };
    expect(attributeArticles(w.base, prev, w.spans).get('art_2')).toEqual(expected);
    expect(attributeArticles(w.base, prev, [...w.spans].reverse()).get('art_2')).toEqual(expected);
  });

  it('gives a deletion that overlaps an earlier one the rest of its range, before and after it', () => {
    const w = workspace();
    // A types 甲, 乙, 丙 into three articles (one client, consecutive ids); E goes offline.
    const a = w.client('A');
    insertAtStart('art_1', '甲')(a);
    insertAtStart('art_2', '乙')(a);
    insertAtStart('art_3', '丙')(a);
    const beforeB = { state: w.previous(), spans: w.spans.length };
    const e = w.offline();
    // B deletes 乙; E, not knowing, deletes all three and then reconnects.
    deleteFirstChars('art_2', 1)(w.client('B'));
    const afterB = { state: w.previous(), spans: w.spans.length };
    for (const eid of ['art_1', 'art_2', 'art_3']) deleteFirstChars(eid, 1)(e);
    w.reconnect('E', e);
    expect(draftDocOf(w.base).textContent).not.toMatch(/[甲乙丙]/);
    const since = (p: typeof beforeB) => attributeArticles(w.base, p.state, w.spans.slice(p.spans));
    // Since a version saved before B's deletion, 乙 is B's: E deleted the rest.
    expect([...since(beforeB)]).toEqual([
      ['art_1', { authors: ['E'], changedAt: minute(5) }],
      ['art_2', { authors: ['B'], changedAt: minute(4) }],
      ['art_3', { authors: ['E'], changedAt: minute(5) }],
      ['art_4', untouched],
    ]);
    // Since a version saved after it, 乙 was gone already: nobody deleted it since.
    expect([...since(afterB)]).toEqual([
      ['art_1', { authors: ['E'], changedAt: minute(5) }],
      ['art_2', untouched],
      ['art_3', { authors: ['E'], changedAt: minute(5) }],
      ['art_4', untouched],
    ]);
  });

  it('does not stretch a deletion over ids that were deleted before the previous version', () => {
    const w = workspace();
    // A types 甲, 乙, 丙, 丁, 戊 (consecutive ids) into 第一条, 第二条, 第三条, 第四条 and 第一条 again;
    // D deletes 丙 before the version.
    const a = w.client('A');
    insertAtStart('art_1', '甲')(a);
    insertAtStart('art_2', '乙')(a);
    insertAtStart('art_3', '丙')(a);
    insertAtStart('art_4', '丁')(a);
    insertBeforeFullStop('art_1', '戊')(a);
    deleteFirstChars('art_3', 1)(w.client('D'));
    const prev = w.previous();
    const since = w.spans.length;
    // B deletes 甲 and C deletes 戊: the ids of 乙 and 丁 lie between theirs and 丙's, deleted already.
    deleteFirstChars('art_1', 1)(w.client('B'));
    deleteBeforeFullStop('art_1', 1)(w.client('C'));
    expect(draftDocOf(w.base).textContent).not.toMatch(/[甲丙戊]/);
    expect([...attributeArticles(w.base, prev, w.spans.slice(since))]).toEqual([
      ['art_1', { authors: ['B', 'C'], changedAt: minute(8) }],
      ['art_2', untouched],
      ['art_3', untouched],
      ['art_4', untouched],
    ]);
  });

  it("credits a change of a block's attributes to its article", () => {
    const w = workspace();
    const prev = w.previous();
    editDraft(w.client('A'), (s) => s.tr.setNodeMarkup(articleAt(s.doc, 'art_2').from + 1, undefined, { eid: 'art_2__para_9' }));
    expect(draftDocOf(w.base).child(3).firstChild!.attrs.eid).toBe('art_2__para_9');
    expect([...attributeArticles(w.base, prev, w.spans)]).toEqual([
      ['art_1', untouched],
      ['art_2', { authors: ['A'], changedAt: minute(1) }],
      ['art_3', untouched],
      ['art_4', untouched],
    ]);
  });

  it('reports an article stored without an eid under the empty eid, as the text reads it', () => {
    const w = workspace();
    const prev = w.previous();
    const a = w.client('A');
    a.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('新增的一条。')]);
      const article = new Y.XmlElement('article');
      article.insert(0, [paragraph]);
      const fragment = a.getXmlFragment('prosemirror');
      fragment.insert(fragment.length, [article]);
    });
    expect(draftDocOf(w.base).lastChild!.attrs.eid).toBe('');
    expect(attributeArticles(w.base, prev, w.spans).get('')).toEqual({ authors: ['A'], changedAt: minute(1) });
  });
});
