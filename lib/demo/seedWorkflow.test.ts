import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { verifyAuditChain } from '@/lib/audit';
import { listWorkflowBills } from '@/lib/workflow';
import { seedConsultation } from './seedConsultation';
import { seedDemoData } from './seedDemoData';
import { seedLibrary } from './seedLibrary';
import { seedWorkflow } from './seedWorkflow';

const t = freshDatabase();
afterAll(t.cleanup);

describe('seedWorkflow', () => {
  it('puts bills at 立项, 起草, 征求意见, awaiting approval with five days left and overdue for filing, once, with a chain that verifies', async () => {
    await seedDemoData(t.db);
    await seedLibrary(t.db);
    const now = new Date('2026-12-05T04:00:00Z');
    await seedConsultation(t.db, now);
    expect(seedWorkflow(t.db, now).created).toHaveLength(4);
    expect(seedWorkflow(t.db, now).created).toHaveLength(0);
    const admin = { id: 'x', email: 'admin@demo.lawbench', name: '孙管理', role: 'admin' as const };
    const rows = listWorkflowBills(admin, {}, t.db, now);
    const byTitle = Object.fromEntries(rows.map((b) => [b.title, b]));
    expect(byTitle['舟山市电动自行车管理条例'].stage).toBe('proposal');
    expect(byTitle['嘉兴市养犬管理条例（修正草案）'].stage).toBe('drafting');
    expect(byTitle['舟山市养犬管理条例（修正草案）']).toMatchObject({ stage: 'consultation', nextDeadline: { kind: 'consultation_closes', daysLeft: 29 } });
    expect(byTitle['舟山市物业管理条例']).toMatchObject({ stage: 'approval', nextDeadline: { kind: 'approval_due', daysLeft: 5, overdue: false } });
    expect(byTitle['舟山市犬只收容管理办法']).toMatchObject({ stage: 'filing', nextDeadline: { kind: 'filing_due', daysLeft: -5, overdue: true } });
    // Overdue first.
    expect(rows[0].title).toBe('舟山市犬只收容管理办法');
    expect(verifyAuditChain({}, t.db)).toMatchObject({ ok: true });
  });
});
