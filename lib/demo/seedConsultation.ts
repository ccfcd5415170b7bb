import { eq } from 'drizzle-orm';
import { getEngine, type Engine } from '@/db/engine';
import { insertUser } from '@/lib/auth';
import type { CurrentUser } from '@/lib/auth';
import { groupCampaigns, moderateComment, normalClosingDay, setDisposition, submitComment } from '@/lib/consultation';
import { createBill, getDraftText, writeDraftText } from '@/lib/drafting';
import type { ParseJson } from '@/lib/legal-text';
import { todayInChina } from '@/lib/shared';
import { readRegulation } from '@/lib/library';
import { demoPassword } from './demoAccounts';
import { walkBill } from './walkBill';

/// The seeded bill that is out for comment.
export const demoConsultationBillTitle = '舟山市养犬管理条例（修正草案）';

/// Members of the public who sent the demo's campaign comments (they can sign in too).
const campaigners = [
  { email: 'zhangwei@demo.lawbench', name: '张伟' },
  { email: 'lina@demo.lawbench', name: '李娜' },
  { email: 'wanglei@demo.lawbench', name: '王磊' },
];

const campaignText = '建议在第十条中明确：物业服务企业发现违规养犬的，应当及时劝阻并向公安机关报告。小区里夜间犬吠扰民的问题很突出。';

async function account(engine: Engine, email: string, name: string): Promise<CurrentUser> {
  const { users } = engine.t;
  const [found] = await engine.db.select({ id: users.id, email: users.email, name: users.name, role: users.role }).from(users).where(eq(users.email, email)).limit(1);
  if (found) return found;
  return insertUser(engine, { email, name, password: demoPassword(), role: 'public' }, null);
}

/// What the demo's 修正草案 changes, in line with its 起草说明: the property manager's duty to act
/// (第八条), a published list of the dogs banned (第十二条), and a higher fine (第三十七条).
function amendDogRegulation(text: ParseJson): ParseJson {
  const edits: Record<string, (s: string) => string> = {
    第八条: (s) => s.replace('应当协助相关管理部门做好养犬管理工作。', '应当协助相关管理部门做好养犬管理工作；发现违反本条例规定饲养犬只、犬只扰民等行为的，应当予以劝阻，并及时向公安机关报告。'),
    第十二条: (s) => s.replace('本市行政区域内禁止饲养烈性犬。', '本市行政区域内禁止饲养烈性犬。烈性犬的品种名录由市公安机关会同市畜牧兽医主管部门制定，并向社会公布。'),
    第三十七条: (s) => s.replace('每超养一只处一千元罚款', '每超养一只处一千元以上二千元以下罚款'),
  };
  return {
    ...text,
    articles: text.articles.map((a) => {
      const edit = edits[a.label];
      return edit ? { ...a, paragraphs: a.paragraphs.map((p) => ({ ...p, text: edit(p.text) })) } : a;
    }),
  };
}

/// Seeds journey 4's starting point once: an amendment bill of 舟山市养犬管理条例 (王芳
/// coordinating, 李明 editing, 赵磊 reviewing) moved through 一审 into 征求意见, where its 30-day,
/// pre-moderated consultation opens today, and comments in
/// every state — published (one with a proposed wording and a disposition), waiting in the
/// queue, rejected as spam, and a campaign of three identical comments grouped together.
export async function seedConsultation(engine: Engine = getEngine(), now: Date = new Date()): Promise<{ created: boolean }> {
  const { bills, consultations, users } = engine.t;
  const [existing] = await engine.db.select({ id: bills.id }).from(bills).where(eq(bills.title, demoConsultationBillTitle)).limit(1);
  if (existing) return { created: false };
  const staff = {} as Record<'drafter' | 'drafter2' | 'reviewer' | 'volunteer' | 'citizen', CurrentUser>;
  for (const k of ['drafter', 'drafter2', 'reviewer', 'volunteer', 'citizen'] as const) {
    const [u] = await engine.db.select({ id: users.id, email: users.email, name: users.name, role: users.role }).from(users).where(eq(users.email, `${k}@demo.lawbench`)).limit(1);
    if (!u) throw new Error(`seedConsultation needs the demo account ${k}@demo.lawbench (run seedDemoData first)`);
    staff[k] = u;
  }
  const regulation = await readRegulation(engine, '舟山市养犬管理条例');
  const created = await createBill(
    engine,
    staff.drafter,
    {
      title: demoConsultationBillTitle,
      kind: 'local_regulation',
      from: { regulationId: regulation.regulation.id },
      members: [
        { email: staff.drafter2.email, role: 'editor' },
        { email: staff.reviewer.email, role: 'reviewer' },
      ],
    },
  );
  const today = todayInChina(now);
  const billId = created.id;
  // 李明 drafts the changes the 起草说明 describes before the draft is read and put out.
  await writeDraftText(engine, created.draftId, amendDogRegulation(await getDraftText(engine, staff.drafter, created.draftId)), staff.drafter2.id, now);
  // The bill reaches 征求意见 the way any bill does: each move recorded, 一审稿 and 征求意见稿
  // frozen, and the consultation opened by the move into 征求意见.
  await walkBill(engine, { coordinator: staff.drafter, reviewer: staff.reviewer }, billId, 'proposal', [
    { to: 'drafting', at: now, note: '列入年度立法计划，开始起草修正草案。' },
    { to: 'submission', at: now, note: '主任会议决定提请常委会审议。' },
    { to: 'first_reading', at: now, note: '常委会第一次审议。' },
    {
      to: 'consultation',
      at: now,
      note: '一审后公开征求意见三十日。',
      consultation: {
        title: '舟山市养犬管理条例（修正草案征求意见稿）',
        description: '为规范养犬行为，保障公民人身安全，市人大常委会法工委就《舟山市养犬管理条例》的修正草案公开征求意见。',
        explanation:
          '一、修改的必要性\n条例施行以来，重点管理区内违规饲养、夜间扰民等问题仍较突出。\n\n二、主要修改内容\n明确物业服务企业的协助义务，完善禁止饲养犬只的名录管理，调整相关罚则。',
        questions: ['重点管理区的范围是否合适？', '对犬只夜间扰民应当如何规定？'],
        opensOn: today,
        closesOn: normalClosingDay(today),
        moderation: 'pre',
      },
    },
  ]);
  const [{ id }] = await engine.db.select({ id: consultations.id }).from(consultations).where(eq(consultations.billId, billId)).limit(1);
  const eidOf = (n: number) => regulation.text.articles[n - 1].eid;
  const send = (who: CurrentUser, articleEid: string | undefined, body: string, proposedText?: string) =>
    submitComment(engine, who, id, { articleEid, body, proposedText }, { address: null }, now);

  const twelve = await send(
    staff.citizen,
    eidOf(12),
    '建议把攻击性强的犬种也列入禁止饲养的范围，名录应当定期更新并向社会公布。',
    '本市行政区域内禁止饲养烈性犬和攻击性犬。',
  );
  const eighteen = await send(staff.volunteer, eidOf(18), '法律援助中接到不少关于犬只伤人赔偿的咨询，建议明确养犬人应当为犬只投保责任保险。');
  await send(staff.citizen, undefined, '希望条例施行前多做宣传，让养犬人知道自己的义务。');
  const spam = await send(await account(engine, 'puppies-4sale@example.com', '售犬广告'), undefined, '出售纯种犬，价格优惠，详情请加微信。');
  const campaign = [];
  for (const c of campaigners) campaign.push(await send(await account(engine, c.email, c.name), eidOf(10), campaignText));
  await send(await account(engine, campaigners[0].email, campaigners[0].name), eidOf(20), '第二十条的罚款数额偏低，起不到警示作用。');

  for (const r of [twelve, eighteen, ...campaign]) await moderateComment(engine, staff.reviewer, r.id, { action: 'publish' }, now);
  await moderateComment(engine, staff.reviewer, spam.id, { action: 'reject', reason: 'spam' }, now);
  await groupCampaigns(engine, staff.drafter, id, now);
  await setDisposition(engine, staff.drafter, twelve.id, { disposition: 'partly_adopted', reason: '增加攻击性犬的名录管理；具体犬种由市公安机关会同畜牧兽医主管部门确定后公布。' }, now);
  return { created: true };
}
