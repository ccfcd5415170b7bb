import { eq } from 'drizzle-orm';
import { getEngine, type Engine } from '@/db/engine';
import type { CurrentUser } from '@/lib/auth';
import { createBill } from '@/lib/drafting';
import { readRegulation } from '@/lib/library';
import { addDays, addMonths, todayInChina, type RegulationKind } from '@/lib/shared';
import { publishBill } from '@/lib/publication';
import { zhoushanShelterText } from './demoBillTexts';
import { demoPerson, noon } from './demoPeople';
import { walkBill, type WalkStep } from './walkBill';

/// The seeded bills of the workflow dashboard, by title.
export const demoWorkflowBills = {
  proposal: '舟山市电动自行车管理条例',
  drafting: '嘉兴市养犬管理条例（修正草案）',
  approval: '舟山市物业管理条例',
  filing: '舟山市犬只收容管理办法',
} as const;


/// Seeds the bills of the workflow dashboard once, each moved to its stage through the real
/// workflow functions (so the record and the audit chain are what the product writes): one at
/// 立项, the amendment of 嘉兴市养犬管理条例 in 起草, a regulation awaiting provincial approval with
/// five days left, and a government rule published (so in the library) whose filing is five
/// days overdue. (The bill out for
/// comment at 征求意见 is `seedConsultation`'s.)
export async function seedWorkflow(engine: Engine = getEngine(), now: Date = new Date()): Promise<{ created: string[] }> {
  const { bills } = engine.t;
  const person = (email: string) => demoPerson(engine, email, 'seedWorkflow');
  const wang = await person('drafter@demo.lawbench');
  const li = await person('drafter2@demo.lawbench');
  const zhao = await person('reviewer@demo.lawbench');
  const today = todayInChina(now);
  const created: string[] = [];
  const open = async (title: string, kind: RegulationKind, coordinator: CurrentUser, from?: { regulationId: string } | { text: string }) => {
    const [existing] = await engine.db.select({ id: bills.id }).from(bills).where(eq(bills.title, title)).limit(1);
    if (existing) return null;
    created.push(title);
    const editor = coordinator.id === wang.id ? li : wang;
    return (await createBill(engine, coordinator, { title, kind, from, members: [{ email: editor.email, role: 'editor' }, { email: zhao.email, role: 'reviewer' }] })).id;
  };
  const walk = async (billId: string | null, coordinator: CurrentUser, steps: WalkStep[]) => billId && (await walkBill(engine, { coordinator, reviewer: zhao }, billId, 'proposal', steps));

  await open(demoWorkflowBills.proposal, 'local_regulation', li);

  const jiaxing = await readRegulation(engine, '嘉兴市养犬管理条例');
  await walk(await open(demoWorkflowBills.drafting, 'local_regulation', wang, { regulationId: jiaxing.regulation.id }), wang, [
    { to: 'drafting', at: noon(addDays(today, -12)), note: '列入年度立法计划，法工委牵头起草修正草案。' },
  ]);

  // Submitted for provincial approval so that the four months (立法法 art. 81) end in five days.
  const submitted = addMonths(addDays(today, 5), -4);
  const at = (days: number) => noon(addDays(submitted, days));
  await walk(await open(demoWorkflowBills.approval, 'local_regulation', wang), wang, [
    { to: 'drafting', at: at(-200), note: '列入年度立法计划。' },
    { to: 'submission', at: at(-150), note: '主任会议决定提请常委会审议。' },
    { to: 'first_reading', at: at(-140), note: '常委会第一次审议。' },
    { to: 'consultation', at: at(-135), note: '一审后公开征求意见。', consultation: { description: '就《舟山市物业管理条例（草案）》公开征求意见。', explanation: '规范物业管理活动，维护业主和物业服务企业的合法权益。' } },
    { to: 'second_reading', at: at(-90), note: '常委会第二次审议。' },
    { to: 'third_reading', at: at(-60), note: '常委会第三次审议。' },
    { to: 'vote', at: at(-31), note: '提请常委会会议表决。' },
    { to: 'approval', at: at(0), note: '报请省人大常委会批准。' },
  ]);

  // Promulgated 35 days ago: filing (立法法 art. 109, 30 days) is five days overdue.
  const promulgated = addDays(today, -35);
  const on = (days: number) => noon(addDays(promulgated, days));
  const shelter = await open(demoWorkflowBills.filing, 'government_rule', wang, { text: zhoushanShelterText });
  await walk(shelter, wang, [
    { to: 'drafting', at: on(-150), note: '列入政府年度立法工作计划。' },
    { to: 'consultation', at: on(-120), note: '公开征求意见。', consultation: { description: '就《舟山市犬只收容管理办法（草案）》公开征求意见。', explanation: '规范犬只收容、认领和处置。' } },
    { to: 'legality_review', at: on(-80), note: '送司法局合法性审查。' },
    { to: 'executive_meeting', at: on(-40), note: '市政府常务会议审议通过。' },
    { to: 'promulgation', at: on(-10), note: '市长签署公布令。' },
  ]);
  // Published by the 市政府令, in force thirty days on (规章制定程序条例 art. 32).
  if (shelter) await publishBill(engine, wang, shelter, { announcementNumber: 128, promulgatedOn: promulgated, effectiveOn: addDays(promulgated, 30), adoptedOn: addDays(promulgated, -40), adoptingMeeting: '市人民政府第四十二次常务会议' }, on(0));
  return { created };
}
