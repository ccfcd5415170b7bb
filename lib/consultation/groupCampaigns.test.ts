import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { engines } from '@/db/engineTesting';
import { insertTestAccount } from '@/lib/auth/testing';
import { groupCampaigns } from './groupCampaigns';
import { listStaffComments } from './listStaffComments';
import { moderateComment } from './moderateComment';
import { submitComment } from './submitComment';
import { openedConsultation, openingDay } from './testing/openedConsultation';

const letter = '我们是本市养犬居民，坚决反对第三条关于登记的规定，登记收费过高，手续繁琐，请予以删除。';

describe.each(engines())('groupCampaigns on $name', ({ engine }) => {
  let minute = 0;
  const citizen = () => insertTestAccount(engine(), { role: 'public', name: '市民' });
  const submit = async (consultationId: string, body: string, articleEid?: string) =>
    (await submitComment(engine(), await citizen(), consultationId, { body, articleEid }, { address: null }, new Date(openingDay.getTime() + ++minute * 60_000))).id;
  const groupOf = async (id: string) => {
    const c = engine().t.consultationComments;
    const [r] = await engine().db.select({ g: c.groupId }).from(c).where(eq(c.id, id));
    return r.g ?? id;
  };
  const commentCount = async (consultationId: string) => {
    const c = engine().t.consultationComments;
    return (await engine().db.select({ id: c.id }).from(c).where(eq(c.consultationId, consultationId))).length;
  };

  /// A consultation of its own with the letter, its copies and variants, and other comments, for
  /// a test that groups them: grouping changes the rows, so each such test sends its own.
  /// Sent one at a time, a minute apart, in this order: the order decides who leads a group.
  async function sentComments() {
    const s = await openedConsultation(engine());
    const send = (body: string, articleEid?: string) => submit(s.consultationId, body, articleEid);
    const first = await send(letter, 'art_3');
    const copy = await send(letter.replace('，', ' , '), 'art_3');
    const variants = [await send(letter.replace('本市', '本区'), 'art_3'), await send(letter.replace('坚决', '强烈'), 'art_3'), await send(`${letter}谢谢！`, 'art_3')];
    const elsewhere = await send(letter.replace('本市', '本县'), 'art_2');
    const general = [await send('总体赞成本条例，建议尽快通过实施，方便群众办事。'), await send('总体赞成本条例，建议尽快通过并实施，方便群众办事！')];
    const different = await send('第三条应当增加电子登记的方式，减少群众跑腿。', 'art_3');
    const rejected = await send(letter.replace('本市', '全市'), 'art_3');
    await moderateComment(engine(), s.reviewer, rejected, { action: 'reject', reason: 'spam' });
    const pair = [await send('建议第二条适用范围扩大到所辖县区。', 'art_2'), await send('建议第二条适用范围扩大到所辖各县区。', 'art_2')];
    return { s, first, copy, variants, elsewhere, general, different, rejected, pair };
  }

  it('joins near-identical comments on the same article (or both general) to a group; leaves others alone', async () => {
    const { s, first, copy, variants, elsewhere, general, different, rejected, pair } = await sentComments();
    expect(await groupOf(copy)).toBe(first);
    const result = await groupCampaigns(engine(), s.editor, s.consultationId);
    for (const v of variants) expect(await groupOf(v)).toBe(first);
    expect(await groupOf(elsewhere)).toBe(elsewhere);
    expect(await groupOf(general[1])).toBe(await groupOf(general[0]));
    expect(await groupOf(pair[1])).toBe(await groupOf(pair[0]));
    expect(await groupOf(different)).toBe(different);
    expect(await groupOf(rejected)).toBe(rejected);
    // The letter's group gained three; two new groups of two formed (general, and the pair).
    expect(result).toEqual({ groups: 3, grouped: 7 });
    const sizes = new Map((await listStaffComments(engine(), s.editor, s.consultationId, {})).map((c) => [c.id, c.groupSize]));
    expect([first, general[0], different].map((id) => sizes.get(id))).toEqual([5, 2, 1]);
  });

  it('does nothing more when run again, and never deletes a comment; audited when it grouped', async () => {
    const { s, first } = await sentComments();
    await groupCampaigns(engine(), s.editor, s.consultationId);
    const before = await commentCount(s.consultationId);
    expect(await groupCampaigns(engine(), s.reviewer, s.consultationId)).toEqual({ groups: 0, grouped: 0 });
    expect(await commentCount(s.consultationId)).toBe(before);
    const a = engine().t.auditEvents;
    expect(await engine().db.select().from(a).where(and(eq(a.action, 'consultation.group'), eq(a.targetId, s.consultationId)))).toHaveLength(1);
    const late = await submit(s.consultationId, letter.replace('过高', '太高'), 'art_3');
    expect(await groupCampaigns(engine(), s.editor, s.consultationId)).toEqual({ groups: 1, grouped: 1 });
    expect(await groupOf(late)).toBe(first);
  });

  it('is for staff members of the bill', async () => {
    const s = await openedConsultation(engine());
    await expect(groupCampaigns(engine(), s.outsider, s.consultationId)).rejects.toThrow('consultation_not_found');
    await expect(groupCampaigns(engine(), await insertTestAccount(engine(), { role: 'public', name: '陈' }), s.consultationId)).rejects.toThrow('consultation_not_found');
  });

  // A copy of the letter arriving while groupCampaigns regroups must not join a group through a
  // copy whose group is being changed under it. Each round: a variant of the letter, then the
  // letter, sent one after the other (ungrouped: their body keys differ); then groupCampaigns,
  // which would put the letter into the variant's group, runs together with eight more copies of
  // the letter, started later and further apart each round (all at once in the first), so that
  // copies are stored before it, while it runs and after it. Whichever comes first, every copy
  // ends in one group with the variant, led by the variant or the first letter, a comment that
  // leads itself; and no comment is lost.
  it('leaves a comment sent while it runs in a consistent group', async () => {
    for (let round = 0; round < 6; round++) {
      const c = await openedConsultation(engine());
      const at = (n: number) => new Date(openingDay.getTime() + n * 60_000);
      const send = async (body: string, when: Date) => (await submitComment(engine(), await citizen(), c.consultationId, { body, articleEid: 'art_3' }, { address: null }, when)).id;
      const variant = await send(letter.replace('本市', '本区'), at(1));
      const firstLetter = await send(letter, at(2));
      const senders = await Promise.all(Array.from({ length: 8 }, () => citizen()));
      const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      const [, ...copies] = await Promise.all([
        groupCampaigns(engine(), c.editor, c.consultationId),
        ...senders.map(async (sender, i) => {
          await later(round * 5 + i * round);
          return (await submitComment(engine(), sender, c.consultationId, { body: letter, articleEid: 'art_3' }, { address: null }, at(3 + i))).id;
        }),
      ]);
      const letters = [firstLetter, ...(copies as string[])];
      const keys = new Set(await Promise.all(letters.map(groupOf)));
      expect(keys.size, `round ${round}: the copies are in ${keys.size} groups`).toBe(1);
      const [leader] = keys;
      expect([variant, firstLetter]).toContain(leader);
      expect(await groupOf(leader)).toBe(leader);
      expect(await groupOf(variant)).toBe(leader);
      expect(await commentCount(c.consultationId)).toBe(10);
    }
  });
});
