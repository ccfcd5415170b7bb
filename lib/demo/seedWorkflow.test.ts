import { sqliteEngine } from '@/db/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { verifyAuditChain } from '@/lib/audit';
import { listWorkflowBills } from '@/lib/workflow';
import { seedConsultation } from './seedConsultation';
import { seedDemoData } from './seedDemoData';
import { seedLibrary } from './seedLibrary';
import { seedWorkflow } from './seedWorkflow';
import { demoPublishedBillTitle, seedPublication } from './seedPublication';
import { getRegulation } from '@/lib/library';

const t = freshDatabase();
afterAll(t.cleanup);

describe('seedWorkflow', () => {
  const now = new Date('2026-12-05T04:00:00Z');

  // The demo's people, library and open consultation, which both seeds build on.
  beforeAll(async () => {
    await seedDemoData(sqliteEngine(t.db));
    await seedLibrary(sqliteEngine(t.db));
    await seedConsultation(sqliteEngine(t.db), now);
  }, 30_000);

  it('puts bills at 立项, 起草, 征求意见, awaiting approval with five days left and overdue for filing, once, with a chain that verifies', async () => {
    expect((await seedWorkflow(sqliteEngine(t.db), now)).created).toHaveLength(4);
    expect((await seedWorkflow(sqliteEngine(t.db), now)).created).toHaveLength(0);
    const admin = { id: 'x', email: 'admin@demo.lawbench', name: '孙管理', role: 'admin' as const };
    const rows = await listWorkflowBills(sqliteEngine(t.db), admin, {}, now);
    const byTitle = Object.fromEntries(rows.map((b) => [b.title, b]));
    expect(byTitle['舟山市电动自行车管理条例'].stage).toBe('proposal');
    expect(byTitle['嘉兴市养犬管理条例（修正草案）'].stage).toBe('drafting');
    expect(byTitle['舟山市养犬管理条例（修正草案）']).toMatchObject({ stage: 'consultation', nextDeadline: { kind: 'consultation_closes', daysLeft: 29 } });
    expect(byTitle['舟山市物业管理条例']).toMatchObject({ stage: 'approval', nextDeadline: { kind: 'approval_due', daysLeft: 5, overdue: false } });
    expect(byTitle['舟山市犬只收容管理办法']).toMatchObject({ stage: 'filing', nextDeadline: { kind: 'filing_due', daysLeft: -5, overdue: true } });
    // Overdue first.
    expect(rows[0].title).toBe('舟山市犬只收容管理办法');
    expect(getRegulation('舟山市犬只收容管理办法', { at: '2026-12-05' }, t.db)).toMatchObject({ status: 'in_force', version: { promulgatedOn: '2026-10-31', effectiveOn: '2026-11-30' } });
    expect(verifyAuditChain({}, t.db)).toMatchObject({ ok: true });
  });

  it('publishes and files the amendment of 宁波市法制宣传教育条例, its change in force fifty days on, once', async () => {
    expect((await seedPublication(sqliteEngine(t.db), now)).created).toEqual([demoPublishedBillTitle]);
    expect((await seedPublication(sqliteEngine(t.db), now)).created).toEqual([]);
    const r = getRegulation('宁波市法制宣传教育条例', { today: '2026-12-05' }, t.db);
    expect(r.versions.map((v) => [v.seq, v.change, v.effectiveOn])).toEqual([[1, 'original', '2010-06-01'], [2, 'amendment', '2027-01-24']]);
    expect(r).toMatchObject({ status: 'in_force', version: { seq: 1 }, outstanding: [{ seq: 2, effectiveOn: '2027-01-24' }] });
    const admin = { id: 'x', email: 'admin@demo.lawbench', name: '孙管理', role: 'admin' as const };
    expect((await listWorkflowBills(sqliteEngine(t.db), admin, {}, now)).find((b) => b.title === demoPublishedBillTitle)!.stage).toBe('done');
    expect(verifyAuditChain({}, t.db)).toMatchObject({ ok: true });
  });
});
