import { beforeAll, describe, expect, it } from 'vitest';
import { engines } from '@/db/engineTesting';
import type { CurrentUser } from '@/lib/auth';
import { insertTestAccount } from '@/lib/auth/testing';
import { consultationStatus } from './consultationStatus';
import { getConsultation } from './getConsultation';
import { getConsultationForStaff } from './getConsultationForStaff';
import { listConsultations } from './listConsultations';
import { listConsultationsOfBill } from './listConsultationsOfBill';
import { moderateComment } from './moderateComment';
import { submitComment } from './submitComment';
import { openedConsultation, openingDay } from './testing/openedConsultation';

describe('consultationStatus', () => {
  it('is upcoming before the opening day, open through the closing day, closed after', () => {
    const c = { opensOn: '2025-03-01', closesOn: '2025-03-30' };
    expect(['2025-02-28', '2025-03-01', '2025-03-30', '2025-03-31'].map((d) => consultationStatus(c, d))).toEqual(['upcoming', 'open', 'open', 'closed']);
  });
});

describe.each(engines())('listConsultations on $name', ({ engine }) => {
  const april = new Date('2025-04-10T02:00:00Z');
  let march: Awaited<ReturnType<typeof openedConsultation>>;
  let may: Awaited<ReturnType<typeof openedConsultation>>;
  let chen: CurrentUser;

  // Opened on 1 March: one running in March, one in May (upcoming), one in January 2026.
  beforeAll(async () => {
    march = await openedConsultation(engine(), { title: '三月' });
    may = await openedConsultation(engine(), { title: '五月', opensOn: '2025-05-01', closesOn: '2025-05-30' });
    chen = await insertTestAccount(engine(), { role: 'public', name: '陈小明' });
    const a = await submitComment(engine(), chen, march.consultationId, { body: '意见一', articleEid: 'art_2' }, { address: null }, openingDay);
    await submitComment(engine(), chen, march.consultationId, { body: '意见二' }, { address: null }, openingDay);
    await moderateComment(engine(), march.reviewer, a.id, { action: 'publish' });
  });

  it('lists by status on the China date, newest opening first, with published comment counts', async () => {
    expect((await listConsultations(engine(), { status: 'open' }, openingDay)).map((c) => c.title)).toEqual(['三月']);
    expect((await listConsultations(engine(), { status: 'upcoming' }, openingDay)).map((c) => c.title)).toEqual(['五月']);
    expect(await listConsultations(engine(), { status: 'closed' }, openingDay)).toEqual([]);
    expect((await listConsultations(engine(), { status: 'closed' }, april)).map((c) => c.title)).toEqual(['三月']);
    expect((await listConsultations(engine(), {}, april)).map((c) => [c.title, c.status])).toEqual([
      ['五月', 'upcoming'],
      ['三月', 'closed'],
    ]);
    const [summary] = await listConsultations(engine(), { status: 'open' }, openingDay);
    expect(summary).toMatchObject({ versionName: '征求意见稿', commentCount: 1, moderation: 'pre', reportPublished: false, versionId: march.versionId });
  });

  it('gives the public a consultation from its opening day on, with its text and per-article counts', async () => {
    const detail = await getConsultation(engine(), march.consultationId, openingDay);
    expect(detail.text.articles.map((x) => x.label)).toEqual(['第一条', '第二条', '第三条', '第四条']);
    expect(detail).toMatchObject({ articleCounts: { art_2: 1 }, generalCount: 0, explanation: '为了测试征求意见，起草本条例。', reportSummary: null });
    await expect(getConsultation(engine(), may.consultationId, openingDay)).rejects.toThrow('consultation_not_found');
    await expect(getConsultation(engine(), crypto.randomUUID(), openingDay)).rejects.toThrow('consultation_not_found');
    expect((await getConsultation(engine(), may.consultationId, new Date('2025-04-30T16:00:00Z'))).status).toBe('open');
  });

  it('shows staff of the bill every consultation of it at any time, and nobody else', async () => {
    expect((await getConsultationForStaff(engine(), may.reviewer, may.consultationId, openingDay)).status).toBe('upcoming');
    await expect(getConsultationForStaff(engine(), march.reviewer, may.consultationId, openingDay)).rejects.toThrow('consultation_not_found');
    await expect(getConsultationForStaff(engine(), chen, may.consultationId, openingDay)).rejects.toThrow('consultation_not_found');
    expect((await listConsultationsOfBill(engine(), may.editor2, may.billId, openingDay)).map((c) => c.title)).toEqual(['五月']);
    await expect(listConsultationsOfBill(engine(), chen, may.billId)).rejects.toThrow('bill_not_found');
  });
});
