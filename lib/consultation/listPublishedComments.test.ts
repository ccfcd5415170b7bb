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
  const s = await openedConsultation(db, { moderation: 'post' });
  const chen = insertTestUser(db, 'public', '陈小明');
  const john = insertTestUser(db, 'public', 'John Smith');
  const at = (m: number) => new Date(openingDay.getTime() + m * 60_000);
  const first = submitComment(chen, s.consultationId, { articleEid: 'art_2', body: '适用范围太窄。', proposedText: '本条例适用于本市行政区域。' }, { address: '198.51.100.1' }, db, at(1));
  const second = submitComment(john, s.consultationId, { body: 'Overall fine.' }, { address: null }, db, at(2));
  const hidden = submitComment(john, s.consultationId, { articleEid: 'art_2', body: '我的电话是13800000000' }, { address: null }, db, at(3));
  await moderateComment(s.reviewer, hidden.id, { action: 'reject', reason: 'personal_data' }, db);
  await setDisposition(s.editor, first.id, { disposition: 'adopted', reason: '已修改为本市行政区域。' }, db, at(10));

  it('lists published comments oldest first with the article label, masked names and nothing private', () => {
    const list = listPublishedComments(s.consultationId, {}, db, openingDay);
    expect(list.map((c) => [c.id, c.articleLabel, c.authorName])).toEqual([
      [first.id, '第二条', '陈**'],
      [second.id, null, 'J***'],
    ]);
    expect(list[0]).toMatchObject({ reference: first.reference, proposedText: '本条例适用于本市行政区域。', body: '适用范围太窄。' });
    const json = JSON.stringify(list);
    for (const secret of [chen.email, john.email, '@test.lawbench', '陈小明', 'Smith', '198.51.100.1', chen.id, '13800000000']) expect(json).not.toContain(secret);
  });

  it('filters by article, or by the draft as a whole', () => {
    expect(listPublishedComments(s.consultationId, { articleEid: 'art_2' }, db, openingDay).map((c) => c.id)).toEqual([first.id]);
    expect(listPublishedComments(s.consultationId, { articleEid: null }, db, openingDay).map((c) => c.id)).toEqual([second.id]);
  });

  it('shows dispositions only once the report is published', () => {
    expect(listPublishedComments(s.consultationId, {}, db, openingDay)[0].disposition).toBeNull();
    db.update(consultations).set({ reportPublishedAt: at(100) }).where(eq(consultations.id, s.consultationId)).run();
    expect(listPublishedComments(s.consultationId, {}, db, openingDay)[0].disposition).toEqual({ disposition: 'adopted', reason: '已修改为本市行政区域。', decidedAt: at(10).toISOString() });
  });

  it('gives each proposal the word difference stored with the comment, without diffing it again', () => {
    expect(listPublishedComments(s.consultationId, { articleEid: 'art_2' }, db, openingDay)[0].proposedDiff).toEqual([
      { op: 'equal', text: '本条例适用于本市' },
      { op: 'insert', text: '行政区域' },
      { op: 'equal', text: '。' },
    ]);
    // What is stored is what is shown: a view that diffed again would not show this.
    const stored = [{ op: 'insert' as const, text: '（存储的差异）' }];
    db.update(consultationComments).set({ proposedDiff: stored }).where(eq(consultationComments.id, first.id)).run();
    expect(listPublishedComments(s.consultationId, {}, db, openingDay).map((c) => c.proposedDiff)).toEqual([stored, null]);
  });

  it('diffs a proposal stored without its difference once, on first reading, and writes it back', async () => {
    const o = await openedConsultation(db, { moderation: 'post' });
    const older = submitComment(chen, o.consultationId, { articleEid: 'art_4', body: '改日期。', proposedText: '本条例自2026年1月1日起施行。' }, { address: null }, db, at(4));
    db.update(consultationComments).set({ proposedDiff: null }).where(eq(consultationComments.id, older.id)).run();
    const diff = listPublishedComments(o.consultationId, {}, db, openingDay)[0].proposedDiff;
    expect(diff?.filter((t) => t.op !== 'equal')).toEqual([
      { op: 'delete', text: '2025' },
      { op: 'insert', text: '2026' },
    ]);
    expect(db.select({ d: consultationComments.proposedDiff }).from(consultationComments).where(eq(consultationComments.id, older.id)).get()!.d).toEqual(diff);
  });

  it('shows nothing of a consultation not open yet', async () => {
    const later = await openedConsultation(db, { opensOn: '2025-04-01', closesOn: '2025-04-30' });
    expect(() => listPublishedComments(later.consultationId, {}, db, openingDay)).toThrow('consultation_not_found');
  });

  it('pages the list with limit and offset, in the same order', () => {
    const all = listPublishedComments(s.consultationId, {}, db, openingDay).map((c) => c.id);
    const pages = [0, 1].map((offset) => listPublishedComments(s.consultationId, { limit: 1, offset }, db, openingDay).map((c) => c.id));
    expect(pages).toEqual([[all[0]], [all[1]]]);
    expect(listPublishedComments(s.consultationId, { limit: 1, offset: 2 }, db, openingDay)).toEqual([]);
  });
});
