import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { sqliteEngine } from '@/db/engine';
import { readZip } from '@/lib/documents/testing/readZip';
import { exportReportDocx } from './exportReportDocx';
import { getConsultationReport } from './getConsultationReport';
import { seedConsultation } from './testing/seedConsultation';

const t = freshDatabase();
afterAll(t.cleanup);
const { db } = t;

function paragraphs(xml: string): { props: string; text: string }[] {
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((m) => ({
    props: m[1],
    text: [...m[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((x) => x[1]).join(''),
  }));
}

/// A closed consultation with a published report: a general comment, a campaign on 第三条
/// not adopted, a proposal on 第一条 adopted, and a rejected comment.
async function seededReport() {
  const s = seedConsultation(db, { title: '《测试条例（草案）》' });
  s.comment({ body: '总体赞成。' });
  const campaign = s.campaign(3, { eid: 'art_3', body: '请删除登记要求。' });
  const proposal = s.comment({ eid: 'art_1', body: '立法目的写得太简单。', proposedText: '为了规范测试活动，制定本条例。' });
  s.comment({ eid: 'art_1', body: '我的电话13800000000', status: 'rejected', rejectReason: 'personal_data' });
  s.decide(campaign, 'not_adopted', '登记是管理的基础，予以保留。');
  s.decide(proposal, 'adopted', '已采纳。');
  return { ...(await getConsultationReport(sqliteEngine(db), s.consultationId)), published: true, publishedAt: '2025-04-10T02:00:00.000Z', summary: '感谢社会各界的关心。\n我们逐条研究了意见。' };
}

describe('exportReportDocx', () => {
  it('sets the title, the figures, the summary and one part per article with its label in bold', async () => {
    const files = await readZip(await exportReportDocx(await seededReport()));
    const body = paragraphs(files.get('word/document.xml')!);
    const texts = body.map((p) => p.text);
    expect(texts[0]).toBe('《测试条例（草案）》征求意见情况通报');
    expect(body[0].props).toContain('<w:jc w:val="center"/>');
    expect(texts[1]).toBe('（2025年4月10日发布）');
    expect(texts[2]).toBe(
      '《测试条例（草案）》于2025年3月1日至2025年3月31日向社会公开征求意见，共有6人提出意见6条，其中公开发布5条。另有1条意见因含有个人信息未予公开。',
    );
    expect(texts).toContain('对公开发布的意见，采纳1条，未采纳3条，尚在研究处理1条。');
    expect(texts).toContain('感谢社会各界的关心。');
    expect(texts).toContain('我们逐条研究了意见。');

    const headings = body.filter((p) => /^(总体意见|第.+条)\u3000意见\d+条$/.test(p.text));
    expect(headings.map((p) => p.text)).toEqual(['总体意见\u3000意见1条', '第一条\u3000意见1条', '第三条\u3000意见3条']);
    for (const h of headings) expect(h.props).toMatch(/<w:r><w:rPr><w:b\/>.*?<w:t[^>]*>(总体意见|第.+条)<\/w:t>/);

    expect(texts).toContain('1. “请删除登记要求。”（同类意见3条）');
    expect(texts).toContain('建议修改为：“为了规范测试活动，制定本条例。”');
    expect(texts).toContain('处理情况：未采纳3条。');
    expect(texts).toContain('未采纳（3条）：登记是管理的基础，予以保留。');
    expect(texts).toContain('处理情况：采纳1条。');
    expect(texts.join('\n')).not.toContain('13800000000');
  });

  it('is a portrait A4 document with page numbers, marked as a draft until published, counting each reason for withholding', async () => {
    const report = await seededReport();
    const comments = { ...report.comments, rejected: 3, rejectedByReason: { off_topic: 1, abusive: 0, personal_data: 0, spam: 2 } };
    const files = await readZip(await exportReportDocx({ ...report, comments, published: false, publishedAt: null, summary: null }));
    const document = files.get('word/document.xml')!;
    expect(paragraphs(document)[2].text).toContain('另有3条意见未予公开，其中与草案无关1条、属于广告或垃圾信息2条。');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(files.get('word/footer1.xml')).toContain('>PAGE<');
    expect(paragraphs(document)[1].text).toBe('（未公布稿）');
    expect(files.get('docProps/core.xml')).toContain('<dc:title>《测试条例（草案）》征求意见情况通报</dc:title>');
  });
});
