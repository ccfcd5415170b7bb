import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { count, eq } from 'drizzle-orm';
import { freshDatabase } from '@/db/testing';
import { bills, draftEditSpans, draftUpdates, drafts, users } from '@/db/schema';
import { appendDraftUpdate } from './appendDraftUpdate';
import { compactDraftUpdates } from './compactDraftUpdates';
import { readDraftDoc } from './readDraftDoc';

function docOf(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

describe('compactDraftUpdates', () => {
  const { db, cleanup } = freshDatabase();
  afterAll(cleanup);
  const rows = (draftId: string) => db.select({ n: count() }).from(draftUpdates).where(eq(draftUpdates.draftId, draftId)).get()!.n;

  function seed(id: string) {
    const doc = new Y.Doc();
    doc.getXmlFragment('prosemirror').insert(0, [new Y.XmlElement('article')]);
    db.insert(bills).values({ id: `b-${id}`, title: '条例', kind: 'local_regulation' }).run();
    db.insert(drafts).values({ id, billId: `b-${id}`, snapshot: Buffer.from(Y.encodeStateAsUpdate(doc)) }).run();
    doc.on('update', (u: Uint8Array) => appendDraftUpdate(db, { draftId: id, update: u, userId: null }));
    return doc;
  }

  it('folds the updates into the snapshot: same document, no rows left', () => {
    const doc = seed('d1');
    const text = doc.getText('t');
    for (let i = 0; i < 50; i++) text.insert(text.length, `第${i}条；`);
    text.delete(0, 10);
    doc.getMap('meta').set('title', '杭州市法律援助条例');
    expect(rows('d1')).toBe(52);
    const before = readDraftDoc('d1', db)!;

    const result = compactDraftUpdates(db, 'd1');
    expect(result.merged).toBe(52);
    expect(rows('d1')).toBe(0);
    const draft = db.select().from(drafts).where(eq(drafts.id, 'd1')).get()!;
    expect(draft.snapshotUpdateId).toBe(result.lastUpdateId);
    const after = docOf(readDraftDoc('d1', db)!);
    expect(after.getText('t').toString()).toBe(text.toString());
    expect(after.getMap('meta').toJSON()).toEqual({ title: '杭州市法律援助条例' });
    expect(after.getXmlFragment('prosemirror').toString()).toBe(doc.getXmlFragment('prosemirror').toString());
    expect(Y.encodeStateVector(after)).toEqual(Y.encodeStateVector(docOf(before)));
  });

  it('keeps updates appended after a compaction and merges them next time', () => {
    const doc = seed('d2');
    doc.getText('t').insert(0, '甲');
    compactDraftUpdates(db, 'd2');
    doc.getText('t').insert(1, '乙');
    expect(rows('d2')).toBe(1);
    expect(docOf(readDraftDoc('d2', db)!).getText('t').toString()).toBe('甲乙');
    expect(compactDraftUpdates(db, 'd2').merged).toBe(1);
    expect(rows('d2')).toBe(0);
    expect(docOf(readDraftDoc('d2', db)!).getText('t').toString()).toBe('甲乙');
  });

  it('does nothing when there is nothing to merge', () => {
    seed('d3');
    const before = db.select().from(drafts).where(eq(drafts.id, 'd3')).get()!;
    expect(compactDraftUpdates(db, 'd3').merged).toBe(0);
    expect(db.select().from(drafts).where(eq(drafts.id, 'd3')).get()).toEqual(before);
    expect(compactDraftUpdates(db, 'missing').merged).toBe(0);
  });

  it('keeps who inserted and who deleted which items after the update rows are gone', () => {
    db.insert(users).values([
      { id: 'ua', email: 'a@x.cn', name: 'A', passwordHash: '-', role: 'drafter' },
      { id: 'ub', email: 'b@x.cn', name: 'B', passwordHash: '-', role: 'drafter' },
    ]).run();
    const base = seed('d4');
    const a = new Y.Doc();
    a.clientID = 101;
    const b = new Y.Doc();
    b.clientID = 202;
    Y.applyUpdate(a, Y.encodeStateAsUpdate(base));
    const t1 = new Date('2025-03-01T08:00:00Z');
    const t2 = new Date('2025-03-01T09:00:00Z');
    a.on('update', (u: Uint8Array) => {
      appendDraftUpdate(db, { draftId: 'd4', update: u, userId: 'ua' }, t1);
      Y.applyUpdate(b, u, 'remote');
    });
    b.on('update', (u: Uint8Array, origin: unknown) => origin === null && appendDraftUpdate(db, { draftId: 'd4', update: u, userId: 'ub' }, t2));
    a.getText('t').insert(0, '第一条　为了规范');
    b.transact(() => b.getText('t').delete(4, 2));
    const { lastUpdateId } = compactDraftUpdates(db, 'd4');
    expect(rows('d4')).toBe(0);
    const spans = db.select().from(draftEditSpans).where(eq(draftEditSpans.draftId, 'd4')).all();
    expect(spans.map(({ updateId, userId, createdAt, kind, client, clock, len }) => ({ updateId, userId, at: createdAt.getTime(), kind, client, clock, len }))).toEqual([
      { updateId: lastUpdateId - 1, userId: 'ua', at: t1.getTime(), kind: 'insert', client: 101, clock: 0, len: 8 },
      { updateId: lastUpdateId, userId: 'ub', at: t2.getTime(), kind: 'delete', client: 101, clock: 4, len: 2 },
    ]);
  });
});
