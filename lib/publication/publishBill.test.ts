import { sqliteEngine } from '@/db/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { freshDatabase } from '@/db/testing';
import { caught } from '@/lib/workflow/testing/outcome';
import { auditEvents, billTransitions, bills, promulgations } from '@/db/schema';
import { getDraftText, writeDraftText } from '@/lib/drafting';
import { parseRegulation, toParseJson, type ParseJson } from '@/lib/legal-text';
import { getRegulation, importRegulation, listRegulations } from '@/lib/library';
import type { BillStage } from '@/lib/shared';
import { billWithPeople } from '@/lib/workflow/testing/billAtStage';
import { dogRegulationText } from '@/lib/legal-text/testing/dogRegulationText';
import { publishBill } from './publishBill';
import { amendmentDocument } from './amendmentDocument';

const t = freshDatabase();
afterAll(t.cleanup);
const { db } = t;


const toPromulgation: BillStage[] = ['drafting', 'submission', 'first_reading', 'consultation', 'second_reading', 'third_reading', 'vote', 'approval', 'promulgation'];
const day = (iso: string) => new Date(`${iso}T04:00:00Z`);

/// A local regulation bill walked to 公布 through the real workflow, one stage a day from 1 March
/// 2026 (the vote is taken on 8 March, when the bill moves on to 报批, and 公布 entered on 9 March).
async function billAtPromulgation(opts: Parameters<typeof billWithPeople>[2] = {}) {
  const b = await billWithPeople(db, 'local_regulation', opts);
  for (const [i, stage] of toPromulgation.entries()) await b.walk(stage, day(`2026-03-0${i + 1}`));
  return b;
}

const publication = { announcementNumber: 12, promulgatedOn: '2026-03-20', effectiveOn: '2026-05-01', enactingBody: '测试市人民代表大会常务委员会', approvingBody: '测试省人民代表大会常务委员会' };

describe('publishBill', () => {
  it('makes a new regulation of a new bill, with its 公告, events and the move to 备案, in one audited step', async () => {
    const b = await billAtPromulgation({ title: '测试市文明行为促进条例' });
    const result = await publishBill(sqliteEngine(db), b.coordinator, b.billId, { ...publication, adoptingMeeting: '测试市第一届人民代表大会常务委员会第五次会议' }, day('2026-03-20'));
    expect(result).toMatchObject({ seq: 1, change: 'original', stage: 'filing' });
    expect(result.noticeText.split('\n')).toEqual([
      '测试市人民代表大会常务委员会公告',
      '第12号',
      '《测试市文明行为促进条例》已由测试市第一届人民代表大会常务委员会第五次会议于2026年3月8日通过，测试省人民代表大会常务委员会于2026年3月9日批准，现予公布，自2026年5月1日起施行。',
      '测试市人民代表大会常务委员会',
      '2026年3月20日',
    ]);
    const before = getRegulation(result.regulationId, { at: '2026-04-30', today: '2026-04-30' }, db);
    expect(before.status).toBe('not_yet_effective');
    expect(before.events.map((e) => [e.kind, e.on])).toEqual([['adopted', '2026-03-08'], ['approved', '2026-03-09'], ['promulgated', '2026-03-20'], ['effective', '2026-05-01']]);
    expect(before.text.info).toEqual(['2026年3月8日 测试市第一届人民代表大会常务委员会第五次会议通过', '2026年3月9日 测试省人民代表大会常务委员会批准']);
    expect(getRegulation(result.regulationId, { at: '2026-05-01' }, db).status).toBe('in_force');
    expect(db.select().from(bills).where(eq(bills.id, b.billId)).get()!.stage).toBe('filing');
    const move = db.select().from(billTransitions).where(eq(billTransitions.billId, b.billId)).orderBy(desc(billTransitions.seq)).get()!;
    expect(move).toMatchObject({ fromStage: 'promulgation', toStage: 'filing' });
    const audit = db.select().from(auditEvents).where(and(eq(auditEvents.action, 'bill.publish'), eq(auditEvents.targetId, b.billId))).all();
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).toMatchObject({ regulationId: result.regulationId, versionId: result.versionId, number: 12 });
    const row = db.select().from(promulgations).where(eq(promulgations.billId, b.billId)).get()!;
    expect(row).toMatchObject({ versionId: result.versionId, draftVersionId: move.versionId, year: 2026, number: 12 });
    expect(row.consultationId).not.toBeNull();
  });

  it('refuses a bill not yet at 公布 with the stage it is at, and an outsider', async () => {
    const b = await billWithPeople(db);
    await b.walk('drafting', day('2026-03-01'));
    expect(await caught(() => publishBill(sqliteEngine(db), b.coordinator, b.billId, publication))).toMatchObject({ code: 'conflict', message: 'not_at_promulgation', details: { stage: 'drafting' } });
    expect(await caught(() => publishBill(sqliteEngine(db), b.outsider, b.billId, publication))).toMatchObject({ code: 'not_found' });
    expect(await caught(() => publishBill(sqliteEngine(db), b.editor, b.billId, publication))).toMatchObject({ code: 'forbidden' });
  });

  it('refuses dates out of order and a number already used this year by the same body, changing nothing', async () => {
    // Its own 第21号 this year, so that the test holds whichever test runs first.
    const earlier = await billAtPromulgation({ title: '测试市第二条例' });
    await publishBill(sqliteEngine(db), earlier.coordinator, earlier.billId, { ...publication, announcementNumber: 21 }, day('2026-03-20'));
    const b = await billAtPromulgation({ title: '测试市第四条例' });
    expect(await caught(() => publishBill(sqliteEngine(db), b.coordinator, b.billId, { ...publication, effectiveOn: '2026-03-01' }))).toMatchObject({ code: 'validation_failed', message: 'effective_before_adoption' });
    expect(await caught(() => publishBill(sqliteEngine(db), b.coordinator, b.billId, { ...publication, promulgatedOn: '2026-02-01' }))).toMatchObject({ message: 'promulgated_before_adoption' });
    expect(await caught(() => publishBill(sqliteEngine(db), b.coordinator, b.billId, { ...publication, effectiveOn: '2026-13-01' }))).toMatchObject({ code: 'validation_failed' });
    expect(await caught(() => publishBill(sqliteEngine(db), b.coordinator, b.billId, { ...publication, approvingBody: '' }))).toMatchObject({ message: 'approving_body_required' });
    expect(await caught(() => publishBill(sqliteEngine(db), b.coordinator, b.billId, { ...publication, announcementNumber: 21 }))).toMatchObject({ code: 'conflict', message: 'announcement_number_taken' });
    expect(db.select().from(bills).where(eq(bills.id, b.billId)).get()!.stage).toBe('promulgation');
    expect((await publishBill(sqliteEngine(db), b.coordinator, b.billId, { ...publication, announcementNumber: 21, promulgatedOn: '2027-01-05', effectiveOn: '2027-03-01' })).seq).toBe(1);
  });

  it('refuses a text changed since the vote, naming the articles', async () => {
    const b = await billAtPromulgation({ title: '测试市第三条例' });
    const text = await getDraftText(sqliteEngine(db), b.coordinator, b.draftId);
    const changed: ParseJson = { ...text, articles: text.articles.map((a, i) => (i === 1 ? { ...a, paragraphs: [{ ...a.paragraphs[0], text: '本条例适用于本市行政区域。' }] } : a)) };
    await writeDraftText(sqliteEngine(db), b.draftId, changed, b.editor.id);
    expect(await caught(() => publishBill(sqliteEngine(db), b.coordinator, b.billId, { ...publication, announcementNumber: 30 }))).toMatchObject({ code: 'conflict', message: 'text_changed_since_vote', details: { articles: ['第二条'] } });
  });

  it('publishes an amendment bill as the next version with its 修改决定, the change not yet in force', async () => {
    const old = await importRegulation(sqliteEngine(db), toParseJson(parseRegulation(dogRegulationText)), { effectiveOn: '2020-01-01' });
    const b = await billWithPeople(db, 'local_regulation', { title: '关于修改测试市养犬条例的决定', from: { regulationId: old.regulationId } });
    const text = await getDraftText(sqliteEngine(db), b.coordinator, b.draftId);
    const [first, second, ...rest] = text.articles;
    const edited: ParseJson = { ...text, articles: [first, { ...second, paragraphs: [{ ...second.paragraphs[0], text: '本条例适用于本市行政区域内犬只的饲养和管理。' }] }, ...rest] };
    await writeDraftText(sqliteEngine(db), b.draftId, edited, b.coordinator.id, day('2026-02-20'));
    for (const [i, stage] of toPromulgation.entries()) await b.walk(stage, day(`2026-03-0${i + 1}`));
    const result = await publishBill(sqliteEngine(db), b.coordinator, b.billId, { ...publication, announcementNumber: 40 }, day('2026-03-20'));
    expect(result).toMatchObject({ regulationId: old.regulationId, seq: 2, change: 'amendment' });
    expect(result.noticeText).toContain('《测试市人民代表大会常务委员会关于修改〈测试市养犬条例〉的决定》');
    expect(result.noticeText).toContain('《测试市养犬条例》根据本决定作相应修改，重新公布。');
    const row = db.select().from(promulgations).where(eq(promulgations.billId, b.billId)).get()!;
    expect(row.decision!.clauses).toEqual(['一、在第二条中的“本市”后增加“行政区域内犬只的饲养和管理”。']);
    // The published decision is dated by the publication: 本决定自（施行日期）起施行.
    expect(row.decision!.closing).toBe('本决定自2026年5月1日起施行。\n《测试市养犬条例》根据本决定作相应修改，重新公布。');
    const now = getRegulation(old.regulationId, { at: '2026-04-01', today: '2026-04-01' }, db);
    expect(now.version.seq).toBe(1);
    expect(now.outstanding).toEqual([{ versionId: result.versionId, seq: 2, effectiveOn: '2026-05-01' }]);
    const later = getRegulation(old.regulationId, { at: '2026-05-01', today: '2026-05-01' }, db);
    expect(later.version.seq).toBe(2);
    expect(later.outstanding).toEqual([]);
    expect(later.text.articles[1].paragraphs[0].text).toBe('本条例适用于本市行政区域内犬只的饲养和管理。');
    expect(later.text.info.at(-2)).toBe('2026年3月8日 测试市人民代表大会常务委员会根据《测试市人民代表大会常务委员会关于修改〈测试市养犬条例〉的决定》修正');
    const listed = (await listRegulations(sqliteEngine(db), { today: '2026-05-02' })).items.find((r) => r.id === old.regulationId)!;
    expect(listed).toMatchObject({ status: 'in_force', amended: true, versions: 2 });
    // The decision and the comparison table are published with the version.
    const decision = await amendmentDocument(sqliteEngine(db), old.regulationId, { document: 'decision', format: 'txt', at: '2026-05-01' });
    expect(new TextDecoder().decode(decision.body)).toContain('一、在第二条中的“本市”后增加“行政区域内犬只的饲养和管理”。');
    expect((await amendmentDocument(sqliteEngine(db), old.regulationId, { document: 'comparison', format: 'docx', at: '2026-05-01' })).filename).toBe('测试市养犬条例-修改对照表.docx');
    await expect(amendmentDocument(sqliteEngine(db), old.regulationId, { document: 'decision', format: 'txt', at: '2026-04-01' })).rejects.toMatchObject({ message: 'no_amendment_documents' });
    await expect(amendmentDocument(sqliteEngine(db), old.regulationId, { document: 'decision', format: 'pdf' })).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('refuses a 修正 whose generated decision cannot give the final text (a new chapter), naming the articles; a 修订 goes through', async () => {
    const old = await importRegulation(sqliteEngine(db), toParseJson(parseRegulation(chapteredText)), { effectiveOn: '2020-01-01' });
    const b = await billWithPeople(db, 'local_regulation', { title: '测试市物业条例修订', from: { regulationId: old.regulationId } });
    const restructured = toParseJson(parseRegulation(chapteredText.replace('第二条　业主', '第二章　业主\n\n第二条　业主').replace('第二章　附则', '第三章　附则')));
    const draft = await getDraftText(sqliteEngine(db), b.coordinator, b.draftId);
    await writeDraftText(sqliteEngine(db), b.draftId, { ...restructured, title: draft.title, articles: restructured.articles.map((a, i) => ({ ...a, eid: draft.articles[i].eid })) }, b.coordinator.id, day('2026-02-20'));
    for (const [i, stage] of toPromulgation.entries()) await b.walk(stage, day(`2026-03-0${i + 1}`));
    const input = { ...publication, announcementNumber: 50 };
    expect(await caught(() => publishBill(sqliteEngine(db), b.coordinator, b.billId, input))).toMatchObject({ code: 'conflict', message: 'decision_mismatch', details: { articles: ['第二条', '第三条'] } });
    expect(getRegulation(old.regulationId, {}, db).versions).toHaveLength(1);
    const revised = await publishBill(sqliteEngine(db), b.coordinator, b.billId, { ...input, change: 'revision' });
    expect(revised).toMatchObject({ seq: 2, change: 'revision' });
    expect(revised.noticeText).toContain('《测试市物业条例》已由');
  });
});

const chapteredText = `测试市物业条例

第一章　总则

第一条　为了规范物业管理，制定本条例。

第二条　业主依法享有物业的各项权利。

第二章　附则

第三条　本条例自2020年1月1日起施行。`;
