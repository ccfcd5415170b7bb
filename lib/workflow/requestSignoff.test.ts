import { sqliteEngine } from '@/db/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { auditEvents, billMembers, notifications } from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import { requestSignoff } from './requestSignoff';
import { atLegalityReview as atLegalityReviewOn, executiveMeetingSignoffs } from './testing/atLegalityReview';
import { caught, outcome } from './testing/outcome';

const { db, cleanup } = freshDatabase();
afterAll(cleanup);

const day = (iso: string) => new Date(`${iso}T02:00:00Z`);
const atLegalityReview = () => atLegalityReviewOn(db);
const requests = (billId: string) => executiveMeetingSignoffs(db, billId);

describe('requestSignoff', () => {
  it('is for the coordinator or an admin only', async () => {
    const b = await atLegalityReview();
    expect(await outcome(() => requestSignoff(sqliteEngine(db), b.editor, b.billId, { stage: 'executive_meeting', reviewerEmail: b.reviewer.email }))).toBe('forbidden:transition_forbidden');
    expect(requests(b.billId)).toEqual([]);
    expect(await outcome(() => requestSignoff(sqliteEngine(db), b.admin, b.billId, { stage: 'executive_meeting', reviewerEmail: b.reviewer.email }))).toBe('ok');
  });

  it('refuses an unknown reviewer with member_not_found', async () => {
    const b = await atLegalityReview();
    expect(await outcome(() => requestSignoff(sqliteEngine(db), b.coordinator, b.billId, { stage: 'executive_meeting', reviewerEmail: 'nobody@test.lawbench' }))).toBe('validation_failed:member_not_found');
  });

  it('refuses an admin as reviewer (not a reviewer account) and a reviewer account who edits the bill, naming the rule', async () => {
    const b = await atLegalityReview();
    expect(await caught(() => requestSignoff(sqliteEngine(db), b.coordinator, b.billId, { stage: 'executive_meeting', reviewerEmail: b.admin.email }))).toEqual({ code: 'validation_failed', message: 'signoff_reviewer_invalid', details: { rule: 'four_eyes' } });
    db.insert(billMembers).values({ billId: b.billId, userId: b.independent.id, role: 'editor' }).run();
    expect(await outcome(() => requestSignoff(sqliteEngine(db), b.coordinator, b.billId, { stage: 'executive_meeting', reviewerEmail: b.independent.email }))).toBe('validation_failed:signoff_reviewer_invalid');
    expect(requests(b.billId)).toEqual([]);
  });

  it('records the request with an exact audit entry and tells the reviewer', async () => {
    const b = await atLegalityReview();
    const at = day('2026-04-11');
    const { id } = await requestSignoff(sqliteEngine(db), b.coordinator, b.billId, { stage: 'executive_meeting', reviewerEmail: b.reviewer.email, note: '请审核' }, at);
    expect(requests(b.billId).map((r) => r.id)).toEqual([id]);
    const a = db.select().from(auditEvents).where(eq(auditEvents.targetId, b.billId)).orderBy(desc(auditEvents.id)).get()!;
    expect(a).toMatchObject({ actorId: b.coordinator.id, action: 'bill.signoff_request', targetType: 'bill', targetId: b.billId });
    expect(a.detail).toEqual({ billId: b.billId, stage: 'executive_meeting', reviewerId: b.reviewer.id });
    const n = db.select().from(notifications).where(and(eq(notifications.userId, b.reviewer.id), eq(notifications.billId, b.billId))).all().filter((x) => x.detail.stage === 'executive_meeting');
    expect(n.map((x) => [x.kind, x.detail])).toEqual([['signoff_requested', { stage: 'executive_meeting', by: b.coordinator.name }]]);
  });
});
