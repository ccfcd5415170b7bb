import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { engines } from '@/db/engineTesting';
import { insertTestAccount } from '@/lib/auth/testing';
import type { CurrentUser } from '@/lib/auth';
import { getExplainer } from '@/lib/explainers';
import { insertTestRegulation } from '@/lib/library/testing/insertTestRegulation';
import { addDeskCitation, createDeskRecord, getDeskRecord, listDeskRecords, removeDeskCitation, updateDeskRecord } from './deskRecords';
import { answerSheetPdf } from './answerSheet';
import { personalDataIn } from './personalData';
import { proposeQa } from './proposeQa';

// The regulation the desk cites, as the demo library holds it (db/seed/regulations).
const legalAidText = readFileSync(path.resolve('db/seed/regulations/reg-087-zhejiang.md'), 'utf8');
const legalAid = '浙江省法律援助条例';

describe('personalDataIn', () => {
  it.each([
    ['身份证号 330102199001011234', ['id_card']],
    ['电话13812345678', ['mobile']],
    ['座机 0571-87654321', ['landline']],
    ['邮箱 a.b@example.com', ['email']],
    ['卡号 6222021234567890123', ['bank_card']],
    ['欠薪三个月，金额12000元，2024年5月起', []],
  ])('%s', (text, kinds) => expect(personalDataIn(text)).toEqual(kinds));
});

describe.each(engines())('desk records on $name', ({ engine }) => {
  let liu: CurrentUser, other: CurrentUser, admin: CurrentUser, citizen: CurrentUser;
  beforeAll(async () => {
    await insertTestRegulation(engine(), legalAidText);
    liu = await insertTestAccount(engine(), { role: 'volunteer', name: '刘洋' });
    other = await insertTestAccount(engine(), { role: 'volunteer', name: '另一位' });
    admin = await insertTestAccount(engine(), { role: 'admin', name: '管理员' });
    citizen = await insertTestAccount(engine(), { role: 'public', name: '市民' });
  });
  const volunteer = () => insertTestAccount(engine(), { role: 'volunteer', name: '志愿者' });
  const answered = { question: '被拖欠工资，能否申请法律援助？', facts: '在某工地打工，被拖欠三个月工资。', answer: '可以。请求支付劳动报酬的，经济困难的可以申请法律援助。', referral: 'legal_aid' };

  it('collects citations into the current record, keeps records to their volunteer and admins, and prints an answer sheet', async () => {
    const r = await createDeskRecord(engine(), liu, { ...answered, facts: '在某工地打工，被拖欠三个月工资。电话13812345678' });
    expect(r.warnings).toEqual(['mobile']);
    for (const n of [8, 9, 15]) await addDeskCitation(engine(), liu, { regulation: legalAid, number: n });
    expect((await addDeskCitation(engine(), liu, { regulation: legalAid, number: 8 })).added).toBe(false);
    expect((await getDeskRecord(engine(), liu, r.id)).citations.map((c) => c.citation)).toEqual(['《浙江省法律援助条例》第八条', '《浙江省法律援助条例》第九条', '《浙江省法律援助条例》第十五条']);
    await expect(getDeskRecord(engine(), other, r.id)).rejects.toThrow(/desk_record_not_found/);
    expect((await getDeskRecord(engine(), admin, r.id)).id).toBe(r.id);
    await expect(listDeskRecords(engine(), citizen)).rejects.toThrow(/desk_forbidden/);
    expect(await listDeskRecords(engine(), other)).toEqual([]);
    await expect(addDeskCitation(engine(), other, { regulation: legalAid, number: 8 })).rejects.toThrow(/desk_no_record/);

    const pdf = await answerSheetPdf(engine(), await getDeskRecord(engine(), liu, r.id), '2026-12-05');
    const dir = mkdtempSync(path.join(tmpdir(), 'lawbench-desk-'));
    writeFileSync(path.join(dir, 'sheet.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'sheet.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of ['法律咨询答复单', '被拖欠工资，能否申请法律援助？', '《浙江省法律援助条例》第八条', '第八条当事人为维护自己的合法权益', '《浙江省法律援助条例》第十五条', '第十五条申请法律援助，应当向法律援助机构提出书面申请', '建议向法律援助机构申请法律援助。']) expect(text).toContain(s);

    // Turned into a public 问答 only without personal data, and then through review.
    await expect(proposeQa(engine(), liu, r.id)).rejects.toThrow(/desk_personal_data/);
    await updateDeskRecord(engine(), liu, r.id, answered);
    const { explainerId } = await proposeQa(engine(), liu, r.id);
    const qa = await getExplainer(engine(), liu, explainerId);
    expect(qa).toMatchObject({ kind: 'qa', status: 'in_review' });
    expect(qa.body).not.toContain('工地');
    expect(qa.citations.map((c) => c.status)).toEqual(['current', 'current', 'current']);
    await expect(getExplainer(engine(), null, explainerId)).rejects.toThrow(/explainer_not_found/);
    await expect(proposeQa(engine(), liu, r.id)).rejects.toThrow(/desk_already_proposed/);
    expect((await getDeskRecord(engine(), liu, r.id)).explainerId).toBe(explainerId);
  });

  it('lists records newest first, those saved in one moment too, and takes a collected article out', async () => {
    const vol = await volunteer();
    const now = new Date('2026-12-05T02:00:00Z');
    const ids: string[] = [];
    for (const question of ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']) ids.push((await createDeskRecord(engine(), vol, { question }, now)).id);
    expect((await listDeskRecords(engine(), vol)).map((r) => r.id)).toEqual([...ids].reverse());
    // Collecting goes into the most recently worked-on record, of those of one moment the newest.
    const { recordId } = await addDeskCitation(engine(), vol, { regulation: legalAid, number: 8 }, now);
    expect(recordId).toBe(ids[9]);
    await addDeskCitation(engine(), vol, { recordId: ids[0], regulation: legalAid, number: 9 }, new Date('2026-12-05T03:00:00Z'));
    expect((await listDeskRecords(engine(), vol)).map((r) => r.id)).toEqual([ids[0], ...ids.slice(1).reverse()]);
    expect((await listDeskRecords(engine(), admin)).map((r) => r.id)).toEqual(expect.arrayContaining(ids));
    await removeDeskCitation(engine(), vol, ids[9], '《浙江省法律援助条例》第八条');
    expect((await getDeskRecord(engine(), vol, ids[9])).citations).toEqual([]);
    await expect(removeDeskCitation(engine(), other, ids[0], '《浙江省法律援助条例》第九条')).rejects.toThrow(/desk_record_not_found/);
    expect((await getDeskRecord(engine(), vol, ids[0])).citations.map((c) => c.citation)).toEqual(['《浙江省法律援助条例》第九条']);
  });

  it('keeps every article collected at once into one record', async () => {
    const vol = await volunteer();
    const r = await createDeskRecord(engine(), vol, { question: '问题' });
    const numbers = [8, 9, 15, 16, 17, 18];
    const results = await Promise.all(numbers.map((number) => addDeskCitation(engine(), vol, { recordId: r.id, regulation: legalAid, number })));
    expect(results.map((x) => x.added)).toEqual(numbers.map(() => true));
    const kept = (await getDeskRecord(engine(), vol, r.id)).citations.map((c) => c.citation);
    expect(kept.sort()).toEqual(results.map((x) => x.citation).sort());
  });

  it('makes one 问答 of a record proposed twice at once', async () => {
    const vol = await volunteer();
    const r = await createDeskRecord(engine(), vol, answered);
    await addDeskCitation(engine(), vol, { recordId: r.id, regulation: legalAid, number: 8 });
    const outcomes = await Promise.allSettled([proposeQa(engine(), vol, r.id), proposeQa(engine(), vol, r.id)]);
    const made = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.explainerId] : []));
    expect(made).toHaveLength(1);
    expect(outcomes.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []))).toEqual([expect.stringMatching(/desk_already_proposed/)]);
    const { explainers } = engine().t;
    expect((await engine().db.select({ id: explainers.id }).from(explainers).where(eq(explainers.authorId, vol.id))).map((e) => e.id)).toEqual(made);
    expect((await getDeskRecord(engine(), vol, r.id)).explainerId).toBe(made[0]);
  });
});
