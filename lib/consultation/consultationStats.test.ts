import { beforeAll, describe, expect, it } from 'vitest';
import { engines } from '@/db/engineTesting';
import { insertTestAccount } from '@/lib/auth/testing';
import { consultationStats } from './consultationStats';
import { moderateComment } from './moderateComment';
import { setDisposition } from './setDisposition';
import { submitComment } from './submitComment';
import { openedConsultation } from './testing/openedConsultation';

describe.each(engines())('consultationStats on $name', ({ engine }) => {
  let s: Awaited<ReturnType<typeof openedConsultation>>;

  beforeAll(async () => {
    s = await openedConsultation(engine());
    const submit = async (body: string, articleEid: string | undefined, at: string) =>
      (await submitComment(engine(), await insertTestAccount(engine(), { role: 'public', name: '市民' }), s.consultationId, { body, articleEid }, { address: null }, new Date(at))).id;
    // 16:30 UTC on 1 March is 2 March in China.
    const a = await submit('一', 'art_3', '2025-03-01T03:00:00Z');
    const b = await submit('二', 'art_3', '2025-03-01T16:30:00Z');
    const c = await submit('三', undefined, '2025-03-02T03:00:00Z');
    const d = await submit('四', 'art_1', '2025-03-04T03:00:00Z');
    await moderateComment(engine(), s.reviewer, a, { action: 'publish' });
    await moderateComment(engine(), s.reviewer, b, { action: 'publish' });
    await moderateComment(engine(), s.reviewer, d, { action: 'reject', reason: 'spam' });
    await setDisposition(engine(), s.editor, a, { disposition: 'adopted', reason: '采纳。' });
    await setDisposition(engine(), s.editor, c, { disposition: 'not_adopted', reason: '不采纳。' });
  });

  it('counts non-rejected comments on every article in text order, the whole draft first', async () => {
    const stats = await consultationStats(engine(), s.editor, s.consultationId, new Date('2025-03-05T03:00:00Z'));
    expect(stats.byArticle).toEqual([
      { eid: null, label: null, count: 1 },
      { eid: 'art_1', label: '第一条', count: 0 },
      { eid: 'art_2', label: '第二条', count: 0 },
      { eid: 'art_3', label: '第三条', count: 2 },
      { eid: 'art_4', label: '第四条', count: 0 },
    ]);
  });

  it('counts comments received per China day from the opening day to today, dispositions and statuses', async () => {
    const stats = await consultationStats(engine(), s.reviewer, s.consultationId, new Date('2025-03-05T03:00:00Z'));
    expect(stats.byDay).toEqual([
      { date: '2025-03-01', count: 1 },
      { date: '2025-03-02', count: 2 },
      { date: '2025-03-03', count: 0 },
      { date: '2025-03-04', count: 1 },
      { date: '2025-03-05', count: 0 },
    ]);
    expect(stats.byDisposition).toEqual({ adopted: 1, partly_adopted: 0, not_adopted: 1, absorbed: 0, undecided: 1 });
    expect(stats.byStatus).toEqual({ pending: 1, published: 2, rejected: 1 });
    // After the closing day the days stop at the closing day.
    expect((await consultationStats(engine(), s.reviewer, s.consultationId, new Date('2025-06-01T00:00:00Z'))).byDay.at(-1)).toEqual({ date: '2025-03-30', count: 0 });
  });

  it('is for members of the bill', async () => {
    await expect(consultationStats(engine(), s.outsider, s.consultationId)).rejects.toThrow('consultation_not_found');
  });
});
