import { insertTestUser } from '@/lib/auth/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDatabase } from '@/db/testing';
import { auditEvents, consultationComments } from '@/db/schema';
import { AppError, isAppError } from '@/lib/errors';
import { submitComment } from './submitComment';
import { openedConsultation, openingDay } from './testing/openedConsultation';

const t = freshDatabase();
afterAll(t.cleanup);
const { db } = t;

const at = (iso: string) => new Date(iso);
const none = { address: null };

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('submitComment', async () => {
  const pre = await openedConsultation(db);
  const post = await openedConsultation(db, { moderation: 'post' });
  const chen = insertTestUser(db, 'public', '陈小明');

  it('gives a receipt YJ + China date + six Crockford characters, queued under pre-moderation', () => {
    // 17:00 UTC on 1 March is already 2 March in China.
    const receipt = submitComment(chen, pre.consultationId, { articleEid: 'art_3', body: '  建议增加“公示”。 ', proposedText: '有关部门应当履行下列职责并公示：' }, none, db, at('2025-03-01T17:00:00Z'));
    expect(receipt.reference).toMatch(/^YJ20250302-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(receipt.status).toBe('pending');
    const row = db.select().from(consultationComments).where(eq(consultationComments.id, receipt.id)).get()!;
    expect(row).toMatchObject({ authorId: chen.id, articleEid: 'art_3', body: '建议增加“公示”。', status: 'pending', groupId: null, addressHash: null, tags: [] });
  });

  it('publishes at once under post-moderation, and takes the whole draft when no article is named', () => {
    const receipt = submitComment(chen, post.consultationId, { body: '总体赞成。', articleEid: '' }, none, db, openingDay);
    expect(receipt.status).toBe('published');
    expect(db.select().from(consultationComments).where(eq(consultationComments.id, receipt.id)).get()!.articleEid).toBeNull();
  });

  it('stores a proposed wording with its word difference to the article, and none without a proposal or an article', () => {
    const proposed = submitComment(chen, post.consultationId, { articleEid: 'art_2', body: '范围太窄。', proposedText: '本条例适用于本市行政区域。' }, none, db, openingDay);
    const stored = (id: string) => db.select({ diff: consultationComments.proposedDiff }).from(consultationComments).where(eq(consultationComments.id, id)).get()!.diff;
    // 第二条 reads 本条例适用于本市。 in the consulted version.
    expect(stored(proposed.id)).toEqual([
      { op: 'equal', text: '本条例适用于本市' },
      { op: 'insert', text: '行政区域' },
      { op: 'equal', text: '。' },
    ]);
    expect(stored(submitComment(chen, post.consultationId, { articleEid: 'art_2', body: '只是意见。' }, none, db, openingDay).id)).toBeNull();
    // A proposal on the draft as a whole has no article to be compared with.
    expect(stored(submitComment(chen, post.consultationId, { body: '总体意见。', proposedText: '另起一部条例。' }, none, db, openingDay).id)).toBeNull();
  });

  it('refuses articles the consulted version does not have, and text with control characters', () => {
    expect(() => submitComment(chen, pre.consultationId, { articleEid: 'art_99', body: '意见' }, none, db, openingDay)).toThrow('comment_article_unknown');
    expect(() => submitComment(chen, pre.consultationId, { body: '意见\u0000' }, none, db, openingDay)).toThrow('comment_body_invalid');
    expect(() => submitComment(chen, pre.consultationId, { body: '' }, none, db, openingDay)).toThrow('comment_body_required');
  });

  it('takes comments from the opening to the closing day (China dates) only', () => {
    expect(submitComment(chen, pre.consultationId, { body: '最后一天' }, none, db, at('2025-03-30T15:59:59Z')).status).toBe('pending');
    expect(refusal(() => submitComment(chen, pre.consultationId, { body: '晚了' }, none, db, at('2025-03-30T16:00:00Z')))).toMatchObject({ code: 'conflict', message: 'consultation_closed' });
    expect(refusal(() => submitComment(chen, pre.consultationId, { body: '早了' }, none, db, at('2025-02-28T15:59:59Z')))).toMatchObject({
      code: 'conflict',
      message: 'consultation_not_open',
    });
    expect(refusal(() => submitComment(chen, crypto.randomUUID(), { body: '没有' }, none, db, openingDay))).toMatchObject({ code: 'not_found', message: 'consultation_not_found' });
    expect(refusal(() => submitComment(null, pre.consultationId, { body: '匿名' }, none, db, openingDay)).code).toBe('unauthenticated');
  });

  it('limits an account to 10 comments per 10 minutes and 100 a day, saying when to retry', async () => {
    const s = await openedConsultation(db);
    const busy = insertTestUser(db, 'public', '忙人');
    const start = at('2025-03-05T02:00:00Z').getTime();
    for (let i = 0; i < 10; i++) submitComment(busy, s.consultationId, { body: `第${i}条意见` }, none, db, new Date(start + i * 30_000));
    const e = refusal(() => submitComment(busy, s.consultationId, { body: '第十一条意见' }, none, db, new Date(start + 300_000)));
    expect(e).toMatchObject({ code: 'too_many_attempts', message: 'comment_rate_limited', retryAfterSeconds: 300 });
    expect(e.status).toBe(429);
    // Ten minutes after the first, there is room for one more.
    expect(submitComment(busy, s.consultationId, { body: '第十一条意见' }, none, db, new Date(start + 600_000)).status).toBe('pending');

    const daily = insertTestUser(db, 'public', '勤快人');
    for (let i = 0; i < 100; i++) submitComment(daily, s.consultationId, { body: `意见${i}` }, none, db, new Date(start + i * 61_000));
    const lastHour = start + 100 * 61_000;
    const day = refusal(() => submitComment(daily, s.consultationId, { body: '再来一条' }, none, db, new Date(lastHour)));
    expect(day.retryAfterSeconds).toBe(86_400 - 6100);
    expect(submitComment(daily, s.consultationId, { body: '再来一条' }, none, db, new Date(start + 86_400_000 + 1)).status).toBe('pending');
  });

  it('limits a network address to 60 comments per 10 minutes across accounts; no address, no address limit', async () => {
    const s = await openedConsultation(db);
    const start = at('2025-03-06T02:00:00Z').getTime();
    const cafe = { address: '203.0.113.7' };
    for (let i = 0; i < 60; i++) submitComment(insertTestUser(db, 'public', `网吧${i}`), s.consultationId, { body: `意见${i}` }, cafe, db, new Date(start + i * 1000));
    const e = refusal(() => submitComment(insertTestUser(db, 'public', '又一位'), s.consultationId, { body: '意见' }, cafe, db, new Date(start + 60_000)));
    expect(e).toMatchObject({ message: 'comment_rate_limited', retryAfterSeconds: 540 });
    expect(submitComment(insertTestUser(db, 'public', '隔壁'), s.consultationId, { body: '意见' }, { address: '203.0.113.8' }, db, new Date(start + 60_000)).status).toBe('pending');
    expect(submitComment(insertTestUser(db, 'public', '无地址'), s.consultationId, { body: '意见' }, none, db, new Date(start + 60_000)).status).toBe('pending');
    // Only a hash of the address is kept.
    const hashes = db.select({ h: consultationComments.addressHash }).from(consultationComments).where(eq(consultationComments.consultationId, s.consultationId)).all();
    expect(hashes.every((r) => r.h === null || /^[0-9a-f]{64}$/.test(r.h))).toBe(true);
    expect(JSON.stringify(hashes)).not.toContain('203.0.113');
  });

  it('puts copies of one campaign text in one group at once, however they are spaced and punctuated', async () => {
    const s = await openedConsultation(db);
    const ids = ['我们坚决反对第三条！', '我们 坚决反对 第三条。', '我们坚决反对第三条', 'ＷＥ我们坚决反对第三条'].map(
      (body, i) => submitComment(insertTestUser(db, 'public', `市民${i}`), s.consultationId, { articleEid: 'art_3', body }, none, db, openingDay).id,
    );
    const other = submitComment(insertTestUser(db, 'public', '市民X'), s.consultationId, { articleEid: 'art_3', body: 'we我们坚决反对第三条' }, none, db, openingDay).id;
    const group = (id: string) => db.select({ g: consultationComments.groupId }).from(consultationComments).where(eq(consultationComments.id, id)).get()!.g;
    expect(group(ids[0])).toBeNull();
    expect(group(ids[1])).toBe(ids[0]);
    expect(group(ids[2])).toBe(ids[0]);
    // NFKC: full-width ＷＥ is we; the fourth starts a second text, the fifth joins it.
    expect(group(ids[3])).toBeNull();
    expect(group(other)).toBe(ids[3]);
    // The same text is the same campaign whichever article it was sent on.
    const general = submitComment(insertTestUser(db, 'public', '市民Y'), s.consultationId, { body: '我们坚决反对第三条!' }, none, db, openingDay).id;
    expect(group(general)).toBe(ids[0]);
  });

  it('writes no audit row per comment: the comment row is the record', () => {
    expect(db.select().from(auditEvents).where(eq(auditEvents.targetType, 'consultation_comment')).all()).toHaveLength(0);
  });

  it('takes comments from many senders at once, each stored with its own reference (the rate is measured by npm run bench -- comments)', async () => {
    const s = await openedConsultation(db, { moderation: 'post' });
    const people = Array.from({ length: 2000 }, (_, i) => insertTestUser(db, 'public', `市民${i}`));
    const eids = [null, 'art_1', 'art_2', 'art_3', 'art_4'];
    const receipts = people.map((person, i) =>
      submitComment(person, s.consultationId, { articleEid: eids[i % 5], body: `第${i}位市民的意见：建议明确有关部门的职责和期限。` }, { address: `10.0.${i >> 8}.${i & 255}` }, db, openingDay),
    );
    expect(new Set(receipts.map((r) => r.reference)).size).toBe(2000);
    expect(receipts.every((r) => r.status === 'published')).toBe(true);
    const stored = db.$client.prepare('select count(*) as n from consultation_comments where consultation_id = ?').get(s.consultationId) as { n: number };
    expect(stored.n).toBe(2000);
  });
});
