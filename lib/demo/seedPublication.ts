import { eq } from 'drizzle-orm';
import { getEngine, type Engine } from '@/db/engine';
import type { CurrentUser } from '@/lib/auth';
import { getConsultation, moderateComment, publishReport, setDisposition, submitComment } from '@/lib/consultation';
import { createBill, getDraftText, writeDraftText } from '@/lib/drafting';
import type { ParseJson } from '@/lib/legal-text';
import { readRegulation } from '@/lib/library';
import { publishBill, recordFiling } from '@/lib/publication';
import { addDays, todayInChina } from '@/lib/shared';
import { demoPerson, noon } from './demoPeople';
import { walkBill } from './walkBill';

/// The demo's amendment bill that goes the whole way: drafted, consulted on, voted, approved,
/// published and filed.
export const demoPublishedBillTitle = '宁波市法制宣传教育条例（修正草案）';


/// The amendment drafted: three articles changed, as a drafter would type them.
function amend(text: ParseJson): ParseJson {
  const edits: Record<string, (s: string) => string> = {
    第五条: (s) => s.replace('组织法学专家、法律工作者和法制宣传教育志愿者', '组织法学专家、法律工作者、法律援助人员和法制宣传教育志愿者'),
    第七条: (s) => s.replace('于每年第一季度', '于每年三月三十一日前'),
    第十条: (s) => s.replace('领导干部应当带头学法、守法和用法', '领导干部应当带头尊法、学法、守法和用法'),
  };
  return {
    ...text,
    articles: text.articles.map((a) => {
      const edit = edits[a.label];
      if (!edit) return a;
      return { ...a, paragraphs: a.paragraphs.map((p) => ({ ...p, text: edit(p.text), items: p.items.map((i) => ({ ...i, text: edit(i.text) })) })) };
    }),
  };
}

/// Seeds, once, the amendment of 宁波市法制宣传教育条例 the whole way through the real functions:
/// drafted (three articles changed), read twice, put out for comment, voted, approved, published
/// ten days ago by 公告 with effect fifty days from now — so the library shows both versions and
/// the change not yet in force on every affected article — and filed three days ago, its filing
/// package kept as filed.
export async function seedPublication(engine: Engine = getEngine(), now: Date = new Date()): Promise<{ created: string[] }> {
  const { bills } = engine.t;
  const [existing] = await engine.db.select({ id: bills.id }).from(bills).where(eq(bills.title, demoPublishedBillTitle)).limit(1);
  if (existing) return { created: [] };
  const person = (email: string) => demoPerson(engine, email, 'seedPublication');
  const wang = await person('drafter@demo.lawbench');
  const li = await person('drafter2@demo.lawbench');
  const zhao = await person('reviewer@demo.lawbench');
  const today = todayInChina(now);
  const on = (days: number) => addDays(today, days);
  const regulation = await readRegulation(engine, '宁波市法制宣传教育条例');
  const bill = await createBill(engine, wang, { title: demoPublishedBillTitle, kind: 'local_regulation', from: { regulationId: regulation.regulation.id }, members: [{ email: li.email, role: 'editor' }, { email: zhao.email, role: 'reviewer' }] });
  await writeDraftText(engine, bill.draftId, amend(await getDraftText(engine, wang, bill.draftId)), wang.id, noon(on(-195)));
  const atConsultation = await walkBill(engine, { coordinator: wang, reviewer: zhao }, bill.id, 'proposal', [
    { to: 'drafting', at: noon(on(-200)), note: '列入年度立法计划，法工委牵头起草修正草案。' },
    { to: 'submission', at: noon(on(-170)), note: '主任会议决定提请常委会审议。' },
    { to: 'first_reading', at: noon(on(-160)), note: '常委会第一次审议。' },
    {
      to: 'consultation', at: noon(on(-150)), note: '一审后公开征求意见三十日。',
      consultation: {
        title: '宁波市法制宣传教育条例（修正草案征求意见稿）',
        description: '就《宁波市法制宣传教育条例》的修正草案公开征求意见。',
        explanation: '一、修改的必要性\n落实“谁执法谁普法”普法责任制，发挥法律援助人员在普法中的作用。\n\n二、主要修改内容\n将法律援助人员纳入普法队伍，明确年度普法计划的公布时间，要求领导干部带头尊法学法守法用法。',
        opensOn: on(-150), closesOn: on(-120), moderation: 'pre',
      },
    },
  ]);
  await seedClosedConsultation(engine, bill.id, { wang, zhao }, on);
  await walkBill(engine, { coordinator: wang, reviewer: zhao }, bill.id, atConsultation, [
    { to: 'second_reading', at: noon(on(-100)), note: '常委会第二次审议。' },
    { to: 'third_reading', at: noon(on(-60)), note: '常委会第三次审议。' },
    { to: 'vote', at: noon(on(-45)), note: '提请常委会会议表决。' },
    { to: 'approval', at: noon(on(-40)), note: '表决通过，报请省人大常委会批准。' },
    { to: 'promulgation', at: noon(on(-12)), note: '省人大常委会已批准。' },
  ]);
  await publishBill(engine, wang, bill.id, {
      announcementNumber: 23, promulgatedOn: on(-10), effectiveOn: on(50), approvedOn: on(-14),
      adoptingMeeting: '宁波市第十六届人民代表大会常务委员会第二十八次会议', approvingBody: '浙江省第十四届人民代表大会常务委员会第十五次会议',
    }, noon(on(-10)), );
  await recordFiling(engine, wang, bill.id, { filedOn: on(-3), bodies: ['全国人民代表大会常务委员会', '国务院', '浙江省人民代表大会常务委员会'] }, noon(on(-3)));
  return { created: [demoPublishedBillTitle] };
}

/// The consultation on 宁波's 修正草案, long closed: comments from the public while it was open,
/// each moderated and decided, and the 征求意见情况通报 published ten days after it closed — so the
/// demo shows a finished consultation and its report.
async function seedClosedConsultation(engine: Engine, billId: string, staff: { wang: CurrentUser; zhao: CurrentUser }, on: (days: number) => string): Promise<void> {
  const { consultations } = engine.t;
  const [{ id: consultationId }] = await engine.db.select({ id: consultations.id }).from(consultations).where(eq(consultations.billId, billId)).limit(1);
  const citizen = await demoPerson(engine, 'citizen@demo.lawbench', 'seedPublication');
  const volunteer = await demoPerson(engine, 'volunteer@demo.lawbench', 'seedPublication');
  const during = noon(on(-140));
  const eids = (await getConsultation(engine, consultationId, during)).text.articles.map((a) => a.eid);
  const comments = [
    { who: citizen, eid: eids[4], body: '建议把社区法律顾问也纳入普法志愿者队伍。', disposition: { disposition: 'adopted' as const, reason: '第五条已将法律援助人员纳入，社区法律顾问属于法律工作者，已在其中。' } },
    { who: volunteer, eid: eids[6], body: '年度普法计划最好在每年三月底前公布，方便各单位安排。', disposition: { disposition: 'adopted' as const, reason: '第七条改为于每年三月三十一日前公布。' } },
    { who: citizen, eid: undefined, body: '希望多用短视频等方式普法。', disposition: { disposition: 'not_adopted' as const, reason: '属于工作方式，不宜在条例中规定，已转有关部门参考。' } },
  ];
  for (const c of comments) {
    const receipt = await submitComment(engine, c.who, consultationId, { articleEid: c.eid, body: c.body }, { address: null }, during);
    await moderateComment(engine, staff.zhao, receipt.id, { action: 'publish' }, during);
    await setDisposition(engine, staff.wang, receipt.id, c.disposition, noon(on(-115)));
  }
  await publishReport(engine, staff.wang, consultationId, { summary: '征求意见期间共收到意见3条，涉及普法队伍、年度普法计划和普法方式，采纳2条，未采纳1条。' }, noon(on(-110)));
}
