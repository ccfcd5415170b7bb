import { sqliteEngine } from '@/db/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { auditEvents, billSignoffs, notifications } from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import { draftTextMark } from '@/lib/drafting';
import { decideSignoff } from './decideSignoff';
import { requestSignoff } from './requestSignoff';
import { atLegalityReview as atLegalityReviewOn, executiveMeetingSignoffs } from './testing/atLegalityReview';
import { outcome } from './testing/outcome';

const { db, cleanup } = freshDatabase();
afterAll(cleanup);

const day = (iso: string) => new Date(`${iso}T02:00:00Z`);
const atLegalityReview = () => atLegalityReviewOn(db);
const decisions = (billId: string) => executiveMeetingSignoffs(db, billId);

describe('decideSignoff', () => {
  it('refuses an admin who is not on the bill', async () => {
    const b = await atLegalityReview();
    expect(await outcome(() => decideSignoff(sqliteEngine(db), b.admin, b.billId, { stage: 'executive_meeting', decision: 'approve' }))).toBe('forbidden:signoff_forbidden');
    expect(decisions(b.billId)).toEqual([]);
  });

  it('refuses to answer a request the reviewer addressed to themselves', async () => {
    const b = await atLegalityReview();
    db.insert(billSignoffs).values({ id: crypto.randomUUID(), billId: b.billId, stage: 'executive_meeting', requestedBy: b.reviewer.id, reviewerId: b.reviewer.id, requestedAt: day('2026-04-11') }).run();
    expect(await outcome(() => decideSignoff(sqliteEngine(db), b.reviewer, b.billId, { stage: 'executive_meeting', decision: 'approve' }))).toBe('forbidden:signoff_own_request');
    expect(decisions(b.billId).map((d) => d.decision)).toEqual([null]);
  });

  it('answers the open request with an exact audit entry and tells the asker', async () => {
    const b = await atLegalityReview();
    const { id: asked } = await requestSignoff(sqliteEngine(db), b.coordinator, b.billId, { stage: 'executive_meeting', reviewerEmail: b.reviewer.email }, day('2026-04-11'));
    const r = await decideSignoff(sqliteEngine(db), b.reviewer, b.billId, { stage: 'executive_meeting', decision: 'reject', note: '不同意' }, day('2026-04-12'));
    expect(r).toEqual({ id: asked, decision: 'reject' });
    const mark = await draftTextMark(sqliteEngine(db), b.draftId);
    const a = db.select().from(auditEvents).where(eq(auditEvents.targetId, b.billId)).orderBy(desc(auditEvents.id)).get()!;
    expect(a).toMatchObject({ actorId: b.reviewer.id, action: 'bill.signoff', targetType: 'bill', targetId: b.billId });
    expect(a.detail).toEqual({ billId: b.billId, stage: 'executive_meeting', decision: 'reject', note: '不同意', textMark: mark, rule: 'four_eyes' });
    const n = db.select().from(notifications).where(and(eq(notifications.userId, b.coordinator.id), eq(notifications.billId, b.billId))).all().filter((x) => x.detail.stage === 'executive_meeting');
    expect(n.map((x) => [x.kind, x.detail])).toEqual([['signoff_decided', { stage: 'executive_meeting', decision: 'reject', by: b.reviewer.name }]]);
  });
});
