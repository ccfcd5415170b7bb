import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { engines } from '@/db/engineTesting';
import { listAuditEvents } from '@/lib/audit';
import { insertTestAccount } from '@/lib/auth/testing';
import type { CurrentUser } from '@/lib/auth';
import { walkBill } from '@/lib/demo';
import { createBill, setBillMember } from '@/lib/drafting';
import { listNotifications } from '@/lib/inbox';
import { importRegulation, readRegulation } from '@/lib/library';
import { parseRegulation, toParseJson } from '@/lib/legal-text';
import { indexedVersionsOf } from '@/lib/search';
import { getBillWorkflow } from '@/lib/workflow';
import { outcome } from '@/lib/workflow/testing/outcome';
import { buildPublicationFeed } from './buildPublicationFeed';
import { exportRegulation } from './exportRegulation';
import { filingPackage } from './filingPackage';
import { getBillPublication } from './getBillPublication';
import { listPublicationLog } from './listPublicationLog';
import { loadExportable } from './loadExportable';
import { noticeOfVersion } from './noticeOfVersion';
import { publishBill } from './publishBill';
import { recordFiling } from './recordFiling';
import { repealRegulation } from './repealRegulation';

const day = (iso: string) => new Date(`${iso}T02:00:00Z`);
const ruleText = (title: string) => `${title}\n\n第一条　为了规范测试工作，制定本规定。\n\n第二条　本规定自2026年6月1日起施行。`;

// A bill walked to 公布 through the real workflow and published by publishBill, on each engine;
// then everything after publication: the views of it, the filing, a repeal, a later version.
describe.each(engines())('after publication, on $name', ({ engine }) => {
  const p = {} as Record<'coordinator' | 'editor' | 'reviewer' | 'independent' | 'outsider' | 'admin', CurrentUser>;

  /// A government rule walked to 公布 and published on 1 May 2026 as 公告第`number`号; at 备案.
  async function publishedRule(title: string, number: number) {
    const bill = await createBill(engine(), p.coordinator, { title, kind: 'government_rule', from: { text: ruleText(title) } });
    await setBillMember(engine(), p.coordinator, bill.id, p.editor.email, 'editor');
    await walkBill(engine(), { coordinator: p.coordinator, reviewer: p.reviewer, independent: p.independent }, bill.id, 'proposal', [
      { to: 'drafting', at: day('2026-03-01'), note: '立项' },
      { to: 'consultation', at: day('2026-03-02'), note: '征求意见', consultation: { opensOn: '2026-03-02', closesOn: '2026-04-01', moderation: 'post' } },
      { to: 'legality_review', at: day('2026-04-10'), note: '合法性审核' },
      { to: 'executive_meeting', at: day('2026-04-20'), note: '常务会议' },
      { to: 'promulgation', at: day('2026-04-25'), note: '公布' },
    ]);
    const published = await publishBill(
      engine(),
      p.coordinator,
      bill.id,
      { announcementNumber: number, adoptedOn: '2026-04-20', adoptingMeeting: '某市人民政府常务会议', promulgatedOn: '2026-05-01', effectiveOn: '2026-06-01', enactingBody: '某市人民政府' },
      day('2026-05-01'),
    );
    const { regulationId, versionId, slug, noticeText } = published;
    expect(published).toMatchObject({ seq: 1, change: 'original', stage: 'filing' });
    return { bill, regulationId, versionId, slug, noticeText };
  }

  // Published once for the tests that only read it; a test that files, repeals or amends a rule
  // publishes its own, so that each passes alone and in any order.
  let rule: Awaited<ReturnType<typeof publishedRule>>;
  beforeAll(async () => {
    p.coordinator = await insertTestAccount(engine(), { role: 'drafter', name: '王牵头' });
    p.editor = await insertTestAccount(engine(), { role: 'drafter', name: '李起草' });
    p.reviewer = await insertTestAccount(engine(), { role: 'reviewer', name: '赵审核' });
    p.independent = await insertTestAccount(engine(), { role: 'reviewer', name: '钱法制' });
    p.outsider = await insertTestAccount(engine(), { role: 'drafter', name: '局外人' });
    p.admin = await insertTestAccount(engine(), { role: 'admin', name: '孙管理' });
    rule = await publishedRule('某市测试管理规定', 7);
  }, 60_000);

  it('shows the bill its publication, and the library its 公告, export, log and feed', async () => {
    const view = await getBillPublication(engine(), p.editor, rule.bill.id);
    expect(view.published).toMatchObject({ number: 7, promulgatedOn: '2026-05-01', effectiveOn: '2026-06-01', regulationSlug: rule.slug, versionSeq: 1, decision: null });
    expect(view.filing).toBeNull();
    expect(rule.noticeText.split('\n').slice(0, 2)).toEqual(['某市人民政府令', '第7号']);
    // The published version is the one the library searches.
    expect(await indexedVersionsOf(engine(), rule.regulationId)).toEqual([rule.versionId]);
    expect(await noticeOfVersion(engine(), rule.versionId)).toMatchObject({ number: 7, body: '某市人民政府', billId: rule.bill.id });
    const exportable = await loadExportable(engine(), rule.slug, { at: '2026-06-01' });
    expect(exportable).toMatchObject({ notice: { number: 7, body: '某市人民政府' }, regulation: { slug: rule.slug, workNumber: 7 }, version: { seq: 1, effectiveOn: '2026-06-01' } });
    const txt = new TextDecoder().decode((await exportRegulation(engine(), rule.slug, { format: 'txt', at: '2026-06-01' })).body);
    expect(txt).toContain('第一条　为了规范测试工作，制定本规定。');
    // The log's default page of 50 holds every event of the five rules this file publishes, in
    // whichever order the tests ran.
    expect((await listPublicationLog(engine())).some((e) => e.regulationId === rule.regulationId && e.slug === rule.slug)).toBe(true);
    expect(await buildPublicationFeed(engine(), 'log', 'https://lawbench.example')).toContain('某市测试管理规定');
    await expect(buildPublicationFeed(engine(), 'nope', 'https://lawbench.example')).rejects.toThrow('feed_not_found');
  });

  it('builds the filing package to check before filing, for members only', async () => {
    const download = await filingPackage(engine(), p.editor, rule.bill.id);
    const zip = await JSZip.loadAsync(download.body);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(expect.arrayContaining(['01-公告.txt', '02-某市测试管理规定.pdf', '03-某市测试管理规定.docx', '07-征求意见情况.pdf', 'manifest.json']));
    expect(await zip.file('01-公告.txt')!.async('string')).toContain('第7号');
    expect(await outcome(() => filingPackage(engine(), p.outsider, rule.bill.id))).toBe('not_found:bill_not_found');
  });

  it('records the filing once of two sent at the same moment, with its package, audit entry and notices', async () => {
    const filed = await publishedRule('某市备案测试规定', 10);
    const filing = { filedOn: '2026-05-20', bodies: ['某省人民政府', '某市人民代表大会常务委员会'] };
    const results = await Promise.all([1, 2].map(() => outcome(() => recordFiling(engine(), p.coordinator, filed.bill.id, filing, day('2026-05-20')))));
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r !== 'ok')[0]).toMatch(/^(conflict:not_at_filing|stage_changed:stage_changed)$/);
    expect((await getBillWorkflow(engine(), p.coordinator, filed.bill.id, day('2026-05-20'))).stage).toBe('done');
    const view = await getBillPublication(engine(), p.editor, filed.bill.id);
    expect(view.filing).toMatchObject({ filedOn: '2026-05-20', bodies: filing.bodies, packageSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // The package kept is the one filed, byte for byte.
    const kept = await filingPackage(engine(), p.editor, filed.bill.id);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(kept.body).digest('hex')).toBe(view.filing!.packageSha256);
    expect(await listAuditEvents(engine(), { billId: filed.bill.id, action: 'bill.file' })).toHaveLength(1);
    const told = await listNotifications(engine(), p.editor);
    expect(told.some((n) => n.billId === filed.bill.id && n.kind === 'stage_changed' && (n.detail as { to?: string }).to === 'done')).toBe(true);
    expect(await outcome(() => recordFiling(engine(), p.coordinator, filed.bill.id, filing, day('2026-05-21')))).toBe('conflict:not_at_filing');
  });

  it('refuses a filing dated before promulgation, and people who may not move the bill', async () => {
    const other = await publishedRule('某市另一测试规定', 8);
    expect(await outcome(() => recordFiling(engine(), p.coordinator, other.bill.id, { filedOn: '2026-04-30', bodies: ['某省人民政府'] }))).toBe('validation_failed:filed_before_promulgation');
    expect(await outcome(() => recordFiling(engine(), p.editor, other.bill.id, { filedOn: '2026-05-20', bodies: ['某省人民政府'] }))).toBe('forbidden:publish_forbidden');
    expect((await getBillPublication(engine(), p.editor, other.bill.id)).filing).toBeNull();
  });

  it('records a repeal once of two sent at the same moment, and only for an admin', async () => {
    const repealed = await publishedRule('某市待废止测试规定', 9);
    const repeal = { repealedOn: '2026-12-01', source: '《关于废止〈某市待废止测试规定〉的决定》' };
    expect(await outcome(() => repealRegulation(engine(), p.coordinator, repealed.slug, repeal))).toBe('forbidden:repeal_forbidden');
    expect(await outcome(() => repealRegulation(engine(), p.admin, repealed.slug, { ...repeal, repealedOn: '2026-04-01' }))).toBe('validation_failed:repealed_before_adoption');
    const results = await Promise.all([1, 2].map(() => outcome(() => repealRegulation(engine(), p.admin, repealed.slug, repeal))));
    expect(results.sort()).toEqual(['conflict:already_repealed', 'ok']);
    const after = await readRegulation(engine(), repealed.slug, { today: '2026-12-02' });
    expect(after.status).toBe('repealed');
    expect(after.events.filter((e) => e.kind === 'repealed').map((e) => e.on)).toEqual(['2026-12-01']);
    expect(await listAuditEvents(engine(), { targetType: 'regulation', targetId: repealed.regulationId, action: 'regulation.repeal' })).toHaveLength(1);
    // A repealed text is still searchable as it last stood.
    expect(await indexedVersionsOf(engine(), repealed.regulationId)).toEqual([repealed.versionId]);
  });

  it('imports a later version of a published rule, and the index moves to it, in force today', async () => {
    const earlier = await publishedRule('某市修改测试规定', 11);
    const amended = `${ruleText('某市修改测试规定').replace('制定本规定。', '结合本市实际，制定本规定。')}`;
    const later = await importRegulation(engine(), toParseJson(parseRegulation(amended)), { versionOf: earlier.slug, effectiveOn: '2026-07-01', change: 'amendment' });
    expect(later).toMatchObject({ regulationId: earlier.regulationId, seq: 2 });
    expect(await indexedVersionsOf(engine(), earlier.regulationId)).toEqual([later.versionId]);
    await expect(importRegulation(engine(), toParseJson(parseRegulation(amended)), { versionOf: earlier.slug, effectiveOn: '2026-07-01' })).rejects.toThrow('version_exists');
    await expect(importRegulation(engine(), toParseJson(parseRegulation(ruleText('某市修改测试规定'))))).rejects.toThrow('regulation_exists');
  });
});
