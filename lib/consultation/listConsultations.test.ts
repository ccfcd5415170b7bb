import { sqliteEngine } from '@/db/engine';
import { insertTestUser } from '@/lib/auth/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { consultationStatus } from './consultationStatus';
import { getConsultation } from './getConsultation';
import { getConsultationForStaff } from './getConsultationForStaff';
import { listConsultations } from './listConsultations';
import { listConsultationsOfBill } from './listConsultationsOfBill';
import { moderateComment } from './moderateComment';
import { submitComment } from './submitComment';
import { openedConsultation, openingDay } from './testing/openedConsultation';

const t = freshDatabase();
afterAll(t.cleanup);
const { db } = t;

describe('consultationStatus', () => {
  it('is upcoming before the opening day, open through the closing day, closed after', () => {
    const c = { opensOn: '2025-03-01', closesOn: '2025-03-30' };
    expect(['2025-02-28', '2025-03-01', '2025-03-30', '2025-03-31'].map((d) => consultationStatus(c, d))).toEqual(['upcoming', 'open', 'open', 'closed']);
  });
});

describe('listConsultations', async () => {
  // Opened on 1 March: one running in March, one in May (upcoming), one in January 2026.
  const march = await openedConsultation(sqliteEngine(db), { title: '三月' });
  const may = await openedConsultation(sqliteEngine(db), { title: '五月', opensOn: '2025-05-01', closesOn: '2025-05-30' });
  const chen = insertTestUser(db, 'public', '陈小明');
  const a = await submitComment(sqliteEngine(db), chen, march.consultationId, { body: '意见一', articleEid: 'art_2' }, { address: null }, openingDay);
  await submitComment(sqliteEngine(db), chen, march.consultationId, { body: '意见二' }, { address: null }, openingDay);
  await moderateComment(sqliteEngine(db), march.reviewer, a.id, { action: 'publish' });
  const april = new Date('2025-04-10T02:00:00Z');

  it('lists by status on the China date, newest opening first, with published comment counts', async () => {
    expect((await listConsultations(sqliteEngine(db), { status: 'open' }, openingDay)).map((c) => c.title)).toEqual(['三月']);
    expect((await listConsultations(sqliteEngine(db), { status: 'upcoming' }, openingDay)).map((c) => c.title)).toEqual(['五月']);
    expect(await listConsultations(sqliteEngine(db), { status: 'closed' }, openingDay)).toEqual([]);
    expect((await listConsultations(sqliteEngine(db), { status: 'closed' }, april)).map((c) => c.title)).toEqual(['三月']);
    expect((await listConsultations(sqliteEngine(db), {}, april)).map((c) => [c.title, c.status])).toEqual([
      ['五月', 'upcoming'],
      ['三月', 'closed'],
    ]);
    const [summary] = await listConsultations(sqliteEngine(db), { status: 'open' }, openingDay);
    expect(summary).toMatchObject({ versionName: '征求意见稿', commentCount: 1, moderation: 'pre', reportPublished: false, versionId: march.versionId });
  });

  it('gives the public a consultation from its opening day on, with its text and per-article counts', async () => {
    const detail = await getConsultation(sqliteEngine(db), march.consultationId, openingDay);
    expect(detail.text.articles.map((x) => x.label)).toEqual(['第一条', '第二条', '第三条', '第四条']);
    expect(detail).toMatchObject({ articleCounts: { art_2: 1 }, generalCount: 0, explanation: '为了测试征求意见，起草本条例。', reportSummary: null });
    await expect(getConsultation(sqliteEngine(db), may.consultationId, openingDay)).rejects.toThrow('consultation_not_found');
    await expect(getConsultation(sqliteEngine(db), crypto.randomUUID(), openingDay)).rejects.toThrow('consultation_not_found');
    expect((await getConsultation(sqliteEngine(db), may.consultationId, new Date('2025-04-30T16:00:00Z'))).status).toBe('open');
  });

  it('shows staff of the bill every consultation of it at any time, and nobody else', async () => {
    expect((await getConsultationForStaff(sqliteEngine(db), may.reviewer, may.consultationId, openingDay)).status).toBe('upcoming');
    await expect(getConsultationForStaff(sqliteEngine(db), march.reviewer, may.consultationId, openingDay)).rejects.toThrow('consultation_not_found');
    await expect(getConsultationForStaff(sqliteEngine(db), chen, may.consultationId, openingDay)).rejects.toThrow('consultation_not_found');
    expect((await listConsultationsOfBill(sqliteEngine(db), may.editor2, may.billId, openingDay)).map((c) => c.title)).toEqual(['五月']);
    await expect(listConsultationsOfBill(sqliteEngine(db), chen, may.billId)).rejects.toThrow('bill_not_found');
  });
});
