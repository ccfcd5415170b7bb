import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf, requireCjkFont } from '@/lib/documents/testing/readPdf';
import { freshDatabase } from '@/db/testing';
import { sqliteEngine } from '@/db/engine';
import { exportReportPdf } from './exportReportPdf';
import { getConsultationReport } from './getConsultationReport';
import { seedConsultation } from './testing/seedConsultation';

const t = freshDatabase();
afterAll(t.cleanup);
const { db } = t;

beforeAll(requireCjkFont);

const longBody = '建议对登记的程序、期限和所需材料作出明确规定，避免各部门标准不一，增加群众负担；同时建议公开办理进度，接受社会监督。';

describe('exportReportPdf', () => {
  it('writes the title, figures, article labels, quoted comments and handling as extractable text on portrait A4', async () => {
    const s = seedConsultation(db);
    const campaign = s.campaign(2, { eid: 'art_3', body: '请删除登记要求。' });
    s.comment({ eid: 'art_1', body: '立法目的写得太简单。', proposedText: '为了规范测试活动，制定本条例。' });
    s.comment({ eid: 'art_1', body: '我的电话13800000000', status: 'rejected', rejectReason: 'personal_data' });
    s.decide(campaign, 'not_adopted', '登记是管理的基础，予以保留。');
    const pages = await readPdf(await exportReportPdf({ ...(await getConsultationReport(sqliteEngine(db), s.consultationId)), summary: '感谢社会各界的关心。' }));
    expect(pages).toHaveLength(1);
    const [page] = pages;
    expect(Math.round(page.width)).toBe(595);
    expect(Math.round(page.height)).toBe(842);
    const text = page.text.replace(/\s+/g, '');
    expect(text).toContain('《测试条例（草案）》征求意见情况通报');
    expect(text).toContain('（未公布稿）');
    expect(text).toContain('共有4人提出意见4条，其中公开发布3条');
    expect(text).toContain('感谢社会各界的关心。');
    expect(text).toContain('第一条意见1条');
    expect(text).toContain('“立法目的写得太简单。”');
    expect(text).toContain('第三条意见2条');
    expect(text).toContain('“请删除登记要求。”（同类意见2条）');
    expect(text).toContain('处理情况：未采纳2条。');
    expect(text).toContain('未采纳（2条）：登记是管理的基础，予以保留。');
    expect(text).not.toContain('13800000000');
    expect(page.text).toMatch(/第 1 页\s共 1 页/);
  });

  it('continues a long report over numbered pages', async () => {
    const s = seedConsultation(db);
    for (const eid of ['art_1', 'art_2', 'art_3', 'art_4']) for (let i = 0; i < 8; i++) s.comment({ eid, body: `${i + 1}号：${longBody}` });
    const pages = await readPdf(await exportReportPdf(await getConsultationReport(sqliteEngine(db), s.consultationId)));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => expect(page.text).toMatch(new RegExp(`第 ${i + 1} 页\\s共 ${pages.length} 页`)));
    const all = pages.map((p) => p.text.replace(/\s+/g, '')).join('');
    expect(all).toContain('第四条意见8条');
    expect(all).toContain('接受社会监督。”');
  });
});
