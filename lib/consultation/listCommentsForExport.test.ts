import { insertTestUser } from '@/lib/auth/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { sqliteEngine } from '@/db/engine';
import { isAppError } from '@/lib/errors';
import { commentExportColumns, listCommentsForExport } from './listCommentsForExport';
import { seedConsultation } from './testing/seedConsultation';

const t = freshDatabase();
afterAll(t.cleanup);
const { db } = t;

describe('listCommentsForExport', async () => {
  const s = seedConsultation(db);
  const assignee = insertTestUser(db, 'reviewer', '李承办');
  const late = s.comment({ body: '最后提交的意见', author: '赵六', createdAt: new Date('2025-03-30T15:59:00Z') });
  const general = s.comment({ body: '总体赞成。', author: '陈小明', tags: ['赞成', '总体'], assignee, createdAt: new Date('2025-03-01T16:30:00Z') });
  const onArticle = s.comment({ eid: 'art_2', body: '适用范围太窄。', proposedText: '本条例适用于本市行政区域。', author: '王五' });
  s.comment({ eid: 'art_3', body: '广告', status: 'rejected', rejectReason: 'spam', author: '孙七' });
  const campaign = s.campaign(3, { eid: 'art_3', body: '请删除登记。' });
  s.comment({ body: '还没审核', status: 'pending', author: null });
  s.decide(onArticle, 'partly_adopted', '已将“本市”改为“本市行政区域”。', new Date('2025-04-03T06:30:00Z'));

  const rows = await listCommentsForExport(sqliteEngine(db), s.consultationId);

  it('lists every comment of the consultation oldest first, whatever its status', () => {
    expect(rows).toHaveLength(8);
    expect(rows[0].body).toBe('总体赞成。');
    expect(rows.at(-1)?.body).toBe('最后提交的意见');
    expect(rows.map((r) => r.status)).toEqual(['published', 'published', 'rejected', 'published', 'published', 'published', 'pending', 'published']);
    expect(rows.find((r) => r.status === 'rejected')?.rejectReason).toBe('spam');
    expect(late).toBeTruthy();
  });

  it('labels comments by the article of the consultation version, and whole-draft comments 总体意见', () => {
    expect(rows.map((r) => r.articleLabel)).toEqual(['总体意见', '第二条', '第三条', '第三条', '第三条', '第三条', '总体意见', '总体意见']);
    expect(rows[1]).toMatchObject({ articleEid: 'art_2', proposedText: '本条例适用于本市行政区域。' });
  });

  it('masks the author and leaves e-mail addresses out', () => {
    expect(rows[0].authorName).toBe('陈**');
    expect(rows[1].authorName).toBe('王**');
    expect(rows[6].authorName).toBeNull();
    expect(JSON.stringify(rows)).not.toMatch(/@test\.lawbench|小明/);
  });

  it('gives the campaign group, its size and the reference of its first comment', () => {
    const members = rows.filter((r) => r.groupId === campaign[0]);
    expect(members).toHaveLength(3);
    for (const m of members) expect(m).toMatchObject({ groupSize: 3, groupReference: members[0].reference });
    expect(rows[0]).toMatchObject({ groupId: null, groupSize: 1, groupReference: null });
  });

  it('carries tags, assignee and the disposition with its reason and time', () => {
    expect(rows[0]).toMatchObject({ tags: ['赞成', '总体'], assigneeName: '李承办', disposition: null, decidedAt: null });
    expect(rows[1]).toMatchObject({ disposition: 'partly_adopted', dispositionReason: '已将“本市”改为“本市行政区域”。', decidedAt: '2025-04-03T06:30:00.000Z' });
    expect(general).toBeTruthy();
  });

  it('shows times in China time and words in the chosen language', () => {
    const cells = (i: number, locale: 'zh-CN' | 'en') => commentExportColumns.map((c) => c.cell(rows[i], locale));
    expect(cells(0, 'zh-CN').slice(0, 4)).toEqual([rows[0].reference, '2025-03-02 00:30', '总体意见', '已发布']);
    expect(cells(1, 'zh-CN')).toContain('部分采纳');
    expect(cells(1, 'zh-CN')).toContain('2025-04-03 14:30');
    expect(cells(0, 'zh-CN')).toContain('尚未处理');
    expect(cells(0, 'en').slice(2, 4)).toEqual(['General', 'published']);
    expect(cells(2, 'zh-CN').slice(3, 5)).toEqual(['未予发布', '广告或垃圾信息']);
    expect(commentExportColumns.map((c) => c.heading('zh-CN')).slice(0, 4)).toEqual(['编号', '提交时间', '条文', '状态']);
  });

  it('answers consultation_not_found for an unknown consultation', async () => {
    try {
      await listCommentsForExport(sqliteEngine(db), 'nope');
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && [e.code, e.message]).toEqual(['not_found', 'consultation_not_found']);
    }
  });
});
