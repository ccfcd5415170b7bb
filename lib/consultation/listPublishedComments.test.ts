import { sqliteEngine } from '@/db/engine';
import { insertTestUser } from '@/lib/auth/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDatabase } from '@/db/testing';
import { consultationComments, consultations } from '@/db/schema';
import { listPublishedComments } from './listPublishedComments';
import { maskAuthorName } from './maskAuthorName';
import { moderateComment } from './moderateComment';
import { setDisposition } from './setDisposition';
import { submitComment } from './submitComment';
import { openedConsultation, openingDay } from './testing/openedConsultation';

const t = freshDatabase();
afterAll(t.cleanup);
const { db } = t;

describe('maskAuthorName', () => {
  it('keeps the first character only: two asterisks after Chinese, three after a Latin letter', () => {
    expect(['陈小明', '欧阳娜娜', 'John Smith', ' émile', '李', null, ''].map(maskAuthorName)).toEqual(['陈**', '欧**', 'J***', 'é***', '李**', '***', '***']);
  });
});

describe('listPublishedComments', async () => {
  const s = await openedConsultation(sqliteEngine(db), { moderation: 'post' });
  const chen = insertTestUser(db, 'public', '陈小明');
  const john = insertTestUser(db, 'public', 'John Smith');
  const at = (m: number) => new Date(openingDay.getTime() + m * 60_000);
  const first = await submitComment(sqliteEngine(db), chen, s.consultationId, { articleEid: 'art_2', body: '适用范围太窄。', proposedText: '本条例适用于本市行政区域。' }, { address: '198.51.100.1' }, at(1));
  const second = await submitComment(sqliteEngine(db), john, s.consultationId, { body: 'Overall fine.' }, { address: null }, at(2));
  const hidden = await submitComment(sqliteEngine(db), john, s.consultationId, { articleEid: 'art_2', body: '我的电话是13800000000' }, { address: null }, at(3));
  await moderateComment(sqliteEngine(db), s.reviewer, hidden.id, { action: 'reject', reason: 'personal_data' });
  await setDisposition(sqliteEngine(db), s.editor, first.id, { disposition: 'adopted', reason: '已修改为本市行政区域。' }, at(10));

  it('lists published comments oldest first with the article label, masked names and nothing private', async () => {
    const list = await listPublishedComments(sqliteEngine(db), s.consultationId, {}, openingDay);
    expect(list.map((c) => [c.id, c.articleLabel, c.authorName])).toEqual([
      [first.id, '第二条', '陈**'],
      [second.id, null, 'J***'],
    ]);
    expect(list[0]).toMatchObject({ reference: first.reference, proposedText: '本条例适用于本市行政区域。', body: '适用范围太窄。' });
    const json = JSON.stringify(list);
    for (const secret of [chen.email, john.email, '@test.lawbench', '陈小明', 'Smith', '198.51.100.1', chen.id, '13800000000']) expect(json).not.toContain(secret);
  });

  it('filters by article, or by the draft as a whole', async () => {
    expect((await listPublishedComments(sqliteEngine(db), s.consultationId, { articleEid: 'art_2' }, openingDay)).map((c) => c.id)).toEqual([first.id]);
    expect((await listPublishedComments(sqliteEngine(db), s.consultationId, { articleEid: null }, openingDay)).map((c) => c.id)).toEqual([second.id]);
  });

  it('shows dispositions only once the report is published', async () => {
    expect((await listPublishedComments(sqliteEngine(db), s.consultationId, {}, openingDay))[0].disposition).toBeNull();
    db.update(consultations).set({ reportPublishedAt: at(100) }).where(eq(consultations.id, s.consultationId)).run();
    expect((await listPublishedComments(sqliteEngine(db), s.consultationId, {}, openingDay))[0].disposition).toEqual({ disposition: 'adopted', reason: '已修改为本市行政区域。', decidedAt: at(10).toISOString() });
  });

  it('gives each proposal the word difference stored with the comment, without diffing it again', async () => {
    expect((await listPublishedComments(sqliteEngine(db), s.consultationId, { articleEid: 'art_2' }, openingDay))[0].proposedDiff).toEqual([
      { op: 'equal', text: '本条例适用于本市' },
      { op: 'insert', text: '行政区域' },
      { op: 'equal', text: '。' },
    ]);
    // What is stored is what is shown: a view that diffed again would not show this.
    const stored = [{ op: 'insert' as const, text: '（存储的差异）' }];
    db.update(consultationComments).set({ proposedDiff: stored }).where(eq(consultationComments.id, first.id)).run();
    expect((await listPublishedComments(sqliteEngine(db), s.consultationId, {}, openingDay)).map((c) => c.proposedDiff)).toEqual([stored, null]);
  });

  it('diffs a proposal stored without its difference once, on first reading, and writes it back', async () => {
    const o = await openedConsultation(sqliteEngine(db), { moderation: 'post' });
    const older = await submitComment(sqliteEngine(db), chen, o.consultationId, { articleEid: 'art_4', body: '改日期。', proposedText: '本条例自2026年1月1日起施行。' }, { address: null }, at(4));
    db.update(consultationComments).set({ proposedDiff: null }).where(eq(consultationComments.id, older.id)).run();
    const diff = (await listPublishedComments(sqliteEngine(db), o.consultationId, {}, openingDay))[0].proposedDiff;
    expect(diff?.filter((t) => t.op !== 'equal')).toEqual([
      { op: 'delete', text: '2025' },
      { op: 'insert', text: '2026' },
    ]);
    expect(db.select({ d: consultationComments.proposedDiff }).from(consultationComments).where(eq(consultationComments.id, older.id)).get()!.d).toEqual(diff);
  });

  it('shows nothing of a consultation not open yet', async () => {
    const later = await openedConsultation(sqliteEngine(db), { opensOn: '2025-04-01', closesOn: '2025-04-30' });
    await expect(listPublishedComments(sqliteEngine(db), later.consultationId, {}, openingDay)).rejects.toThrow('consultation_not_found');
  });

  it('pages the list with limit and offset, in the same order', async () => {
    const all = (await listPublishedComments(sqliteEngine(db), s.consultationId, {}, openingDay)).map((c) => c.id);
    const pages = await Promise.all([0, 1].map(async (offset) => (await listPublishedComments(sqliteEngine(db), s.consultationId, { limit: 1, offset }, openingDay)).map((c) => c.id)));
    expect(pages).toEqual([[all[0]], [all[1]]]);
    expect(await listPublishedComments(sqliteEngine(db), s.consultationId, { limit: 1, offset: 2 }, openingDay)).toEqual([]);
  });
});
