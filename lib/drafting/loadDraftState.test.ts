import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import { freshDatabase } from '@/db/testing';
import { bills, drafts } from '@/db/schema';
import { appendDraftUpdate } from './appendDraftUpdate';
import { loadDraftState } from './loadDraftState';

describe('loadDraftState', () => {
  const { db, cleanup } = freshDatabase();
  afterAll(cleanup);

  it('returns the snapshot and the updates not yet folded into it, in order', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, '总则');
    db.insert(bills).values({ id: 'b1', title: '条例', kind: 'local_regulation' }).run();
    db.insert(drafts).values({ id: 'd1', billId: 'b1', snapshot: Buffer.from(Y.encodeStateAsUpdate(doc)) }).run();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getText('t').insert(2, '第一章');
    doc.getText('t').insert(0, '〔');
    const ids = updates.map((u) => appendDraftUpdate(db, { draftId: 'd1', update: u, userId: null }));

    const state = loadDraftState(db, 'd1')!;
    expect(state.updates.map((u) => u.id)).toEqual(ids);
    expect(state.lastUpdateId).toBe(ids[1]);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, state.snapshot!);
    for (const u of state.updates) Y.applyUpdate(copy, u.update);
    expect(copy.getText('t').toString()).toBe(doc.getText('t').toString());

    // A row still there has not been folded in, whatever its id (compaction deletes the rows it
    // folds; on PostgreSQL a row can commit after a compaction that folded higher ids). It is
    // read, and the last id does not go back.
    db.update(drafts).set({ snapshotUpdateId: ids[1] + 10 }).where(eq(drafts.id, 'd1')).run();
    const late = loadDraftState(db, 'd1')!;
    expect(late.updates.map((u) => u.id)).toEqual(ids);
    expect(late.lastUpdateId).toBe(ids[1] + 10);
  });

  it('reports an empty draft as no snapshot and no updates', () => {
    db.insert(bills).values({ id: 'b2', title: '条例', kind: 'local_regulation' }).run();
    db.insert(drafts).values({ id: 'd2', billId: 'b2' }).run();
    expect(loadDraftState(db, 'd2')).toEqual({ snapshot: null, updates: [], lastUpdateId: 0 });
  });

  it('returns null for a draft that does not exist', () => {
    expect(loadDraftState(db, 'missing')).toBeNull();
  });
});
