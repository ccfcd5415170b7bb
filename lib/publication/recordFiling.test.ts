import { sqliteEngine } from '@/db/engine';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { eq } from 'drizzle-orm';
import { freshDatabase } from '@/db/testing';
import { auditEvents, bills } from '@/db/schema';
import { isAppError } from '@/lib/errors';
import { getRegulation } from '@/lib/library';
import type { BillStage } from '@/lib/shared';
import { getBillWorkflow } from '@/lib/workflow';
import { billWithPeople } from '@/lib/workflow/testing/billAtStage';
import { filingPackage } from './filingPackage';
import { publishBill } from './publishBill';
import { recordFiling } from './recordFiling';
import { repealRegulation } from './repealRegulation';

const t = freshDatabase();
afterAll(t.cleanup);
const { db } = t;
const day = (iso: string) => new Date(`${iso}T04:00:00Z`);

async function rejected(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message, details: e.details };
    throw e;
  }
  throw new Error('did not reject');
}

const toPromulgation: BillStage[] = ['drafting', 'consultation', 'legality_review', 'executive_meeting', 'promulgation'];

/// A government rule published on 1 May 2026, its filing due 31 May.
async function publishedRule(number = 7, title = '测试市犬只收容管理办法') {
  const b = await billWithPeople(db, 'government_rule', { title });
  for (const [i, stage] of toPromulgation.entries()) await b.walk(stage, day(`2026-04-0${i + 1}`));
  const published = await publishBill(sqliteEngine(db), b.coordinator, b.billId, { announcementNumber: number, promulgatedOn: '2026-05-01', effectiveOn: '2026-06-01' }, day('2026-05-01'));
  return { ...b, published };
}

describe('recordFiling and the filing package', () => {
  it('builds the package with a manifest of SHA-256s, keeps it as filed, and closes the 30-day clock', async () => {
    const b = await publishedRule();
    expect(b.published.noticeText.split('\n')[0]).toBe('测试市人民政府令');
    expect((await getBillWorkflow(sqliteEngine(db), b.coordinator, b.billId, day('2026-06-05'))).deadlines.map((d) => [d.kind, d.dueOn, d.overdue])).toContainEqual(['filing_due', '2026-05-31', true]);
    const preview = await filingPackage(sqliteEngine(db), b.coordinator, b.billId);
    expect(preview.filename).toBe('测试市犬只收容管理办法-备案材料.zip');
    const zip = await JSZip.loadAsync(preview.body);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest.files.map((f: { what: string }) => f.what)).toEqual(['公告', '正文（PDF）', '正文（Word）', '起草说明', '征求意见情况通报']);
    for (const f of manifest.files) {
      const bytes = await zip.file(f.name)!.async('uint8array');
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
    }
    expect(await zip.file('01-公告.txt')!.async('string')).toContain('第7号');

    expect(await rejected(recordFiling(sqliteEngine(db), b.coordinator, b.billId, { filedOn: '2026-04-30', bodies: ['测试省人民政府'] }))).toMatchObject({ message: 'filed_before_promulgation' });
    expect(await rejected(recordFiling(sqliteEngine(db), b.coordinator, b.billId, { filedOn: '2026-05-20', bodies: ' ' }))).toMatchObject({ message: 'filing_bodies_required' });
    const { packageSha256 } = await recordFiling(sqliteEngine(db), b.coordinator, b.billId, { filedOn: '2026-05-20', bodies: '测试省人民政府、测试市人大常委会' }, day('2026-05-20'));
    expect(db.select().from(bills).where(eq(bills.id, b.billId)).get()!.stage).toBe('done');
    expect((await getBillWorkflow(sqliteEngine(db), b.coordinator, b.billId, day('2026-06-05'))).deadlines.map((d) => d.kind)).not.toContain('filing_due');
    const filed = await filingPackage(sqliteEngine(db), b.reviewer, b.billId);
    expect(createHash('sha256').update(filed.body).digest('hex')).toBe(packageSha256);
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'bill.file')).get()!.detail).toMatchObject({ bodies: ['测试省人民政府', '测试市人大常委会'], packageSha256 });
    expect(await rejected(recordFiling(sqliteEngine(db), b.coordinator, b.billId, { filedOn: '2026-05-21', bodies: ['x'] }))).toMatchObject({ code: 'conflict', message: 'not_at_filing' });
  });

  it('has no package before publication and none for an outsider', async () => {
    const b = await billWithPeople(db, 'government_rule');
    await b.walk('drafting', day('2026-04-01'));
    expect(await rejected(filingPackage(sqliteEngine(db), b.coordinator, b.billId))).toMatchObject({ code: 'not_found', message: 'not_published' });
    expect(await rejected(recordFiling(sqliteEngine(db), b.coordinator, b.billId, { filedOn: '2026-05-20', bodies: ['x'] }))).toMatchObject({ code: 'conflict', message: 'not_at_filing' });
    expect(await rejected(filingPackage(sqliteEngine(db), b.outsider, b.billId))).toMatchObject({ code: 'not_found' });
  });
});

describe('repealRegulation', () => {
  it('records a repeal as an event from its date, for an admin only, once', async () => {
    const b = await publishedRule(8, '测试市临时收容办法');
    const id = b.published.regulationId;
    await expect(repealRegulation(sqliteEngine(db), b.coordinator, id, { repealedOn: '2027-01-01', source: '《关于废止〈测试市犬只收容管理办法〉的决定》' })).rejects.toThrow(/repeal_forbidden/);
    await expect(repealRegulation(sqliteEngine(db), b.admin, id, { repealedOn: '2026-01-01', source: '决定' })).rejects.toThrow(/repealed_before_adoption/);
    await repealRegulation(sqliteEngine(db), b.admin, id, { repealedOn: '2027-01-01', source: '《关于废止〈测试市犬只收容管理办法〉的决定》' });
    expect(getRegulation(id, { at: '2026-12-31' }, db)).toMatchObject({ status: 'in_force', repealed: null });
    expect(getRegulation(id, { at: '2027-01-01' }, db)).toMatchObject({ status: 'repealed', repealed: { on: '2027-01-01', source: '《关于废止〈测试市犬只收容管理办法〉的决定》' } });
    await expect(repealRegulation(sqliteEngine(db), b.admin, id, { repealedOn: '2027-02-01', source: '决定' })).rejects.toThrow(/already_repealed/);
  });
});
