import { sqliteEngine } from '@/db/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { openedConsultation } from '@/lib/consultation/testing/openedConsultation';
import { addDraftComment, resolveDraftComment } from '@/lib/drafting';
import { insertTestUser } from '@/lib/auth/testing';
import { listAuditEvents } from './listAuditEvents';
import { recordAudit } from './recordAudit';
import { readAuditQuery } from './auditQuery';

const t = freshDatabase();
afterAll(t.cleanup);
const db = t.db;

const mine = await openedConsultation(db);
const other = await openedConsultation(db);
const admin = insertTestUser(db, 'admin', '管理员');
const comment = await addDraftComment(sqliteEngine(db), mine.editor, mine.draftId, { articleEid: 'art_1', body: '第一条要改。' });
await resolveDraftComment(sqliteEngine(db), mine.editor, mine.draftId, comment.id, true);
recordAudit(db, { actorId: mine.editor.id, action: 'consultation.report', targetType: 'consultation', targetId: mine.consultationId }, new Date('2025-04-02T02:00:00Z'));
recordAudit(db, { actorId: mine.reviewer.id, action: 'comment.moderate', targetType: 'consultation_comment', targetId: 'c-1', detail: { consultationId: mine.consultationId } }, new Date('2025-04-03T02:00:00Z'));
recordAudit(db, { actorId: other.editor.id, action: 'comment.moderate', targetType: 'consultation_comment', targetId: 'c-2', detail: { consultationId: other.consultationId } }, new Date('2025-04-03T02:00:00Z'));
recordAudit(db, { actorId: admin.id, action: 'user.role', targetType: 'user', targetId: mine.editor.id, detail: { from: 'drafter', to: 'reviewer' } }, new Date('2025-04-04T15:59:00Z'));
recordAudit(db, { actorId: admin.id, action: 'user.roles_reset', targetType: 'user', targetId: mine.editor.id }, new Date('2025-04-04T16:00:00Z'));

const actions = (rows: { action: string }[]) => rows.map((r) => r.action);

describe('listAuditEvents', () => {
  it('lists newest first with who acted', () => {
    const rows = listAuditEvents({}, db);
    expect(rows[0]).toMatchObject({ action: 'user.roles_reset', actorId: admin.id, actorName: '管理员', actorEmail: admin.email });
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => b - a));
  });

  it('selects what happened to one bill: the bill, details naming it, its consultations and its margin comments', () => {
    expect(actions(listAuditEvents({ billId: mine.billId }, db))).toEqual(['comment.moderate', 'consultation.report', 'comment.resolve', 'comment.add', 'consultation.open', 'version.create', 'bill.create']);
    const rows = listAuditEvents({ billId: mine.billId }, db);
    expect(rows.find((r) => r.action === 'comment.moderate')?.targetId).toBe('c-1');
    expect(actions(listAuditEvents({ billId: other.billId }, db))).toEqual(['comment.moderate', 'consultation.open', 'version.create', 'bill.create']);
  });

  it('filters by the actor’s e-mail (any case), by an action or the actions under it, and by target', () => {
    expect(actions(listAuditEvents({ actorEmail: admin.email.toUpperCase() }, db))).toEqual(['user.roles_reset', 'user.role']);
    expect(actions(listAuditEvents({ action: 'user.role' }, db))).toEqual(['user.role']);
    expect(actions(listAuditEvents({ action: 'user' }, db))).toEqual(['user.roles_reset', 'user.role']);
    // `_` is no wildcard: user_role matches nothing.
    expect(listAuditEvents({ action: 'user_role' }, db)).toEqual([]);
    expect(actions(listAuditEvents({ targetType: 'consultation', targetId: mine.consultationId }, db))).toEqual(['consultation.report', 'consultation.open']);
  });

  it('filters by China-time dates, both ends included', () => {
    // 2025-04-04T15:59Z is 23:59 on 4 April in China; 16:00Z is already 5 April.
    expect(actions(listAuditEvents({ from: '2025-04-04', to: '2025-04-04' }, db))).toEqual(['user.role']);
    expect(actions(listAuditEvents({ from: '2025-04-05', to: '2025-04-05' }, db))).toEqual(['user.roles_reset']);
    expect(actions(listAuditEvents({ to: '2025-04-02' }, db))).toEqual(['consultation.report', 'consultation.open', 'consultation.open']);
    expect(actions(listAuditEvents({ from: '2025-04-03', to: '2025-04-03' }, db))).toEqual(['comment.moderate', 'comment.moderate']);
  });

  it('pages with limit and offset, and continues below a seq', () => {
    const all = listAuditEvents({}, db);
    expect(listAuditEvents({ limit: 2, offset: 1 }, db).map((r) => r.id)).toEqual(all.slice(1, 3).map((r) => r.id));
    expect(listAuditEvents({ beforeSeq: all[2].id, limit: 1 }, db).map((r) => r.id)).toEqual([all[3].id]);
  });

  it('gives the detail parsed and as the exact stored text', () => {
    const [row] = listAuditEvents({ action: 'user.role' }, db);
    expect(row.detail).toEqual({ from: 'drafter', to: 'reviewer' });
    expect(row.detailText).toBe('{"from":"drafter","to":"reviewer"}');
  });
});

describe('readAuditQuery', () => {
  it('keeps valid filters and drops empty or malformed ones', () => {
    expect(readAuditQuery({ actor: ' Wang@X.cn ', action: 'bill', from: '2025-03-01', to: '', page: '2' })).toEqual({ actor: 'wang@x.cn', action: 'bill', from: '2025-03-01', page: 2 });
    expect(readAuditQuery({ action: 'DROP TABLE', from: '2025-02-30', page: '0' })).toEqual({});
    expect(readAuditQuery({ action: ['bill', 'user'] })).toEqual({ action: 'bill' });
  });
});
