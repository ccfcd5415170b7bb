import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { insertTestUser } from '@/lib/auth/testing';
import type { CurrentUser } from '@/lib/auth';
import { seedLibrary } from '@/lib/demo';
import { getExplainer } from '@/lib/explainers';
import { addDeskCitation, createDeskRecord, getDeskRecord, listDeskRecords, updateDeskRecord } from './deskRecords';
import { answerSheetPdf } from './answerSheet';
import { personalDataIn } from './personalData';
import { proposeQa } from './proposeQa';

const t = freshDatabase();
afterAll(t.cleanup);
const { db } = t;
let liu: CurrentUser, other: CurrentUser, admin: CurrentUser, citizen: CurrentUser;
beforeAll(async () => {
  await seedLibrary(db);
  liu = insertTestUser(db, 'volunteer', '刘洋');
  other = insertTestUser(db, 'volunteer', '另一位');
  admin = insertTestUser(db, 'admin', '管理员');
  citizen = insertTestUser(db, 'public', '市民');
});

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

describe('desk records', () => {
  it('collects citations into the current record, keeps records to their volunteer and admins, and prints an answer sheet', async () => {
    const r = createDeskRecord(liu, { question: '被拖欠工资，能否申请法律援助？', facts: '在某工地打工，被拖欠三个月工资。电话13812345678', answer: '可以。请求支付劳动报酬的，经济困难的可以申请法律援助。', referral: 'legal_aid' }, db);
    expect(r.warnings).toEqual(['mobile']);
    for (const n of [8, 9, 15]) addDeskCitation(liu, { regulation: '浙江省法律援助条例', number: n }, db);
    expect(addDeskCitation(liu, { regulation: '浙江省法律援助条例', number: 8 }, db).added).toBe(false);
    expect(getDeskRecord(liu, r.id, db).citations.map((c) => c.citation)).toEqual(['《浙江省法律援助条例》第八条', '《浙江省法律援助条例》第九条', '《浙江省法律援助条例》第十五条']);
    expect(() => getDeskRecord(other, r.id, db)).toThrow(/desk_record_not_found/);
    expect(getDeskRecord(admin, r.id, db).id).toBe(r.id);
    expect(() => listDeskRecords(citizen, db)).toThrow(/desk_forbidden/);
    expect(listDeskRecords(other, db)).toEqual([]);
    expect(() => addDeskCitation(other, { regulation: '浙江省法律援助条例', number: 8 }, db)).toThrow(/desk_no_record/);

    const pdf = await answerSheetPdf(getDeskRecord(liu, r.id, db), db, '2026-12-05');
    const dir = mkdtempSync(path.join(tmpdir(), 'lawbench-desk-'));
    writeFileSync(path.join(dir, 'sheet.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'sheet.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of ['法律咨询答复单', '被拖欠工资，能否申请法律援助？', '《浙江省法律援助条例》第八条', '第八条当事人为维护自己的合法权益', '《浙江省法律援助条例》第十五条', '第十五条申请法律援助，应当向法律援助机构提出书面申请', '建议向法律援助机构申请法律援助。']) expect(text).toContain(s);

    // Turned into a public 问答 only without personal data, and then through review.
    expect(() => proposeQa(liu, r.id, db)).toThrow(/desk_personal_data/);
    updateDeskRecord(liu, r.id, { question: '被拖欠工资，能否申请法律援助？', facts: '在某工地打工，被拖欠三个月工资。', answer: '可以。请求支付劳动报酬的，经济困难的可以申请法律援助。', referral: 'legal_aid' }, db);
    const { explainerId } = proposeQa(liu, r.id, db);
    const qa = getExplainer(liu, explainerId, db);
    expect(qa).toMatchObject({ kind: 'qa', status: 'in_review' });
    expect(qa.body).not.toContain('工地');
    expect(qa.citations.map((c) => c.status)).toEqual(['current', 'current', 'current']);
    expect(() => getExplainer(null, explainerId, db)).toThrow(/explainer_not_found/);
  });
});
