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
  return { base, spans, client, store, previous };
}

const insertBeforeFullStop = (eid: string, text: string) => (doc: Y.Doc) =>
  editDraft(doc, (s) => s.tr.insertText(text, articleAt(s.doc, eid).textTo - 1));
const deleteFirstChars = (eid: string, n: number) => (doc: Y.Doc) =>
  editDraft(doc, (s) => s.tr.delete(articleAt(s.doc, eid).textFrom, articleAt(s.doc, eid).textFrom + n));

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
});
