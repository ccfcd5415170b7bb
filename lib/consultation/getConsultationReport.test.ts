import { insertTestUser } from '@/lib/auth/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { consultations } from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import { sqliteEngine } from '@/db/engine';
import { getConsultationReport } from './getConsultationReport';
import { seedConsultation } from './testing/seedConsultation';

const t = freshDatabase();
afterAll(t.cleanup);
const { db } = t;
const engine = sqliteEngine(db);

describe('getConsultationReport', () => {
  const s = seedConsultation(db, { title: '测试条例（草案）' });
  const chen = insertTestUser(db, 'public', '陈小明');
  s.comment({ eid: 'art_3', body: '第三条应当增加备案。', author: chen });
  const campaign = s.campaign(4, { eid: 'art_3', body: '请删除登记要求。' });
  s.comment({ body: '总体赞成。', author: chen });
  s.comment({ eid: 'art_1', body: '立法目的写得太简单。', proposedText: '为了规范测试活动，制定本条例。' });
  s.comment({ eid: 'art_1', body: '这里有我的电话13800000000', status: 'rejected', rejectReason: 'personal_data' });
  s.comment({ eid: 'art_3', body: '骂人的话', status: 'rejected', rejectReason: 'abusive' });
  s.comment({ body: '买药加微信', status: 'rejected', rejectReason: 'spam' });
  s.comment({ body: '买药加微信', status: 'rejected', rejectReason: 'spam' });
  s.comment({ eid: 'art_2', body: '还没审核的意见', status: 'pending' });
  s.decide(campaign, 'not_adopted', '登记是管理的基础，予以保留。');

  it('counts people and comments, the unpublished ones by reason', async () => {
    const report = await getConsultationReport(engine, s.consultationId);
    expect(report).toMatchObject({ title: '测试条例（草案）', opensOn: '2025-03-01', closesOn: '2025-03-31', published: false, publishedAt: null, summary: null });
    // 陈小明 sent two comments; every other comment came from its own new account.
    expect(report.people).toBe(11);
    expect(report.comments).toEqual({
      received: 12,
      published: 7,
      pending: 1,
      rejected: 4,
      rejectedByReason: { off_topic: 0, abusive: 1, personal_data: 1, spam: 2 },
    });
    expect(report.handling).toEqual({ counts: { adopted: 0, partly_adopted: 0, not_adopted: 4, absorbed: 0 }, undecided: 3 });
  });

  it('never quotes a comment that was not published', async () => {
    const text = JSON.stringify((await getConsultationReport(engine, s.consultationId)).sections);
    for (const hidden of ['13800000000', '骂人的话', '买药加微信', '还没审核的意见']) expect(text).not.toContain(hidden);
  });

  it('puts 总体意见 first, then the articles in text order, leaving out articles without published comments', async () => {
    const { sections } = await getConsultationReport(engine, s.consultationId);
    expect(sections.map((x) => [x.articleEid, x.label, x.commentCount])).toEqual([
      [null, '总体意见', 1],
      ['art_1', '第一条', 1],
      ['art_3', '第三条', 5],
    ]);
    expect(sections[1].entries[0]).toMatchObject({ body: '立法目的写得太简单。', proposedText: '为了规范测试活动，制定本条例。', groupSize: 1 });
  });

  it('collapses a campaign into one entry with its size, largest first, and says how it was handled', async () => {
    const art3 = (await getConsultationReport(engine, s.consultationId)).sections[2];
    expect(art3.entries.map((e) => [e.body, e.groupSize, e.disposition])).toEqual([
      ['请删除登记要求。', 4, 'not_adopted'],
      ['第三条应当增加备案。', 1, null],
    ]);
    expect(art3.handling).toEqual({ counts: { adopted: 0, partly_adopted: 0, not_adopted: 4, absorbed: 0 }, undecided: 1 });
    expect(art3.reasons).toEqual([{ disposition: 'not_adopted', reason: '登记是管理的基础，予以保留。', count: 4 }]);
  });

  it('says whether the report is published and carries its summary', async () => {
    // Publishes a consultation of its own: the other tests report on an unpublished one.
    const own = seedConsultation(db);
    expect(await getConsultationReport(engine, own.consultationId)).toMatchObject({ published: false, publishedAt: null, summary: null });
    const at = new Date('2025-04-10T02:00:00Z');
    db.update(consultations).set({ reportPublishedAt: at, reportSummary: '感谢社会各界。' }).where(eq(consultations.id, own.consultationId)).run();
    expect(await getConsultationReport(engine, own.consultationId)).toMatchObject({ published: true, publishedAt: at.toISOString(), summary: '感谢社会各界。' });
  });

  it('answers consultation_not_found for an unknown consultation', async () => {
    await expect(getConsultationReport(engine, 'nope')).rejects.toThrow('consultation_not_found');
  });
});
