import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Engine } from '@/db/engine';
import { engines } from '@/db/engineTesting';
import { listAuditEvents } from '@/lib/audit';
import { insertTestAccount } from '@/lib/auth/testing';
import type { CurrentUser } from '@/lib/auth';
import { compactDraft, createBill, readDraftState, setBillMember, storeDraftUpdate } from '@/lib/drafting';
import { compareDraftTexts } from './compareDraftTexts';
import { createDraftVersion } from './createDraftVersion';
import { getArticleHistory } from './getArticleHistory';
import { getDraftVersion } from './getDraftVersion';
import { listDraftVersions } from './listDraftVersions';
import { articleAt, editDraft, sampleText } from './testing';

/// An edit typed by `user` into the stored draft, stored as the collaboration server stores it.
async function typeInto(engine: Engine, user: CurrentUser, draftId: string, edit: Parameters<typeof editDraft>[1], at: Date) {
  const state = (await readDraftState(engine, draftId))!;
  const doc = new Y.Doc();
  for (const part of [...(state.snapshot ? [state.snapshot] : []), ...state.updates.map((u) => u.update)]) Y.applyUpdate(doc, part);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  editDraft(doc, edit);
  for (const update of updates) await storeDraftUpdate(engine, { draftId, update, userId: user.id }, at);
}

describe.each(engines())('on $name', ({ engine }) => {
  const p = {} as Record<'editor' | 'coEditor' | 'reviewer' | 'outsider', CurrentUser>;
  beforeAll(async () => {
    p.editor = await insertTestAccount(engine(), { role: 'drafter', name: '王起草' });
    p.coEditor = await insertTestAccount(engine(), { role: 'drafter', name: '李起草' });
    p.reviewer = await insertTestAccount(engine(), { role: 'reviewer', name: '赵审核' });
    p.outsider = await insertTestAccount(engine(), { role: 'drafter', name: '局外人' });
  });
  /// A bill of its own for each test, so that each passes alone and in any order (the mutation run
  /// runs only the tests that cover a mutant).
  async function newBill(): Promise<{ id: string; draftId: string }> {
    const bill = await createBill(engine(), p.editor, { title: '测试条例', kind: 'local_regulation', from: { text: sampleText } });
    await setBillMember(engine(), p.editor, bill.id, p.coEditor.email, 'editor');
    await setBillMember(engine(), p.editor, bill.id, p.reviewer.email, 'reviewer');
    return bill;
  }
  /// 征求意见稿 (version 1) and 一审稿 (version 2, 李起草 added 和所辖县区 to 第二条 on 1 March 2025).
  async function twoVersions(bill: { draftId: string }) {
    const v1 = await createDraftVersion(engine(), p.editor, bill.draftId, { name: ' 征求意见稿 ' });
    await typeInto(engine(), p.coEditor, bill.draftId, (st) => st.tr.insertText('和所辖县区', articleAt(st.doc, 'art_2').textTo - 1), new Date('2025-03-01T08:00:00Z'));
    const v2 = await createDraftVersion(engine(), p.coEditor, bill.draftId, { name: '一审稿', note: '吸收部门意见' });
    return { v1, v2 };
  }

  describe('createDraftVersion and the version readers', () => {
    it('freezes numbered versions, says per article what changed and who changed it, and audits each', async () => {
      const bill = await newBill();
      const { v1, v2 } = await twoVersions(bill);
      expect(v1).toMatchObject({ seq: 1, name: '征求意见稿', articles: 4, changed: 4 });
      expect(v2).toMatchObject({ seq: 2, articles: 4, changed: 1 });

      const second = await getDraftVersion(engine(), p.reviewer, bill.draftId, v2.id);
      expect(second).toMatchObject({ seq: 2, name: '一审稿', note: '吸收部门意见', kind: 'manual', createdById: p.coEditor.id, createdByName: '李起草' });
      expect(second.articles.map((a) => [a.eid, a.change, a.authors])).toEqual([
        ['art_1', 'unchanged', []],
        ['art_2', 'modified', [{ id: p.coEditor.id, name: '李起草' }]],
        ['art_3', 'unchanged', []],
        ['art_4', 'unchanged', []],
      ]);
      expect(second.articles[1].changedAt).toEqual(new Date('2025-03-01T08:00:00Z'));
      expect(second.text.articles[1].paragraphs[0].text).toBe('本条例适用于本市和所辖县区。');

      expect((await listDraftVersions(engine(), p.reviewer, bill.draftId)).map((v) => [v.seq, v.articles, v.changed, v.createdByName])).toEqual([
        [2, 4, 1, '李起草'],
        [1, 4, 4, '王起草'],
      ]);
      expect((await getArticleHistory(engine(), p.reviewer, bill.draftId, 'art_2')).map((h) => [h.seq, h.change, h.text])).toEqual([
        [1, 'added', '本条例适用于本市。'],
        [2, 'modified', '本条例适用于本市和所辖县区。'],
      ]);
      const audited = await listAuditEvents(engine(), { action: 'version.create', billId: bill.id });
      expect(audited.map((e) => [e.targetId, e.detail])).toEqual([
        [v2.id, { draftId: bill.draftId, billId: bill.id, seq: 2, name: '一审稿', kind: 'manual', reason: null, articles: 4, changed: 1 }],
        [v1.id, { draftId: bill.draftId, billId: bill.id, seq: 1, name: '征求意见稿', kind: 'manual', reason: null, articles: 4, changed: 4 }],
      ]);
    });

    it('reads the same text after the draft’s rows are compacted, and compares a version with the live draft', async () => {
      const bill = await newBill();
      const { v2 } = await twoVersions(bill);
      await typeInto(engine(), p.editor, bill.draftId, (st) => st.tr.insertText('依法', articleAt(st.doc, 'art_3').textFrom), new Date('2025-03-02T08:00:00Z'));
      expect((await compactDraft(engine(), bill.draftId)).merged).toBeGreaterThan(0);
      const v3 = await createDraftVersion(engine(), p.editor, bill.draftId, { name: '二审稿', kind: 'frozen', reason: 'stage:second_reading' });
      expect(v3).toMatchObject({ seq: 3, changed: 1 });
      const third = await getDraftVersion(engine(), p.editor, bill.draftId, v3.id);
      expect(third.articles.find((a) => a.eid === 'art_3')).toMatchObject({ change: 'modified', authors: [{ id: p.editor.id, name: '王起草' }] });
      const { from, to, comparison } = await compareDraftTexts(engine(), p.editor, bill.draftId, { from: v2.id, to: 'current' });
      expect([from.kind, from.name, to.kind]).toEqual(['version', '一审稿', 'current']);
      expect(comparison.articles.filter((a) => a.change !== 'unchanged').map((a) => [a.change, a.old, a.new])).toEqual([['modified', 3, 3]]);
      expect(comparison.summary).toMatchObject({ modified: 1, added: 0, deleted: 0 });
    });

    it('numbers versions saved at the same moment one after the other', async () => {
      const bill = await newBill();
      await twoVersions(bill);
      const saved = await Promise.all([1, 2, 3].map((i) => createDraftVersion(engine(), p.editor, bill.draftId, { name: `并发稿${i}` })));
      expect(saved.map((v) => v.seq).sort()).toEqual([3, 4, 5]);
      expect((await listDraftVersions(engine(), p.editor, bill.draftId)).map((v) => v.seq)).toEqual([5, 4, 3, 2, 1]);
    });

    it('refuses reviewers and people outside the bill, and an unknown version', async () => {
      const bill = await newBill();
      await twoVersions(bill);
      await expect(createDraftVersion(engine(), p.reviewer, bill.draftId, { name: '审核稿' })).rejects.toThrow('version_forbidden');
      await expect(createDraftVersion(engine(), p.outsider, bill.draftId, { name: '外人稿' })).rejects.toThrow('not_found');
      await expect(listDraftVersions(engine(), p.outsider, bill.draftId)).rejects.toThrow('not_found');
      await expect(getDraftVersion(engine(), p.editor, bill.draftId, 'no-such-version')).rejects.toThrow('version_not_found');
      await expect(createDraftVersion(engine(), p.editor, bill.draftId, { name: '' })).rejects.toThrow();
      expect(await listDraftVersions(engine(), p.editor, bill.draftId)).toHaveLength(2);
    });
  });
});
