import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { engines } from '@/db/engineTesting';
import type { CurrentUser } from '@/lib/auth';
import { insertTestAccount } from '@/lib/auth/testing';
import { listStaffComments } from './listStaffComments';
import { moderateComment } from './moderateComment';
import { submitComment } from './submitComment';
import { updateCommentWork } from './updateCommentWork';
import { openedConsultation, openingDay } from './testing/openedConsultation';

describe.each(engines())('on $name', ({ engine }) => {
  describe('listStaffComments', () => {
    let s: Awaited<ReturnType<typeof openedConsultation>>;
    let chen: CurrentUser;
    let own: string;
    let campaign: string[];
    let spam: string;

    beforeAll(async () => {
      s = await openedConsultation(engine());
      chen = await insertTestAccount(engine(), { role: 'public', name: '陈小明' });
      const submit = async (body: string, articleEid?: string) =>
        (await submitComment(engine(), await insertTestAccount(engine(), { role: 'public', name: '市民' }), s.consultationId, { body, articleEid }, { address: null }, openingDay)).id;
      own = (await submitComment(engine(), chen, s.consultationId, { body: '总体赞成。' }, { address: null }, openingDay)).id;
      campaign = [await submit('请删除第三条！', 'art_3'), await submit('请删除第三条', 'art_3'), await submit('请 删除 第三条。', 'art_3')];
      spam = await submit('广告', 'art_1');
      await moderateComment(engine(), s.reviewer, spam, { action: 'reject', reason: 'spam' });
    });

    it('shows staff every comment with author, status, group size and article label', async () => {
      const list = await listStaffComments(engine(), s.reviewer, s.consultationId, {});
      expect(list.map((c) => [c.id, c.status, c.groupSize, c.articleLabel])).toEqual([
        [own, 'pending', 1, null],
        [campaign[0], 'pending', 3, '第三条'],
        [campaign[1], 'pending', 3, '第三条'],
        [campaign[2], 'pending', 3, '第三条'],
        [spam, 'rejected', 1, '第一条'],
      ]);
      expect(list[0]).toMatchObject({ authorId: chen.id, authorName: '陈小明', authorEmail: chen.email, tags: [], assigneeId: null, disposition: null });
      expect(list[4].rejectReason).toBe('spam');
    });

    it('filters by status, article, group and assignee', async () => {
      const ids = async (f: Parameters<typeof listStaffComments>[3]) => (await listStaffComments(engine(), s.editor, s.consultationId, f)).map((c) => c.id);
      expect(await ids({ status: 'rejected' })).toEqual([spam]);
      expect(await ids({ articleEid: null })).toEqual([own]);
      expect(await ids({ articleEid: 'art_3', status: 'pending' })).toEqual(campaign);
      expect(await ids({ groupId: campaign[0] })).toEqual(campaign);
      await updateCommentWork(engine(), s.editor, campaign[1], { assigneeId: s.editor2.id });
      expect(await ids({ assigneeId: s.editor2.id })).toEqual([campaign[1]]);
      expect(await ids({ assigneeId: null })).toHaveLength(4);
    });

    it('is for members of the bill only', async () => {
      await expect(listStaffComments(engine(), s.outsider, s.consultationId, {})).rejects.toThrow('consultation_not_found');
      await expect(listStaffComments(engine(), chen, s.consultationId, {})).rejects.toThrow('consultation_not_found');
    });
  });

  describe('updateCommentWork', () => {
    let s: Awaited<ReturnType<typeof openedConsultation>>;
    let id: string;

    beforeAll(async () => {
      s = await openedConsultation(engine());
      id = (await submitComment(engine(), await insertTestAccount(engine(), { role: 'public', name: '市民' }), s.consultationId, { body: '意见' }, { address: null }, openingDay)).id;
    });

    it('sets tags (trimmed, without duplicates) and an assignee from the bill, keeping what is not given; audited', async () => {
      expect(await updateCommentWork(engine(), s.reviewer, id, { tags: [' 登记 ', '登记', '收费'] })).toEqual({ tags: ['登记', '收费'], assigneeId: null });
      expect(await updateCommentWork(engine(), s.reviewer, id, { assigneeId: s.editor.id })).toEqual({ tags: ['登记', '收费'], assigneeId: s.editor.id });
      const [c] = await listStaffComments(engine(), s.reviewer, s.consultationId, {});
      expect(c).toMatchObject({ tags: ['登记', '收费'], assigneeId: s.editor.id, assigneeName: '王起草' });
      expect(await updateCommentWork(engine(), s.reviewer, id, { assigneeId: null, tags: [] })).toEqual({ tags: [], assigneeId: null });
      const a = engine().t.auditEvents;
      expect(await engine().db.select().from(a).where(and(eq(a.action, 'comment.update'), eq(a.targetId, id)))).toHaveLength(3);
    });

    it('refuses assignees outside the bill, too many or too long tags, and outsiders', async () => {
      await expect(updateCommentWork(engine(), s.reviewer, id, { assigneeId: s.outsider.id })).rejects.toThrow('assignee_not_member');
      await expect(updateCommentWork(engine(), s.reviewer, id, { tags: Array.from({ length: 11 }, (_, i) => `标签${i}`) })).rejects.toThrow('comment_tags_too_many');
      await expect(updateCommentWork(engine(), s.reviewer, id, { tags: ['长'.repeat(21)] })).rejects.toThrow('comment_tag_too_long');
      await expect(updateCommentWork(engine(), s.outsider, id, { tags: ['x'] })).rejects.toThrow('comment_not_found');
    });
  });
});
