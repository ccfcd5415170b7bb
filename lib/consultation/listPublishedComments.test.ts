import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { engines } from '@/db/engineTesting';
import type { CurrentUser } from '@/lib/auth';
import { insertTestAccount } from '@/lib/auth/testing';
import { listPublishedComments } from './listPublishedComments';
import { maskAuthorName } from './maskAuthorName';
import { moderateComment } from './moderateComment';
import { setDisposition } from './setDisposition';
import { submitComment } from './submitComment';
import { openedConsultation, openingDay } from './testing/openedConsultation';

describe('maskAuthorName', () => {
  it('keeps the first character only: two asterisks after Chinese, three after a Latin letter', () => {
    expect(['陈小明', '欧阳娜娜', 'John Smith', ' émile', '李', null, ''].map(maskAuthorName)).toEqual(['陈**', '欧**', 'J***', 'é***', '李**', '***', '***']);
  });
});

describe.each(engines())('listPublishedComments on $name', ({ engine }) => {
  const at = (m: number) => new Date(openingDay.getTime() + m * 60_000);
  let s: Awaited<ReturnType<typeof openedConsultation>>;
  let chen: CurrentUser;
  let john: CurrentUser;
  let first: Awaited<ReturnType<typeof submitComment>>;
  let second: Awaited<ReturnType<typeof submitComment>>;

  beforeAll(async () => {
    s = await openedConsultation(engine(), { moderation: 'post' });
    chen = await insertTestAccount(engine(), { role: 'public', name: '陈小明' });
    john = await insertTestAccount(engine(), { role: 'public', name: 'John Smith' });
    first = await submitComment(engine(), chen, s.consultationId, { articleEid: 'art_2', body: '适用范围太窄。', proposedText: '本条例适用于本市行政区域。' }, { address: '198.51.100.1' }, at(1));
    second = await submitComment(engine(), john, s.consultationId, { body: 'Overall fine.' }, { address: null }, at(2));
    const hidden = await submitComment(engine(), john, s.consultationId, { articleEid: 'art_2', body: '我的电话是13800000000' }, { address: null }, at(3));
    await moderateComment(engine(), s.reviewer, hidden.id, { action: 'reject', reason: 'personal_data' });
    await setDisposition(engine(), s.editor, first.id, { disposition: 'adopted', reason: '已修改为本市行政区域。' }, at(10));
  });

  it('lists published comments oldest first with the article label, masked names and nothing private', async () => {
    const list = await listPublishedComments(engine(), s.consultationId, {}, openingDay);
    expect(list.map((c) => [c.id, c.articleLabel, c.authorName])).toEqual([
      [first.id, '第二条', '陈**'],
      [second.id, null, 'J***'],
    ]);
    expect(list[0]).toMatchObject({ reference: first.reference, proposedText: '本条例适用于本市行政区域。', body: '适用范围太窄。' });
    const json = JSON.stringify(list);
    for (const secret of [chen.email, john.email, '@test.lawbench', '陈小明', 'Smith', '198.51.100.1', chen.id, '13800000000']) expect(json).not.toContain(secret);
  });

  it('filters by article, or by the draft as a whole', async () => {
    expect((await listPublishedComments(engine(), s.consultationId, { articleEid: 'art_2' }, openingDay)).map((c) => c.id)).toEqual([first.id]);
    expect((await listPublishedComments(engine(), s.consultationId, { articleEid: null }, openingDay)).map((c) => c.id)).toEqual([second.id]);
  });

  it('shows dispositions only once the report is published', async () => {
    expect((await listPublishedComments(engine(), s.consultationId, {}, openingDay))[0].disposition).toBeNull();
    const { db, t } = engine();
    await db.update(t.consultations).set({ reportPublishedAt: at(100) }).where(eq(t.consultations.id, s.consultationId));
    expect((await listPublishedComments(engine(), s.consultationId, {}, openingDay))[0].disposition).toEqual({ disposition: 'adopted', reason: '已修改为本市行政区域。', decidedAt: at(10).toISOString() });
  });

  it('gives each proposal the word difference stored with the comment, without diffing it again', async () => {
    expect((await listPublishedComments(engine(), s.consultationId, { articleEid: 'art_2' }, openingDay))[0].proposedDiff).toEqual([
      { op: 'equal', text: '本条例适用于本市' },
      { op: 'insert', text: '行政区域' },
      { op: 'equal', text: '。' },
    ]);
    // What is stored is what is shown: a view that diffed again would not show this.
    const stored = [{ op: 'insert' as const, text: '（存储的差异）' }];
    const { db, t } = engine();
    await db.update(t.consultationComments).set({ proposedDiff: stored }).where(eq(t.consultationComments.id, first.id));
    expect((await listPublishedComments(engine(), s.consultationId, {}, openingDay)).map((c) => c.proposedDiff)).toEqual([stored, null]);
  });

  it('diffs a proposal stored without its difference once, on first reading, and writes it back', async () => {
    const o = await openedConsultation(engine(), { moderation: 'post' });
    const older = await submitComment(engine(), chen, o.consultationId, { articleEid: 'art_4', body: '改日期。', proposedText: '本条例自2026年1月1日起施行。' }, { address: null }, at(4));
    const { db, t } = engine();
    await db.update(t.consultationComments).set({ proposedDiff: null }).where(eq(t.consultationComments.id, older.id));
    const diff = (await listPublishedComments(engine(), o.consultationId, {}, openingDay))[0].proposedDiff;
    expect(diff?.filter((t) => t.op !== 'equal')).toEqual([
      { op: 'delete', text: '2025' },
      { op: 'insert', text: '2026' },
    ]);
    const [row] = await db.select({ d: t.consultationComments.proposedDiff }).from(t.consultationComments).where(eq(t.consultationComments.id, older.id));
    expect(row.d).toEqual(diff);
  });

  it('shows nothing of a consultation not open yet', async () => {
    const later = await openedConsultation(engine(), { opensOn: '2025-04-01', closesOn: '2025-04-30' });
    await expect(listPublishedComments(engine(), later.consultationId, {}, openingDay)).rejects.toThrow('consultation_not_found');
  });

  it('pages the list with limit and offset, in the same order', async () => {
    const all = (await listPublishedComments(engine(), s.consultationId, {}, openingDay)).map((c) => c.id);
    const pages = await Promise.all([0, 1].map(async (offset) => (await listPublishedComments(engine(), s.consultationId, { limit: 1, offset }, openingDay)).map((c) => c.id)));
    expect(pages).toEqual([[all[0]], [all[1]]]);
    expect(await listPublishedComments(engine(), s.consultationId, { limit: 1, offset: 2 }, openingDay)).toEqual([]);
  });
});
