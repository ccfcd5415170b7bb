import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteEngine } from '@/db/engine';
import { engines } from '@/db/engineTesting';
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

const roles = [['wang', 'drafter'], ['li', 'drafter'], ['zhao', 'reviewer'], ['chen', 'public'], ['admin', 'admin'], ['sun', 'admin']] as const;

describe.each(engines())('on $name', ({ engine }) => {
  const people: Record<string, CurrentUser> = {};
  beforeAll(async () => {
    for (const [key, role] of roles) people[key] = await insertUser(engine(), { email: `${key}@x.cn`, name: key, password: 'password-1', role }, null);
  });

  describe('createBill', () => {
    it('starts blank with 第一章 总则 and 第一条, or from pasted text', async () => {
      const blank = await createBill(engine(), people.wang, { title: '测试条例', kind: 'government_rule' });
      expect((await getDraftText(engine(), people.wang, blank.draftId)).articles.map((a) => a.label)).toEqual(['第一条']);
      const pasted = await createBill(engine(), people.wang, { title: '粘贴条例', kind: 'local_regulation', from: { text: '粘贴条例\n\n第一条 为了测试。\n\n第二条 依照本条例第一条办理。' } });
      const text = await getDraftText(engine(), people.wang, pasted.draftId);
      expect(text.title).toBe('粘贴条例');
      expect(text.articles[1].paragraphs[0].text).toBe('依照本条例第一条办理。');
    });

    it('refuses people who may not open bills, unknown members and bad input', async () => {
      await expect(createBill(engine(), people.zhao, { title: '审核人员的项目', kind: 'local_regulation' })).rejects.toThrow('forbidden');
      await expect(createBill(engine(), people.chen, { title: '公众的项目', kind: 'local_regulation' })).rejects.toThrow('forbidden');
      await expect(createBill(engine(), people.wang, { title: '项目', kind: 'local_regulation', members: [{ email: 'nobody@x.cn', role: 'editor' }] })).rejects.toThrow('member_not_found');
      await expect(createBill(engine(), people.wang, { title: '', kind: 'local_regulation' })).rejects.toThrow('title_required');
      await expect(createBill(engine(), people.wang, { title: '项目', kind: 'local_regulation', from: { text: '没有条文的一段话' } })).rejects.toThrow('no_articles');
    });
  });

  describe('bill membership', () => {
    it('lets members see their bills and hides bills from everyone else', async () => {
      const { id } = await createBill(engine(), people.wang, { title: '保密项目', kind: 'local_regulation' });
      expect((await listBills(engine(), people.wang)).map((b) => b.id)).toContain(id);
      expect((await listBills(engine(), people.li)).map((b) => b.id)).not.toContain(id);
      await expect(getBill(engine(), people.li, id)).rejects.toThrow('bill_not_found');
      expect((await listBills(engine(), people.admin)).map((b) => b.id)).toContain(id);
      await setBillMember(engine(), people.wang, id, 'li@x.cn', 'editor');
      expect((await getBill(engine(), people.li, id)).title).toBe('保密项目');
      await expect(setBillMember(engine(), people.zhao, id, 'chen@x.cn', 'editor')).rejects.toThrow('forbidden');
      await expect(setBillMember(engine(), people.wang, id, 'chen@x.cn', 'editor')).rejects.toThrow('member_not_staff');
      await setBillMember(engine(), people.wang, id, 'li@x.cn', null);
      await expect(setBillMember(engine(), people.wang, id, 'wang@x.cn', null)).rejects.toThrow('last_editor');
      await expect(setBillMember(engine(), people.wang, id, 'wang@x.cn', 'editor')).rejects.toThrow('last_editor');
    });

    it('hands the coordinator role over only through an admin, keeping the previous one as an editor', async () => {
      const { id } = await createBill(engine(), people.wang, { title: '移交项目', kind: 'local_regulation', members: [{ email: 'li@x.cn', role: 'editor' }] });
      await expect(setBillMember(engine(), people.wang, id, 'li@x.cn', 'coordinator')).rejects.toThrow('coordinator_handover_admin');
      await setBillMember(engine(), people.admin, id, 'li@x.cn', 'coordinator');
      const roles = Object.fromEntries((await getBill(engine(), people.admin, id)).members.map((m) => [m.name, m.role]));
      expect(roles).toMatchObject({ li: 'coordinator', wang: 'editor' });
      await expect(setBillMember(engine(), people.admin, id, 'zhao@x.cn', 'coordinator')).rejects.toThrow('coordinator_not_reviewer');
      await expect(setBillMember(engine(), people.admin, 'no-such-bill', 'li@x.cn', 'coordinator')).rejects.toThrow('bill_not_found');
    });

    it('leaves exactly one coordinator when two admins hand the role over at the same moment', async () => {
      for (let round = 0; round < 5; round++) {
        const { id } = await createBill(engine(), people.wang, { title: `同时移交${round}`, kind: 'local_regulation', members: [{ email: 'li@x.cn', role: 'editor' }] });
        await Promise.all([setBillMember(engine(), people.admin, id, 'li@x.cn', 'coordinator'), setBillMember(engine(), people.sun, id, 'wang@x.cn', 'coordinator')]);
        const members = (await getBill(engine(), people.admin, id)).members;
        expect(members.filter((m) => m.role === 'coordinator')).toHaveLength(1);
        expect(members.map((m) => m.name).sort()).toEqual(['li', 'wang']);
      }
    });
  });

  describe('authorizeCollabConnection', () => {
    it('lets editors write and reviewers read, refuses outsiders and tickets for another draft', async () => {
      const db = engine();
      const a = await createBill(engine(), people.wang, { title: '甲项目', kind: 'local_regulation', members: [{ email: 'zhao@x.cn', role: 'reviewer' }] });
      const b = await createBill(engine(), people.li, { title: '乙项目', kind: 'local_regulation' });
      const ticket = async (who: CurrentUser) => (await createCollabTicket(db, who, a.draftId)).ticket;
      const wang = await createCollabTicket(db, people.wang, a.draftId);
      expect(wang.access).toBe('write');
      expect(await authorizeCollabConnection(db, { room: a.draftId, ticket: wang.ticket }, new Date())).toMatchObject({ ok: true, access: 'write' });
      // A ticket opens one socket only.
      expect(await authorizeCollabConnection(db, { room: a.draftId, ticket: wang.ticket }, new Date())).toMatchObject({ ok: false, code: 4401, reason: 'invalid or expired ticket' });
      expect(await authorizeCollabConnection(db, { room: a.draftId, ticket: await ticket(people.zhao) }, new Date())).toMatchObject({ ok: true, access: 'read' });
      expect(await authorizeCollabConnection(db, { room: b.draftId, ticket: await ticket(people.wang) }, new Date())).toMatchObject({ ok: false, code: 4403 });
      expect(await authorizeCollabConnection(db, { room: a.draftId, ticket: 'a'.repeat(40) }, new Date())).toMatchObject({ ok: false, code: 4401 });
      expect(await authorizeCollabConnection(db, { room: 'nope', ticket: await ticket(people.wang) }, new Date())).toMatchObject({ ok: false, code: 4404 });
      // It lives one minute.
      const soon = await ticket(people.wang);
      expect(await authorizeCollabConnection(db, { room: a.draftId, ticket: soon }, new Date(Date.now() + 61_000))).toMatchObject({ ok: false, code: 4401 });
      // And dies with the session that asked for it.
      const { token } = await createSession(db, people.wang.id, new Date());
      const sessionId = token.split('.')[0];
      const tied = (await createCollabTicket(db, people.wang, a.draftId, sessionId)).ticket;
      await invalidateSession(db, token);
      expect(await authorizeCollabConnection(db, { room: a.draftId, ticket: tied }, new Date())).toMatchObject({ ok: false, code: 4401, reason: 'signed out' });
      const live = await createSession(db, people.wang.id, new Date());
      expect(await authorizeCollabConnection(db, { room: a.draftId, ticket: (await createCollabTicket(db, people.wang, a.draftId, live.token.split('.')[0])).ticket }, new Date())).toMatchObject({ ok: true, sessionId: live.token.split('.')[0] });
      await expect(createCollabTicket(db, people.chen, a.draftId)).rejects.toThrow('bill_not_found');
      await expect(createCollabTicket(db, people.chen, 'no-such-draft')).rejects.toMatchObject({ code: 'not_found', message: 'draft_not_found' });
      await expect(createCollabTicket(db, null, a.draftId)).rejects.toMatchObject({ code: 'unauthenticated' });
      const cookieHeader = `lawbench_session=${(await createSession(db, people.wang.id, new Date())).token}`;
      expect(await authorizeCollabConnection(db, { room: a.draftId, cookieHeader, origin: 'http://localhost:3000', host: 'localhost:1234' }, new Date())).toMatchObject({ ok: true, access: 'write' });
      expect(await authorizeCollabConnection(db, { room: a.draftId, cookieHeader, origin: 'https://evil.example', host: 'localhost:1234' }, new Date())).toMatchObject({ ok: false, code: 4403 });
    });
  });

  describe('draft comments', () => {
    it('lets editors and reviewers comment on an article, reply and resolve; outsiders cannot', async () => {
      const { addDraftComment, listDraftComments, resolveDraftComment } = await import('./draftComments');
      const { draftId } = await createBill(engine(), people.wang, { title: '评论项目', kind: 'local_regulation', members: [{ email: 'zhao@x.cn', role: 'reviewer' }] });
      const root = await addDraftComment(engine(), people.zhao, draftId, { articleEid: 'art_1', body: '建议明确适用范围。<script>x</script>' });
      await addDraftComment(engine(), people.wang, draftId, { articleEid: 'ignored', parentId: root.id, body: '已修改。' });
      const list = await listDraftComments(engine(), people.wang, draftId);
      expect(list.map((c) => [c.articleEid, c.authorName, c.body])).toEqual([
        ['art_1', 'zhao', '建议明确适用范围。<script>x</script>'],
        ['art_1', 'wang', '已修改。'],
      ]);
      await resolveDraftComment(engine(), people.zhao, draftId, root.id, true);
      expect((await listDraftComments(engine(), people.zhao, draftId))[0].resolved).toBe(true);
      await expect(addDraftComment(engine(), people.li, draftId, { articleEid: 'art_1', body: 'x' })).rejects.toThrow('bill_not_found');
      await expect(addDraftComment(engine(), people.wang, draftId, { articleEid: 'art_1', body: '   ' })).rejects.toThrow('comment_empty');
    });
  });
});

// Opening a bill from a regulation reads the library, which runs on SQLite only so far.
describe('createBill from a regulation in the library', () => {
  const t = freshDatabase();
  afterAll(t.cleanup);
  const people: Record<string, CurrentUser> = {};
  beforeAll(async () => {
    for (const [key, role] of roles) people[key] = await insertUser(sqliteEngine(t.db), { email: `${key}@x.cn`, name: key, password: 'password-1', role }, null);
    await seedLibrary(sqliteEngine(t.db));
  });

  it('starts an amendment draft from the text in force, every article keeping its eid', async () => {
    const reg = getRegulation('舟山市养犬管理条例', {}, t.db);
    const { id, draftId } = await createBill(sqliteEngine(t.db), people.wang, { title: '舟山市养犬管理条例', kind: 'local_regulation', from: { regulationId: reg.regulation.id }, members: [{ email: 'li@x.cn', role: 'editor' }, { email: 'zhao@x.cn', role: 'editor' }] });
    const text = await getDraftText(sqliteEngine(t.db), people.wang, draftId);
    expect(text.articles.map((a) => a.eid)).toEqual(reg.text.articles.map((a) => a.eid));
    expect(text.articles).toEqual(reg.text.articles);
    const bill = await getBill(sqliteEngine(t.db), people.li, id);
    // The creator coordinates it; a reviewer account listed as editor is made a reviewer:
    // reviewers never type in the text. The bill starts at 立项.
    expect(bill.members.map((m) => [m.name, m.role]).sort()).toEqual([['li', 'editor'], ['wang', 'coordinator'], ['zhao', 'reviewer']]);
    expect(bill.stage).toBe('proposal');
    expect(bill.regulationTitle).toBe('舟山市养犬管理条例');
  });
});
