import { sqliteEngine } from '@/db/engine';
import { insertTestUser } from '@/lib/auth/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { freshDatabase } from '@/db/testing';
import { auditEvents, commentDispositions } from '@/db/schema';
import { appendDraftUpdate } from '@/lib/drafting';
import { loadDraftState } from '@/lib/drafting';
import { createDraftVersion } from '@/lib/versioning';
import { getDraftVersion } from '@/lib/versioning';
import { articleAt, editDraft } from '@/lib/versioning/testing';
import { listStaffComments } from './listStaffComments';
import { moderateComment } from './moderateComment';
import { setDisposition } from './setDisposition';
import { submitComment } from './submitComment';
import { openedConsultation, openingDay } from './testing/openedConsultation';

const t = freshDatabase();
afterAll(t.cleanup);
const { db } = t;

describe('setDisposition', async () => {
  const s = await openedConsultation(sqliteEngine(db));
  const submit = async (body: string, articleEid?: string) => (await submitComment(sqliteEngine(db), insertTestUser(db, 'public', '市民'), s.consultationId, { body, articleEid }, { address: null }, openingDay)).id;
  const decided = (id: string) => db.select().from(commentDispositions).where(eq(commentDispositions.commentId, id)).get();
  const at = new Date('2025-04-02T02:00:00Z');

  it('records a disposition with its reason for one comment, replacing an earlier one; audited', async () => {
    const id = await submit('第二条范围太窄。', 'art_2');
    expect(await setDisposition(sqliteEngine(db), s.editor, id, { disposition: 'not_adopted', reason: '上位法已有规定。' }, at)).toBe(1);
    expect(await setDisposition(sqliteEngine(db), s.editor2, id, { disposition: 'partly_adopted', reason: '部分吸收。' }, at)).toBe(1);
    expect(decided(id)).toMatchObject({ disposition: 'partly_adopted', reason: '部分吸收。', decidedBy: s.editor2.id, decidedAt: at });
    const audit = db.select().from(auditEvents).where(and(eq(auditEvents.action, 'comment.dispose'), eq(auditEvents.targetId, id))).all();
    expect(audit.map((a) => a.detail)).toEqual([
      { consultationId: s.consultationId, disposition: 'not_adopted', reason: '上位法已有规定。', wholeGroup: false, commentIds: [id] },
      { consultationId: s.consultationId, disposition: 'partly_adopted', reason: '部分吸收。', wholeGroup: false, commentIds: [id] },
    ]);
  });

  it('decides a whole campaign group at once, leaving rejected members out', async () => {
    const group = [await submit('反对第三条！', 'art_3'), await submit('反对第三条', 'art_3'), await submit('反对 第三条。', 'art_3'), await submit('反对第三条!!', 'art_3')];
    await moderateComment(sqliteEngine(db), s.reviewer, group[3], { action: 'reject', reason: 'abusive' });
    expect(await setDisposition(sqliteEngine(db), s.editor, group[1], { disposition: 'adopted', reason: '已删除第三条第一项。', wholeGroup: true }, at)).toBe(3);
    expect(group.map((id) => decided(id)?.disposition ?? null)).toEqual(['adopted', 'adopted', 'adopted', null]);
    const audit = db.select().from(auditEvents).where(and(eq(auditEvents.action, 'comment.dispose'), eq(auditEvents.targetId, group[1]))).all();
    expect(audit).toHaveLength(1);
    expect((audit[0].detail as { commentIds: string[] }).commentIds.sort()).toEqual(group.slice(0, 3).sort());
  });

  it('is for editors of the bill, needs a reason, and refuses rejected comments', async () => {
    const id = await submit('意见');
    await expect(setDisposition(sqliteEngine(db), s.reviewer, id, { disposition: 'adopted', reason: '好' })).rejects.toThrow('disposition_forbidden');
    await expect(setDisposition(sqliteEngine(db), s.outsider, id, { disposition: 'adopted', reason: '好' })).rejects.toThrow('comment_not_found');
    await expect(setDisposition(sqliteEngine(db), s.editor, id, { disposition: 'adopted', reason: '  ' })).rejects.toThrow('disposition_reason_required');
    await expect(setDisposition(sqliteEngine(db), s.editor, id, { disposition: 'maybe', reason: '好' })).rejects.toThrow('disposition_invalid');
    await moderateComment(sqliteEngine(db), s.reviewer, id, { action: 'reject', reason: 'off_topic' });
    await expect(setDisposition(sqliteEngine(db), s.editor, id, { disposition: 'adopted', reason: '好' })).rejects.toThrow('disposition_rejected_comment');
    expect(decided(id)).toBeUndefined();
  });

  it('survives renumbering: the comment and its disposition stay with the article eid in later versions', async () => {
    const id = await submit('第三条的登记太繁琐。', 'art_3');
    await setDisposition(sqliteEngine(db), s.editor, id, { disposition: 'absorbed', reason: '已在新增条文中吸收。' }, at);

    // 王 inserts an article before 第三条 in the live draft and saves the next version.
    const state = loadDraftState(db, s.draftId)!;
    const doc = new Y.Doc();
    for (const u of [state.snapshot!, ...state.updates.map((x) => x.update)]) Y.applyUpdate(doc, u, 'load');
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'load') appendDraftUpdate(db, { draftId: s.draftId, update, userId: s.editor.id });
    });
    editDraft(doc, (st) => {
      const { nodes } = st.schema;
      const article = nodes.article.create({ eid: 'art_new' }, nodes.paragraph.create({ eid: 'art_new__para_1' }, st.schema.text('登记应当一次办结。')));
      return st.tr.insert(articleAt(st.doc, 'art_3').from, article);
    });
    const v2 = await createDraftVersion(sqliteEngine(db), s.editor, s.draftId, { name: '二审稿' });
    const later = await getDraftVersion(sqliteEngine(db), s.editor, s.draftId, v2.id);
    expect(later.articles.map((a) => [a.eid, a.label])).toEqual([
      ['art_1', '第一条'],
      ['art_2', '第二条'],
      ['art_new', '第三条'],
      ['art_3', '第四条'],
      ['art_4', '第五条'],
    ]);

    // The same eid (now 第四条) still finds the comment and its disposition; the comment keeps
    // the label it had in the consulted version.
    const [found] = (await listStaffComments(sqliteEngine(db), s.editor, s.consultationId, { articleEid: later.articles[3].eid })).filter((c) => c.id === id);
    expect(found).toMatchObject({ articleEid: 'art_3', articleLabel: '第三条', disposition: { disposition: 'absorbed', reason: '已在新增条文中吸收。' } });
  });
});
