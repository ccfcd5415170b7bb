import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '@/db/engine';
import { engines } from '@/db/engineTesting';
import { insertTestAccount } from '@/lib/auth/testing';
import type { CurrentUser } from '@/lib/auth';
import { addDraftComment, createBill, resolveDraftComment } from '@/lib/drafting';
import { appendAudit } from './appendAudit';
import { listAuditEvents } from './listAuditEvents';
import { readAuditQuery } from './auditQuery';

/// A bill with a consultation row of its own (the audit filter only needs the rows to exist: the
/// consultation domain that opens them for real runs on SQLite only so far), opened on 1 April 2025.
async function billWithConsultation(engine: Engine, editor: CurrentUser, title: string) {
  const bill = await createBill(engine, editor, { title, kind: 'local_regulation' });
  const { db, t } = engine;
  const versionId = crypto.randomUUID();
  const consultationId = crypto.randomUUID();
  const at = new Date('2025-04-01T02:00:00Z');
  await db.insert(t.draftVersions).values({ id: versionId, draftId: bill.draftId, seq: 1, name: '征求意见稿', kind: 'frozen', yjsState: Buffer.from([0]), stateVector: Buffer.from([0]), lastUpdateId: 0, structure: '{}', createdAt: at });
  await db.insert(t.consultations).values({ id: consultationId, billId: bill.id, draftId: bill.draftId, versionId, title, description: '', explanation: '', opensOn: '2025-04-01', closesOn: '2025-05-01', moderation: 'post', createdAt: at });
  await appendAudit(engine, { actorId: editor.id, action: 'consultation.open', targetType: 'consultation', targetId: consultationId, detail: { billId: bill.id } }, at);
  return { billId: bill.id, draftId: bill.draftId, consultationId };
}

const actions = (rows: { action: string }[]) => rows.map((r) => r.action);

describe.each(engines())('on $name', ({ engine }) => {
  const f = {} as { editor: CurrentUser; reviewer: CurrentUser; admin: CurrentUser; mine: Awaited<ReturnType<typeof billWithConsultation>>; other: Awaited<ReturnType<typeof billWithConsultation>> };
  beforeAll(async () => {
    const e = engine();
    f.editor = await insertTestAccount(e, { role: 'drafter', name: '起草员' });
    f.reviewer = await insertTestAccount(e, { role: 'reviewer', name: '审核员' });
    f.admin = await insertTestAccount(e, { role: 'admin', name: '管理员' });
    f.mine = await billWithConsultation(e, f.editor, '我的条例');
    f.other = await billWithConsultation(e, f.editor, '别人的条例');
    const comment = await addDraftComment(e, f.editor, f.mine.draftId, { articleEid: 'art_1', body: '第一条要改。' });
    await resolveDraftComment(e, f.editor, f.mine.draftId, comment.id, true);
    await appendAudit(e, { actorId: f.editor.id, action: 'consultation.report', targetType: 'consultation', targetId: f.mine.consultationId }, new Date('2025-04-02T02:00:00Z'));
    await appendAudit(e, { actorId: f.reviewer.id, action: 'comment.moderate', targetType: 'consultation_comment', targetId: 'c-1', detail: { consultationId: f.mine.consultationId } }, new Date('2025-04-03T02:00:00Z'));
    await appendAudit(e, { actorId: f.reviewer.id, action: 'comment.moderate', targetType: 'consultation_comment', targetId: 'c-2', detail: { consultationId: f.other.consultationId } }, new Date('2025-04-03T02:00:00Z'));
    await appendAudit(e, { actorId: f.admin.id, action: 'user.role', targetType: 'user', targetId: f.editor.id, detail: { from: 'drafter', to: 'reviewer' } }, new Date('2025-04-04T15:59:00Z'));
    await appendAudit(e, { actorId: f.admin.id, action: 'user.roles_reset', targetType: 'user', targetId: f.editor.id }, new Date('2025-04-04T16:00:00Z'));
  });

  describe('listAuditEvents', () => {
    it('lists newest first with who acted', async () => {
      const rows = await listAuditEvents(engine());
      expect(rows[0]).toMatchObject({ action: 'user.roles_reset', actorId: f.admin.id, actorName: '管理员', actorEmail: f.admin.email });
      expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => b - a));
    });

    it('selects what happened to one bill: the bill, details naming it, its consultations and its margin comments', async () => {
      expect(actions(await listAuditEvents(engine(), { billId: f.mine.billId }))).toEqual(['comment.moderate', 'consultation.report', 'comment.resolve', 'comment.add', 'consultation.open', 'bill.create']);
      const rows = await listAuditEvents(engine(), { billId: f.mine.billId });
      expect(rows.find((r) => r.action === 'comment.moderate')?.targetId).toBe('c-1');
      expect(actions(await listAuditEvents(engine(), { billId: f.other.billId }))).toEqual(['comment.moderate', 'consultation.open', 'bill.create']);
      expect(await listAuditEvents(engine(), { billId: 'no-such-bill' })).toEqual([]);
    });

    it('filters by the actor’s e-mail (any case), by an action or the actions under it, and by target', async () => {
      expect(actions(await listAuditEvents(engine(), { actorEmail: f.admin.email.toUpperCase() }))).toEqual(['user.roles_reset', 'user.role']);
      expect(actions(await listAuditEvents(engine(), { actorId: f.reviewer.id }))).toEqual(['comment.moderate', 'comment.moderate']);
      expect(actions(await listAuditEvents(engine(), { action: 'user.role' }))).toEqual(['user.role']);
      expect(actions(await listAuditEvents(engine(), { action: 'user' }))).toEqual(['user.roles_reset', 'user.role']);
      // `_` is no wildcard: user_role matches nothing.
      expect(await listAuditEvents(engine(), { action: 'user_role' })).toEqual([]);
      expect(actions(await listAuditEvents(engine(), { targetType: 'consultation', targetId: f.mine.consultationId }))).toEqual(['consultation.report', 'consultation.open']);
    });

    it('filters by China-time dates, both ends included', async () => {
      // 2025-04-04T15:59Z is 23:59 on 4 April in China; 16:00Z is already 5 April.
      expect(actions(await listAuditEvents(engine(), { from: '2025-04-04', to: '2025-04-04' }))).toEqual(['user.role']);
      expect(actions(await listAuditEvents(engine(), { from: '2025-04-05', to: '2025-04-05' }))).toEqual(['user.roles_reset']);
      expect(actions(await listAuditEvents(engine(), { to: '2025-04-02' }))).toEqual(['consultation.report', 'consultation.open', 'consultation.open']);
      expect(actions(await listAuditEvents(engine(), { from: '2025-04-03', to: '2025-04-03' }))).toEqual(['comment.moderate', 'comment.moderate']);
    });

    it('pages with limit and offset, and continues below a seq', async () => {
      const all = await listAuditEvents(engine());
      expect((await listAuditEvents(engine(), { limit: 2, offset: 1 })).map((r) => r.id)).toEqual(all.slice(1, 3).map((r) => r.id));
      expect((await listAuditEvents(engine(), { beforeSeq: all[2].id, limit: 1 })).map((r) => r.id)).toEqual([all[3].id]);
    });

    it('gives the detail parsed and as the exact stored text', async () => {
      const [row] = await listAuditEvents(engine(), { action: 'user.role' });
      expect(row.detail).toEqual({ from: 'drafter', to: 'reviewer' });
      expect(row.detailText).toBe('{"from":"drafter","to":"reviewer"}');
    });
  });
});

describe('readAuditQuery', () => {
  it('keeps valid filters and drops empty or malformed ones', () => {
    expect(readAuditQuery({ actor: ' Wang@X.cn ', action: 'bill', from: '2025-03-01', to: '', page: '2' })).toEqual({ actor: 'wang@x.cn', action: 'bill', from: '2025-03-01', page: 2 });
    expect(readAuditQuery({ action: 'DROP TABLE', from: '2025-02-30', page: '0' })).toEqual({});
    expect(readAuditQuery({ action: ['bill', 'user'] })).toEqual({ action: 'bill' });
  });
});
