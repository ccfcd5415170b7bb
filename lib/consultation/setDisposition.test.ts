import { beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { engines } from '@/db/engineTesting';
import { insertTestAccount } from '@/lib/auth/testing';
import { readDraftState, storeDraftUpdate } from '@/lib/drafting';
import { createDraftVersion } from '@/lib/versioning';
import { getDraftVersion } from '@/lib/versioning';
import { articleAt, editDraft } from '@/lib/versioning/testing';
import { listStaffComments } from './listStaffComments';
import { moderateComment } from './moderateComment';
import { setDisposition } from './setDisposition';
import { submitComment } from './submitComment';
import { openedConsultation, openingDay } from './testing/openedConsultation';

describe.each(engines())('setDisposition on $name', ({ engine }) => {
  let s: Awaited<ReturnType<typeof openedConsultation>>;
  const submit = async (body: string, articleEid?: string) =>
    (await submitComment(engine(), await insertTestAccount(engine(), { role: 'public', name: '市民' }), s.consultationId, { body, articleEid }, { address: null }, openingDay)).id;
  const decided = async (id: string) => {
    const d = engine().t.commentDispositions;
    const [found] = await engine().db.select().from(d).where(eq(d.commentId, id));
    return found;
  };
  const disposeAudit = (targetId: string) => {
    const a = engine().t.auditEvents;
    return engine().db.select().from(a).where(and(eq(a.action, 'comment.dispose'), eq(a.targetId, targetId))).orderBy(asc(a.id));
  };
  const at = new Date('2025-04-02T02:00:00Z');

  beforeAll(async () => {
    s = await openedConsultation(engine());
  });

  it('records a disposition with its reason for one comment, replacing an earlier one; audited', async () => {
    const id = await submit('第二条范围太窄。', 'art_2');
    expect(await setDisposition(engine(), s.editor, id, { disposition: 'not_adopted', reason: '上位法已有规定。' }, at)).toBe(1);
    expect(await setDisposition(engine(), s.editor2, id, { disposition: 'partly_adopted', reason: '部分吸收。' }, at)).toBe(1);
    expect(await decided(id)).toMatchObject({ disposition: 'partly_adopted', reason: '部分吸收。', decidedBy: s.editor2.id, decidedAt: at });
    const audit = await disposeAudit(id);
    expect(audit.map((a) => a.detail)).toEqual([
      { consultationId: s.consultationId, disposition: 'not_adopted', reason: '上位法已有规定。', wholeGroup: false, commentIds: [id] },
      { consultationId: s.consultationId, disposition: 'partly_adopted', reason: '部分吸收。', wholeGroup: false, commentIds: [id] },
    ]);
  });

  it('decides a whole campaign group at once, leaving rejected members out', async () => {
    const group = [await submit('反对第三条！', 'art_3'), await submit('反对第三条', 'art_3'), await submit('反对 第三条。', 'art_3'), await submit('反对第三条!!', 'art_3')];
    await moderateComment(engine(), s.reviewer, group[3], { action: 'reject', reason: 'abusive' });
    expect(await setDisposition(engine(), s.editor, group[1], { disposition: 'adopted', reason: '已删除第三条第一项。', wholeGroup: true }, at)).toBe(3);
    const dispositions = [];
    for (const id of group) dispositions.push((await decided(id))?.disposition ?? null);
    expect(dispositions).toEqual(['adopted', 'adopted', 'adopted', null]);
    const audit = await disposeAudit(group[1]);
    expect(audit).toHaveLength(1);
    expect((audit[0].detail as { commentIds: string[] }).commentIds.sort()).toEqual(group.slice(0, 3).sort());
  });

  it('is for editors of the bill, needs a reason, and refuses rejected comments', async () => {
    const id = await submit('意见');
    await expect(setDisposition(engine(), s.reviewer, id, { disposition: 'adopted', reason: '好' })).rejects.toThrow('disposition_forbidden');
    await expect(setDisposition(engine(), s.outsider, id, { disposition: 'adopted', reason: '好' })).rejects.toThrow('comment_not_found');
    await expect(setDisposition(engine(), s.editor, id, { disposition: 'adopted', reason: '  ' })).rejects.toThrow('disposition_reason_required');
    await expect(setDisposition(engine(), s.editor, id, { disposition: 'maybe', reason: '好' })).rejects.toThrow('disposition_invalid');
    await moderateComment(engine(), s.reviewer, id, { action: 'reject', reason: 'off_topic' });
    await expect(setDisposition(engine(), s.editor, id, { disposition: 'adopted', reason: '好' })).rejects.toThrow('disposition_rejected_comment');
    expect(await decided(id)).toBeUndefined();
  });

  it('survives renumbering: the comment and its disposition stay with the article eid in later versions', async () => {
    const id = await submit('第三条的登记太繁琐。', 'art_3');
    await setDisposition(engine(), s.editor, id, { disposition: 'absorbed', reason: '已在新增条文中吸收。' }, at);

    // 王 inserts an article before 第三条 in the live draft and saves the next version. The
    // updates of the edit are stored as the collaboration server stores them.
    const state = (await readDraftState(engine(), s.draftId))!;
    const doc = new Y.Doc();
    for (const u of [...(state.snapshot ? [state.snapshot] : []), ...state.updates.map((x) => x.update)]) Y.applyUpdate(doc, u, 'load');
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'load') updates.push(update);
    });
    editDraft(doc, (st) => {
      const { nodes } = st.schema;
      const article = nodes.article.create({ eid: 'art_new' }, nodes.paragraph.create({ eid: 'art_new__para_1' }, st.schema.text('登记应当一次办结。')));
      return st.tr.insert(articleAt(st.doc, 'art_3').from, article);
    });
    for (const update of updates) await storeDraftUpdate(engine(), { draftId: s.draftId, update, userId: s.editor.id });
    const v2 = await createDraftVersion(engine(), s.editor, s.draftId, { name: '二审稿' });
    const later = await getDraftVersion(engine(), s.editor, s.draftId, v2.id);
    expect(later.articles.map((a) => [a.eid, a.label])).toEqual([
      ['art_1', '第一条'],
      ['art_2', '第二条'],
      ['art_new', '第三条'],
      ['art_3', '第四条'],
      ['art_4', '第五条'],
    ]);

    // The same eid (now 第四条) still finds the comment and its disposition; the comment keeps
    // the label it had in the consulted version.
    const [found] = (await listStaffComments(engine(), s.editor, s.consultationId, { articleEid: later.articles[3].eid })).filter((c) => c.id === id);
    expect(found).toMatchObject({ articleEid: 'art_3', articleLabel: '第三条', disposition: { disposition: 'absorbed', reason: '已在新增条文中吸收。' } });
  });
});
