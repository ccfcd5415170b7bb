import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { engines } from '@/db/engineTesting';
import type { Engine } from '@/db/engine';
import { insertTestAccount } from '@/lib/auth/testing';
import { AppError, isAppError } from '@/lib/errors';
import { outcome } from '@/lib/workflow/testing/outcome';
import { submitComment } from './submitComment';
import { openedConsultation, openingDay } from './testing/openedConsultation';

const at = (iso: string) => new Date(iso);
const none = { address: null };

async function refusal(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

// The stored row of a comment.
async function stored(engine: Engine, id: string) {
  const c = engine.t.consultationComments;
  const [row] = await engine.db.select().from(c).where(eq(c.id, id));
  return row;
}

describe.each(engines())('submitComment on $name', ({ engine }) => {
  const person = (name: string) => insertTestAccount(engine(), { name });
  // Opens every connection of PostgreSQL's pool (10) before a race, so that the racing calls run
  // side by side instead of one after another while new connections are made.
  const warmPool = () => Promise.all(Array.from({ length: 10 }, () => engine().db.select({ id: engine().t.users.id }).from(engine().t.users).limit(1)));

  it('gives a receipt YJ + China date + six Crockford characters, queued under pre-moderation', async () => {
    const pre = await openedConsultation(engine());
    const chen = await person('陈小明');
    // 17:00 UTC on 1 March is already 2 March in China.
    const receipt = await submitComment(engine(), chen, pre.consultationId, { articleEid: 'art_3', body: '  建议增加“公示”。 ', proposedText: '有关部门应当履行下列职责并公示：' }, none, at('2025-03-01T17:00:00Z'));
    expect(receipt.reference).toMatch(/^YJ20250302-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(receipt.status).toBe('pending');
    expect(await stored(engine(), receipt.id)).toMatchObject({ authorId: chen.id, articleEid: 'art_3', body: '建议增加“公示”。', status: 'pending', groupId: null, addressHash: null, tags: [], createdAt: at('2025-03-01T17:00:00Z') });
  });

  it('publishes at once under post-moderation, and takes the whole draft when no article is named', async () => {
    const post = await openedConsultation(engine(), { moderation: 'post' });
    const receipt = await submitComment(engine(), await person('陈'), post.consultationId, { body: '总体赞成。', articleEid: '' }, none, openingDay);
    expect(receipt.status).toBe('published');
    expect((await stored(engine(), receipt.id)).articleEid).toBeNull();
  });

  it('stores a proposed wording with its word difference to the article, and none without a proposal or an article', async () => {
    const post = await openedConsultation(engine(), { moderation: 'post' });
    const chen = await person('陈');
    const diffOf = async (input: { articleEid?: string; body: string; proposedText?: string }) =>
      (await stored(engine(), (await submitComment(engine(), chen, post.consultationId, input, none, openingDay)).id)).proposedDiff;
    // 第二条 reads 本条例适用于本市。 in the consulted version.
    expect(await diffOf({ articleEid: 'art_2', body: '范围太窄。', proposedText: '本条例适用于本市行政区域。' })).toEqual([
      { op: 'equal', text: '本条例适用于本市' },
      { op: 'insert', text: '行政区域' },
      { op: 'equal', text: '。' },
    ]);
    expect(await diffOf({ articleEid: 'art_2', body: '只是意见。' })).toBeNull();
    // A proposal on the draft as a whole has no article to be compared with.
    expect(await diffOf({ body: '总体意见。', proposedText: '另起一部条例。' })).toBeNull();
  });

  it('refuses articles the consulted version does not have, and text with control characters', async () => {
    const pre = await openedConsultation(engine());
    const chen = await person('陈');
    await expect(submitComment(engine(), chen, pre.consultationId, { articleEid: 'art_99', body: '意见' }, none, openingDay)).rejects.toThrow('comment_article_unknown');
    await expect(submitComment(engine(), chen, pre.consultationId, { body: '意见\u0000' }, none, openingDay)).rejects.toThrow('comment_body_invalid');
    await expect(submitComment(engine(), chen, pre.consultationId, { body: '' }, none, openingDay)).rejects.toThrow('comment_body_required');
  });

  it('takes comments from the opening to the closing day (China dates) only', async () => {
    const pre = await openedConsultation(engine());
    const chen = await person('陈');
    expect((await submitComment(engine(), chen, pre.consultationId, { body: '最后一天' }, none, at('2025-03-30T15:59:59Z'))).status).toBe('pending');
    expect(await refusal(() => submitComment(engine(), chen, pre.consultationId, { body: '晚了' }, none, at('2025-03-30T16:00:00Z')))).toMatchObject({ code: 'conflict', message: 'consultation_closed' });
    expect(await refusal(() => submitComment(engine(), chen, pre.consultationId, { body: '早了' }, none, at('2025-02-28T15:59:59Z')))).toMatchObject({
      code: 'conflict',
      message: 'consultation_not_open',
    });
    expect(await refusal(() => submitComment(engine(), chen, crypto.randomUUID(), { body: '没有' }, none, openingDay))).toMatchObject({ code: 'not_found', message: 'consultation_not_found' });
    expect((await refusal(() => submitComment(engine(), null, pre.consultationId, { body: '匿名' }, none, openingDay))).code).toBe('unauthenticated');
  });

  it('limits an account to 10 comments per 10 minutes and 100 a day, saying when to retry', async () => {
    const s = await openedConsultation(engine());
    const busy = await person('忙人');
    const start = at('2025-03-05T02:00:00Z').getTime();
    for (let i = 0; i < 10; i++) await submitComment(engine(), busy, s.consultationId, { body: `第${i}条意见` }, none, new Date(start + i * 30_000));
    const e = await refusal(() => submitComment(engine(), busy, s.consultationId, { body: '第十一条意见' }, none, new Date(start + 300_000)));
    expect(e).toMatchObject({ code: 'too_many_attempts', message: 'comment_rate_limited', retryAfterSeconds: 300 });
    expect(e.status).toBe(429);
    // Ten minutes after the first, there is room for one more.
    expect((await submitComment(engine(), busy, s.consultationId, { body: '第十一条意见' }, none, new Date(start + 600_000))).status).toBe('pending');

    const daily = await person('勤快人');
    for (let i = 0; i < 100; i++) await submitComment(engine(), daily, s.consultationId, { body: `意见${i}` }, none, new Date(start + i * 61_000));
    const lastHour = start + 100 * 61_000;
    const day = await refusal(() => submitComment(engine(), daily, s.consultationId, { body: '再来一条' }, none, new Date(lastHour)));
    expect(day.retryAfterSeconds).toBe(86_400 - 6100);
    expect((await submitComment(engine(), daily, s.consultationId, { body: '再来一条' }, none, new Date(start + 86_400_000 + 1))).status).toBe('pending');
  });

  it('holds the limit when one account sends many comments at the same moment', async () => {
    const s = await openedConsultation(engine());
    const script = await person('脚本');
    const moment = at('2025-03-07T02:00:00Z');
    await warmPool();
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => outcome(() => submitComment(engine(), script, s.consultationId, { body: `同时${i}` }, none, moment))));
    expect(results.filter((r) => r === 'ok')).toHaveLength(10);
    expect(results.filter((r) => r === 'too_many_attempts:comment_rate_limited')).toHaveLength(50);
  });

  it('limits a network address to 60 comments per 10 minutes across accounts; no address, no address limit', async () => {
    const s = await openedConsultation(engine());
    const start = at('2025-03-06T02:00:00Z').getTime();
    const cafe = { address: '203.0.113.7' };
    for (let i = 0; i < 60; i++) await submitComment(engine(), await person(`网吧${i}`), s.consultationId, { body: `意见${i}` }, cafe, new Date(start + i * 1000));
    const e = await refusal(async () => submitComment(engine(), await person('又一位'), s.consultationId, { body: '意见' }, cafe, new Date(start + 60_000)));
    expect(e).toMatchObject({ message: 'comment_rate_limited', retryAfterSeconds: 540 });
    expect((await submitComment(engine(), await person('隔壁'), s.consultationId, { body: '意见' }, { address: '203.0.113.8' }, new Date(start + 60_000))).status).toBe('pending');
    expect((await submitComment(engine(), await person('无地址'), s.consultationId, { body: '意见' }, none, new Date(start + 60_000))).status).toBe('pending');
    // Only a hash of the address is kept.
    const c = engine().t.consultationComments;
    const hashes = await engine().db.select({ h: c.addressHash }).from(c).where(eq(c.consultationId, s.consultationId));
    expect(hashes.every((r) => r.h === null || /^[0-9a-f]{64}$/.test(r.h))).toBe(true);
    expect(JSON.stringify(hashes)).not.toContain('203.0.113');
  });

  it('puts copies of one campaign text in one group at once, however they are spaced and punctuated', async () => {
    const s = await openedConsultation(engine());
    const send = async (name: string, body: string, articleEid?: string) => (await submitComment(engine(), await person(name), s.consultationId, { articleEid, body }, none, openingDay)).id;
    const ids = [
      await send('市民0', '我们坚决反对第三条！', 'art_3'),
      await send('市民1', '我们 坚决反对 第三条。', 'art_3'),
      await send('市民2', '我们坚决反对第三条', 'art_3'),
      await send('市民3', 'ＷＥ我们坚决反对第三条', 'art_3'),
    ];
    const other = await send('市民X', 'we我们坚决反对第三条', 'art_3');
    const group = async (id: string) => (await stored(engine(), id)).groupId;
    expect(await group(ids[0])).toBeNull();
    expect(await group(ids[1])).toBe(ids[0]);
    expect(await group(ids[2])).toBe(ids[0]);
    // NFKC: full-width ＷＥ is we; the fourth starts a second text, the fifth joins it.
    expect(await group(ids[3])).toBeNull();
    expect(await group(other)).toBe(ids[3]);
    // The same text is the same campaign whichever article it was sent on.
    expect(await group(await send('市民Y', '我们坚决反对第三条!'))).toBe(ids[0]);
  });

  it('starts one group, not several, when copies of a new text arrive at the same moment', async () => {
    const s = await openedConsultation(engine());
    const senders = await Promise.all(Array.from({ length: 8 }, (_, i) => person(`同时${i}`)));
    await warmPool();
    const receipts = await Promise.all(senders.map((p) => submitComment(engine(), p, s.consultationId, { articleEid: 'art_3', body: '请删除第三条第二项！' }, none, openingDay)));
    const rows = await Promise.all(receipts.map((r) => stored(engine(), r.id)));
    const leaders = rows.filter((r) => r.groupId === null);
    expect(leaders).toHaveLength(1);
    expect(rows.every((r) => r.groupId === null || r.groupId === leaders[0].id)).toBe(true);
  });

  it('writes no audit row per comment: the comment row is the record', async () => {
    const a = engine().t.auditEvents;
    expect(await engine().db.select().from(a).where(eq(a.targetType, 'consultation_comment'))).toHaveLength(0);
  });

  it('takes comments from many senders at once, each stored with its own reference (the rate is measured by npm run bench -- comments)', async () => {
    const s = await openedConsultation(engine(), { moderation: 'post' });
    const people = await Promise.all(Array.from({ length: 500 }, (_, i) => person(`市民${i}`)));
    const eids = [null, 'art_1', 'art_2', 'art_3', 'art_4'];
    const receipts = await Promise.all(
      people.map((p, i) =>
        submitComment(engine(), p, s.consultationId, { articleEid: eids[i % 5], body: `第${i}位市民的意见：建议明确有关部门的职责和期限。` }, { address: `10.0.${i >> 8}.${i & 255}` }, openingDay),
      ),
    );
    expect(new Set(receipts.map((r) => r.reference)).size).toBe(500);
    expect(receipts.every((r) => r.status === 'published')).toBe(true);
    const c = engine().t.consultationComments;
    expect(await engine().db.select({ id: c.id }).from(c).where(and(eq(c.consultationId, s.consultationId), eq(c.status, 'published')))).toHaveLength(500);
  });
});
