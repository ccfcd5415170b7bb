import { sqliteEngine } from '@/db/engine';
import { insertTestUser } from '@/lib/auth/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { freshDatabase } from '@/db/testing';
import { auditEvents, consultationComments } from '@/db/schema';
import { groupCampaigns } from './groupCampaigns';
import { listStaffComments } from './listStaffComments';
import { moderateComment } from './moderateComment';
import { submitComment } from './submitComment';
import { openedConsultation, openingDay } from './testing/openedConsultation';

const t = freshDatabase();
afterAll(t.cleanup);
const { db } = t;

const letter = '我们是本市养犬居民，坚决反对第三条关于登记的规定，登记收费过高，手续繁琐，请予以删除。';

describe('groupCampaigns', async () => {
  const s = await openedConsultation(sqliteEngine(db));
  let minute = 0;
  const submit = async (body: string, articleEid?: string) =>
    (await submitComment(sqliteEngine(db), insertTestUser(db, 'public', '市民'), s.consultationId, { body, articleEid }, { address: null }, new Date(openingDay.getTime() + ++minute * 60_000))).id;
  const groupOf = (id: string) => {
    const r = db.select({ g: consultationComments.groupId }).from(consultationComments).where(eq(consultationComments.id, id)).get()!;
    return r.g ?? id;
  };

  const first = await submit(letter, 'art_3');
  const copy = await submit(letter.replace('，', ' , '), 'art_3');
  const variants = [
    await submit(letter.replace('本市', '本区'), 'art_3'),
    await submit(letter.replace('坚决', '强烈'), 'art_3'),
    await submit(`${letter}谢谢！`, 'art_3'),
  ];
  const elsewhere = await submit(letter.replace('本市', '本县'), 'art_2');
  const general = [await submit('总体赞成本条例，建议尽快通过实施，方便群众办事。'), await submit('总体赞成本条例，建议尽快通过并实施，方便群众办事！')];
  const different = await submit('第三条应当增加电子登记的方式，减少群众跑腿。', 'art_3');
  const rejected = await submit(letter.replace('本市', '全市'), 'art_3');
  await moderateComment(sqliteEngine(db), s.reviewer, rejected, { action: 'reject', reason: 'spam' });
  const pair = [await submit('建议第二条适用范围扩大到所辖县区。', 'art_2'), await submit('建议第二条适用范围扩大到所辖各县区。', 'art_2')];

  it('joins near-identical comments on the same article (or both general) to a group; leaves others alone', async () => {
    expect(groupOf(copy)).toBe(first);
    const result = await groupCampaigns(sqliteEngine(db), s.editor, s.consultationId);
    for (const v of variants) expect(groupOf(v)).toBe(first);
    expect(groupOf(elsewhere)).toBe(elsewhere);
    expect(groupOf(general[1])).toBe(groupOf(general[0]));
    expect(groupOf(pair[1])).toBe(groupOf(pair[0]));
    expect(groupOf(different)).toBe(different);
    expect(groupOf(rejected)).toBe(rejected);
    // The letter's group gained three; two new groups of two formed (general, and the pair).
    expect(result).toEqual({ groups: 3, grouped: 7 });
    const sizes = new Map((await listStaffComments(sqliteEngine(db), s.editor, s.consultationId, {})).map((c) => [c.id, c.groupSize]));
    expect([first, general[0], different].map((id) => sizes.get(id))).toEqual([5, 2, 1]);
  });

  it('does nothing more when run again, and never deletes a comment; audited when it grouped', async () => {
    const before = db.select().from(consultationComments).where(eq(consultationComments.consultationId, s.consultationId)).all().length;
    expect(await groupCampaigns(sqliteEngine(db), s.reviewer, s.consultationId)).toEqual({ groups: 0, grouped: 0 });
    expect(db.select().from(consultationComments).where(eq(consultationComments.consultationId, s.consultationId)).all()).toHaveLength(before);
    expect(db.select().from(auditEvents).where(and(eq(auditEvents.action, 'consultation.group'), eq(auditEvents.targetId, s.consultationId))).all()).toHaveLength(1);
    const late = await submit(letter.replace('过高', '太高'), 'art_3');
    expect(await groupCampaigns(sqliteEngine(db), s.editor, s.consultationId)).toEqual({ groups: 1, grouped: 1 });
    expect(groupOf(late)).toBe(first);
  });

  it('is for staff members of the bill', async () => {
    await expect(groupCampaigns(sqliteEngine(db), s.outsider, s.consultationId)).rejects.toThrow('consultation_not_found');
    await expect(groupCampaigns(sqliteEngine(db), insertTestUser(db, 'public', '陈'), s.consultationId)).rejects.toThrow('consultation_not_found');
  });
});
