import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import { freshDatabase } from '@/db/testing';
import { bills, draftUpdates, drafts } from '@/db/schema';
import { appendDraftUpdate } from './appendDraftUpdate';

describe('appendDraftUpdate', () => {
  const { db, cleanup } = freshDatabase();
  afterAll(cleanup);
  db.insert(bills).values({ id: 'b1', title: '条例', kind: 'local_regulation' }).run();
  db.insert(drafts).values({ id: 'd1', billId: 'b1' }).run();

  it('stores the exact update bytes, the author and the time, with increasing ids', () => {
    // A draft of its own: the other tests append to d1.
    db.insert(bills).values({ id: 'b2', title: '条例', kind: 'local_regulation' }).run();
    db.insert(drafts).values({ id: 'd2', billId: 'b2' }).run();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getText('t').insert(0, '第一条');
    doc.getText('t').insert(3, '　为了');
    const now = new Date('2025-01-01T00:00:00Z');
    const ids = updates.map((u) => appendDraftUpdate(db, { draftId: 'd2', update: u, userId: 'u1' }, now));
    expect(ids[1]).toBeGreaterThan(ids[0]);
    const rows = db.select().from(draftUpdates).where(eq(draftUpdates.draftId, 'd2')).all();
    expect(rows.map((r) => new Uint8Array(r.update))).toEqual(updates);
    expect(rows.every((r) => r.userId === 'u1' && r.createdAt.getTime() === now.getTime())).toBe(true);
    const copy = new Y.Doc();
    for (const r of rows) Y.applyUpdate(copy, r.update);
    expect(copy.getText('t').toString()).toBe('第一条　为了');
  });

  it('stores a view into a larger buffer without its neighbours', () => {
    const big = new Uint8Array([9, 9, 0, 0, 9]);
    const id = appendDraftUpdate(db, { draftId: 'd1', update: big.subarray(2, 4), userId: null });
    const row = db.select().from(draftUpdates).where(eq(draftUpdates.id, id)).get();
    expect([...row!.update]).toEqual([0, 0]);
  });

  it('refuses an update for a draft that does not exist', () => {
    expect(() => appendDraftUpdate(db, { draftId: 'nope', update: new Uint8Array([0, 0]), userId: null })).toThrow(/FOREIGN KEY/);
  });
});
