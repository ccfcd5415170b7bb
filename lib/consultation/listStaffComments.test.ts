import { insertTestUser } from '@/lib/auth/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { freshDatabase } from '@/db/testing';
import { auditEvents } from '@/db/schema';
import { listStaffComments } from './listStaffComments';
import { moderateComment } from './moderateComment';
import { submitComment } from './submitComment';
import { updateCommentWork } from './updateCommentWork';
import { openedConsultation, openingDay } from './testing/openedConsultation';

const t = freshDatabase();
afterAll(t.cleanup);
const { db } = t;

describe('listStaffComments', async () => {
  const s = await openedConsultation(db);
  const chen = insertTestUser(db, 'public', '陈小明');
  const submit = (body: string, articleEid?: string) => submitComment(insertTestUser(db, 'public', '市民'), s.consultationId, { body, articleEid }, { address: null }, db, openingDay).id;
  const own = submitComment(chen, s.consultationId, { body: '总体赞成。' }, { address: null }, db, openingDay).id;
  const campaign = [submit('请删除第三条！', 'art_3'), submit('请删除第三条', 'art_3'), submit('请 删除 第三条。', 'art_3')];
  const spam = submit('广告', 'art_1');
  await moderateComment(s.reviewer, spam, { action: 'reject', reason: 'spam' }, db);

  it('shows staff every comment with author, status, group size and article label', async () => {
    const list = await listStaffComments(s.reviewer, s.consultationId, {}, db);
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
    const ids = async (f: Parameters<typeof listStaffComments>[2]) => (await listStaffComments(s.editor, s.consultationId, f, db)).map((c) => c.id);
    expect(await ids({ status: 'rejected' })).toEqual([spam]);
    expect(await ids({ articleEid: null })).toEqual([own]);
    expect(await ids({ articleEid: 'art_3', status: 'pending' })).toEqual(campaign);
    expect(await ids({ groupId: campaign[0] })).toEqual(campaign);
    await updateCommentWork(s.editor, campaign[1], { assigneeId: s.editor2.id }, db);
    expect(await ids({ assigneeId: s.editor2.id })).toEqual([campaign[1]]);
    expect(await ids({ assigneeId: null })).toHaveLength(4);
  });

  it('is for members of the bill only', async () => {
    await expect(listStaffComments(s.outsider, s.consultationId, {}, db)).rejects.toThrow('consultation_not_found');
    await expect(listStaffComments(chen, s.consultationId, {}, db)).rejects.toThrow('consultation_not_found');
  });
});

describe('updateCommentWork', async () => {
  const s = await openedConsultation(db);
  const id = submitComment(insertTestUser(db, 'public', '市民'), s.consultationId, { body: '意见' }, { address: null }, db, openingDay).id;

  it('sets tags (trimmed, without duplicates) and an assignee from the bill, keeping what is not given; audited', async () => {
    expect(await updateCommentWork(s.reviewer, id, { tags: [' 登记 ', '登记', '收费'] }, db)).toEqual({ tags: ['登记', '收费'], assigneeId: null });
    expect(await updateCommentWork(s.reviewer, id, { assigneeId: s.editor.id }, db)).toEqual({ tags: ['登记', '收费'], assigneeId: s.editor.id });
    const [c] = await listStaffComments(s.reviewer, s.consultationId, {}, db);
    expect(c).toMatchObject({ tags: ['登记', '收费'], assigneeId: s.editor.id, assigneeName: '王起草' });
    expect(await updateCommentWork(s.reviewer, id, { assigneeId: null, tags: [] }, db)).toEqual({ tags: [], assigneeId: null });
    expect(db.select().from(auditEvents).where(and(eq(auditEvents.action, 'comment.update'), eq(auditEvents.targetId, id))).all()).toHaveLength(3);
  });

  it('refuses assignees outside the bill, too many or too long tags, and outsiders', async () => {
    await expect(updateCommentWork(s.reviewer, id, { assigneeId: s.outsider.id }, db)).rejects.toThrow('assignee_not_member');
    await expect(updateCommentWork(s.reviewer, id, { tags: Array.from({ length: 11 }, (_, i) => `标签${i}`) }, db)).rejects.toThrow('comment_tags_too_many');
    await expect(updateCommentWork(s.reviewer, id, { tags: ['长'.repeat(21)] }, db)).rejects.toThrow('comment_tag_too_long');
    await expect(updateCommentWork(s.outsider, id, { tags: ['x'] }, db)).rejects.toThrow('comment_not_found');
  });
});
