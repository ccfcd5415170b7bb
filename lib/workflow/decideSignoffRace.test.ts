import { sqliteEngine } from '@/db/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import { verifyAuditChain } from '@/lib/audit';
import { decideSignoff } from './decideSignoff';
import { requestSignoff } from './requestSignoff';
import { atLegalityReview, executiveMeetingSignoffs } from './testing/atLegalityReview';
import { raceProcess, raceUnderLock } from './testing/raceProcess';

const { db, file, cleanup } = freshDatabase();
afterAll(cleanup);

describe('decideSignoff under contention', () => {
  it('takes two approvals a reviewer sends at once from two processes one after the other: the first answers the request, the second stands as its own', async () => {
    const b = await atLegalityReview(db);
    const { id: asked } = await requestSignoff(sqliteEngine(db), b.coordinator, b.billId, { stage: 'executive_meeting', reviewerEmail: b.reviewer.email });
    const race = () => raceProcess('lib/workflow/testing/raceWorkflow.ts', ['signoff', file, b.billId, JSON.stringify(b.reviewer)]);
    // Both reach their transactions while the write lock is held. Neither fails: each waits for
    // the lock before it reads, instead of deciding on what it read before the other's write
    // (which SQLite refuses as a stale snapshot).
    const results = await raceUnderLock(file, () => [race(), race()]);
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    // A third approval in this process, after both, stands on its own as well.
    await decideSignoff(sqliteEngine(db), b.reviewer, b.billId, { stage: 'executive_meeting', decision: 'approve' });
    const rows = executiveMeetingSignoffs(db, b.billId);
    expect(rows.map((r) => [r.id === asked, r.requestedBy, r.decision])).toEqual([
      [true, b.coordinator.id, 'approve'],
      [false, null, 'approve'],
      [false, null, 'approve'],
    ]);
    const entries = db.select().from(auditEvents).where(and(eq(auditEvents.targetId, b.billId), eq(auditEvents.action, 'bill.signoff'))).all();
    expect(entries).toHaveLength(3);
    expect(verifyAuditChain({}, db)).toMatchObject({ ok: true });
  }, 30_000);
});
