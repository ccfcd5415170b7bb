import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteEngine } from '@/db/engine';
import { freshDatabase } from '@/db/testing';
import { insertUser } from '@/lib/auth';
import { createSession, invalidateSession } from '@/lib/auth';
import type { CurrentUser } from '@/lib/auth';
import { seedLibrary } from '@/lib/demo';
import { getRegulation } from '@/lib/library';
import { authorizeCollabConnection } from './authorizeCollabConnection';
import { createBill } from './createBill';
import { createCollabTicket } from './createCollabTicket';
import { getBill } from './getBill';
import { getDraftText } from './getDraftText';
import { listBills } from './listBills';
import { setBillMember } from './setBillMember';

const t = freshDatabase();
afterAll(t.cleanup);
const people: Record<string, CurrentUser> = {};

beforeAll(async () => {
  for (const [key, role] of [['wang', 'drafter'], ['li', 'drafter'], ['zhao', 'reviewer'], ['chen', 'public'], ['admin', 'admin']] as const) {
    people[key] = await insertUser(sqliteEngine(t.db), { email: `${key}@x.cn`, name: key, password: 'password-1', role }, null);
  }
  await seedLibrary(t.db);
});

describe('createBill', () => {
  it('starts an amendment draft from the text in force, every article keeping its eid', () => {
    const reg = getRegulation('舟山市养犬管理条例', {}, t.db);
    const { id, draftId } = createBill(people.wang, { title: '舟山市养犬管理条例', kind: 'local_regulation', from: { regulationId: reg.regulation.id }, members: [{ email: 'li@x.cn', role: 'editor' }, { email: 'zhao@x.cn', role: 'editor' }] }, t.db);
    const text = getDraftText(people.wang, draftId, t.db);
    expect(text.articles.map((a) => a.eid)).toEqual(reg.text.articles.map((a) => a.eid));
    expect(text.articles).toEqual(reg.text.articles);
    const bill = getBill(people.li, id, t.db);
    // The creator coordinates it; a reviewer account listed as editor is made a reviewer:
    // reviewers never type in the text. The bill starts at 立项.
    expect(bill.members.map((m) => [m.name, m.role]).sort()).toEqual([['li', 'editor'], ['wang', 'coordinator'], ['zhao', 'reviewer']]);
    expect(bill.stage).toBe('proposal');
    expect(bill.regulationTitle).toBe('舟山市养犬管理条例');
  });

  it('starts blank with 第一章 总则 and 第一条, or from pasted text', () => {
    const blank = createBill(people.wang, { title: '测试条例', kind: 'government_rule' }, t.db);
    expect(getDraftText(people.wang, blank.draftId, t.db).articles.map((a) => a.label)).toEqual(['第一条']);
    const pasted = createBill(people.wang, { title: '粘贴条例', kind: 'local_regulation', from: { text: '粘贴条例\n\n第一条 为了测试。\n\n第二条 依照本条例第一条办理。' } }, t.db);
    const text = getDraftText(people.wang, pasted.draftId, t.db);
    expect(text.title).toBe('粘贴条例');
    expect(text.articles[1].paragraphs[0].text).toBe('依照本条例第一条办理。');
  });

  it('refuses people who may not open bills, unknown members and bad input', () => {
    expect(() => createBill(people.zhao, { title: '审核人员的项目', kind: 'local_regulation' }, t.db)).toThrow('forbidden');
    expect(() => createBill(people.chen, { title: '公众的项目', kind: 'local_regulation' }, t.db)).toThrow('forbidden');
    expect(() => createBill(people.wang, { title: '项目', kind: 'local_regulation', members: [{ email: 'nobody@x.cn', role: 'editor' }] }, t.db)).toThrow('member_not_found');
    expect(() => createBill(people.wang, { title: '', kind: 'local_regulation' }, t.db)).toThrow('title_required');
    expect(() => createBill(people.wang, { title: '项目', kind: 'local_regulation', from: { text: '没有条文的一段话' } }, t.db)).toThrow('no_articles');
  });
});

describe('bill membership', () => {
  it('lets members see their bills and hides bills from everyone else', () => {
    const { id } = createBill(people.wang, { title: '保密项目', kind: 'local_regulation' }, t.db);
    expect(listBills(people.wang, t.db).map((b) => b.id)).toContain(id);
    expect(listBills(people.li, t.db).map((b) => b.id)).not.toContain(id);
    expect(() => getBill(people.li, id, t.db)).toThrow('bill_not_found');
    expect(listBills(people.admin, t.db).map((b) => b.id)).toContain(id);
    setBillMember(people.wang, id, 'li@x.cn', 'editor', t.db);
    expect(getBill(people.li, id, t.db).title).toBe('保密项目');
    expect(() => setBillMember(people.zhao, id, 'chen@x.cn', 'editor', t.db)).toThrow('forbidden');
    expect(() => setBillMember(people.wang, id, 'chen@x.cn', 'editor', t.db)).toThrow('member_not_staff');
    setBillMember(people.wang, id, 'li@x.cn', null, t.db);
    expect(() => setBillMember(people.wang, id, 'wang@x.cn', null, t.db)).toThrow('last_editor');
    expect(() => setBillMember(people.wang, id, 'wang@x.cn', 'editor', t.db)).toThrow('last_editor');
  });

  it('hands the coordinator role over only through an admin, keeping the previous one as an editor', () => {
    const { id } = createBill(people.wang, { title: '移交项目', kind: 'local_regulation', members: [{ email: 'li@x.cn', role: 'editor' }] }, t.db);
    expect(() => setBillMember(people.wang, id, 'li@x.cn', 'coordinator', t.db)).toThrow('coordinator_handover_admin');
    setBillMember(people.admin, id, 'li@x.cn', 'coordinator', t.db);
    const roles = Object.fromEntries(getBill(people.admin, id, t.db).members.map((m) => [m.name, m.role]));
    expect(roles).toMatchObject({ li: 'coordinator', wang: 'editor' });
    expect(() => setBillMember(people.admin, id, 'zhao@x.cn', 'coordinator', t.db)).toThrow('coordinator_not_reviewer');
  });
});

describe('authorizeCollabConnection', () => {
  const engine = sqliteEngine(t.db);
  it('lets editors write and reviewers read, refuses outsiders and tickets for another draft', async () => {
    const a = createBill(people.wang, { title: '甲项目', kind: 'local_regulation', members: [{ email: 'zhao@x.cn', role: 'reviewer' }] }, t.db);
    const b = createBill(people.li, { title: '乙项目', kind: 'local_regulation' }, t.db);
    const ticket = async (who: CurrentUser) => (await createCollabTicket(engine, who, a.draftId)).ticket;
    const wang = await createCollabTicket(engine, people.wang, a.draftId);
    expect(wang.access).toBe('write');
    expect(await authorizeCollabConnection(engine, { room: a.draftId, ticket: wang.ticket }, new Date())).toMatchObject({ ok: true, access: 'write' });
    // A ticket opens one socket only.
    expect(await authorizeCollabConnection(engine, { room: a.draftId, ticket: wang.ticket }, new Date())).toMatchObject({ ok: false, code: 4401, reason: 'invalid or expired ticket' });
    expect(await authorizeCollabConnection(engine, { room: a.draftId, ticket: await ticket(people.zhao) }, new Date())).toMatchObject({ ok: true, access: 'read' });
    expect(await authorizeCollabConnection(engine, { room: b.draftId, ticket: await ticket(people.wang) }, new Date())).toMatchObject({ ok: false, code: 4403 });
    expect(await authorizeCollabConnection(engine, { room: a.draftId, ticket: 'a'.repeat(40) }, new Date())).toMatchObject({ ok: false, code: 4401 });
    expect(await authorizeCollabConnection(engine, { room: 'nope', ticket: await ticket(people.wang) }, new Date())).toMatchObject({ ok: false, code: 4404 });
    // It lives one minute.
    const soon = await ticket(people.wang);
    expect(await authorizeCollabConnection(engine, { room: a.draftId, ticket: soon }, new Date(Date.now() + 61_000))).toMatchObject({ ok: false, code: 4401 });
    // And dies with the session that asked for it.
    const { token } = await createSession(engine, people.wang.id, new Date());
    const sessionId = token.split('.')[0];
    const tied = (await createCollabTicket(engine, people.wang, a.draftId, sessionId)).ticket;
    await invalidateSession(engine, token);
    expect(await authorizeCollabConnection(engine, { room: a.draftId, ticket: tied }, new Date())).toMatchObject({ ok: false, code: 4401, reason: 'signed out' });
    const live = await createSession(engine, people.wang.id, new Date());
    expect(await authorizeCollabConnection(engine, { room: a.draftId, ticket: (await createCollabTicket(engine, people.wang, a.draftId, live.token.split('.')[0])).ticket }, new Date())).toMatchObject({ ok: true, sessionId: live.token.split('.')[0] });
    await expect(createCollabTicket(engine, people.chen, a.draftId)).rejects.toThrow('bill_not_found');
    await expect(createCollabTicket(engine, people.chen, 'no-such-draft')).rejects.toMatchObject({ code: 'not_found', message: 'draft_not_found' });
    await expect(createCollabTicket(engine, null, a.draftId)).rejects.toMatchObject({ code: 'unauthenticated' });
    const cookieHeader = `lawbench_session=${(await createSession(engine, people.wang.id, new Date())).token}`;
    expect(await authorizeCollabConnection(engine, { room: a.draftId, cookieHeader, origin: 'http://localhost:3000', host: 'localhost:1234' }, new Date())).toMatchObject({ ok: true, access: 'write' });
    expect(await authorizeCollabConnection(engine, { room: a.draftId, cookieHeader, origin: 'https://evil.example', host: 'localhost:1234' }, new Date())).toMatchObject({ ok: false, code: 4403 });
  });
});

describe('draft comments', () => {
  it('lets editors and reviewers comment on an article, reply and resolve; outsiders cannot', async () => {
    const { addDraftComment, listDraftComments, resolveDraftComment } = await import('./draftComments');
    const { draftId } = createBill(people.wang, { title: '评论项目', kind: 'local_regulation', members: [{ email: 'zhao@x.cn', role: 'reviewer' }] }, t.db);
    const root = addDraftComment(people.zhao, draftId, { articleEid: 'art_1', body: '建议明确适用范围。<script>x</script>' }, t.db);
    addDraftComment(people.wang, draftId, { articleEid: 'ignored', parentId: root.id, body: '已修改。' }, t.db);
    const list = listDraftComments(people.wang, draftId, t.db);
    expect(list.map((c) => [c.articleEid, c.authorName, c.body])).toEqual([
      ['art_1', 'zhao', '建议明确适用范围。<script>x</script>'],
      ['art_1', 'wang', '已修改。'],
    ]);
    resolveDraftComment(people.zhao, draftId, root.id, true, t.db);
    expect(listDraftComments(people.zhao, draftId, t.db)[0].resolved).toBe(true);
    expect(() => addDraftComment(people.li, draftId, { articleEid: 'art_1', body: 'x' }, t.db)).toThrow('bill_not_found');
    expect(() => addDraftComment(people.wang, draftId, { articleEid: 'art_1', body: '   ' }, t.db)).toThrow('comment_empty');
  });
});
