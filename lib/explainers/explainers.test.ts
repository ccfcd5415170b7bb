import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDatabase } from '@/db/testing';
import { caught } from '@/lib/workflow/testing/outcome';
import { auditEvents, explainerRevisions } from '@/db/schema';
import { insertTestUser } from '@/lib/auth/testing';
import type { CurrentUser } from '@/lib/auth';
import { seedLibrary } from '@/lib/demo';
import { explainersCiting, explainersNeedingReview, listExplainers } from './listExplainers';
import { getExplainer } from './getExplainer';
import { listRevisions } from './listRevisions';
import { resolveCitations } from './resolveCitations';
import { movedArticles } from './movedArticles';
import { reviewExplainer, submitExplainer, unpublishExplainer } from './reviewExplainer';
import { createExplainer, updateExplainer } from './saveExplainer';
import { getRegulation } from '@/lib/library';

const t = freshDatabase();
afterAll(t.cleanup);
const { db } = t;
let volunteer: CurrentUser, reviewer: CurrentUser, otherVolunteer: CurrentUser, citizen: CurrentUser;
let audit: string;
beforeAll(async () => {
  await seedLibrary(db);
  volunteer = insertTestUser(db, 'volunteer', '刘志愿');
  otherVolunteer = insertTestUser(db, 'volunteer', '另一位志愿者');
  reviewer = insertTestUser(db, 'reviewer', '赵审核');
  citizen = insertTestUser(db, 'public', '陈市民');
  audit = getRegulation('北京市审计条例', {}, db).regulation.id;
});


const draft = (over: Record<string, unknown> = {}) => ({
  kind: 'interpretation',
  title: '审计机关的设立',
  summary: '北京市审计条例第二条释义',
  body: '本条例第二条规定了审计机关的设立。第三条规定了审计监督的范围；前款所称……',
  regulations: ['北京市审计条例'],
  asOf: '2020-01-01',
  ...over,
});

describe('citations in content', () => {
  it('resolves 本条例, bare article numbers, named regulations and 前款 as in force on the content date, and says what moved since', () => {
    const ctx = { asOf: '2020-01-01', regulationIds: [audit] };
    const found = resolveCitations('本条例第二条；第三条；《浙江省法律援助条例》第十二条第一款；前款；第九百条；《中华人民共和国民法典》第一条', ctx, db, '2026-12-05');
    expect(found.map((c) => [c.text, c.citation, c.status, c.reason ?? null])).toEqual([
      ['本条例第二条', '《北京市审计条例》第二条', 'amended', null],
      ['第三条', '《北京市审计条例》第三条', 'current', null],
      ['《浙江省法律援助条例》第十二条第一款', '《浙江省法律援助条例》第十二条第一款', 'current', null],
      ['前款', null, 'unresolved', 'provision_missing'],
      ['第九百条', null, 'unresolved', 'provision_missing'],
      ['《中华人民共和国民法典》第一条', null, 'unresolved', 'regulation_unknown'],
    ]);
    const second = found[0];
    expect(second.href).toBe(`/regulations/${encodeURIComponent('北京市审计条例')}/articles/2?at=2020-01-01`);
    expect(second.change!.on).toBe('2023-11-24');
    expect(second.change!.tokens.some((x) => x.op !== 'equal')).toBe(true);
    // Read after the amendment took effect, the same citation is current.
    expect(resolveCitations('本条例第二条', { ...ctx, asOf: '2024-01-01' }, db, '2026-12-05')[0].status).toBe('current');
    // And before it took effect, nothing had moved yet.
    expect(resolveCitations('本条例第二条', ctx, db, '2023-11-23')[0].status).toBe('current');
    // 前款 after a whole article names nothing certain; after 第二款 it is the first.
    const legalAid = { asOf: '2024-01-01', regulationIds: [getRegulation('北京市审计条例', {}, db).regulation.id] };
    expect(resolveCitations('第二条；前款', legalAid, db).map((c) => c.reason ?? c.citation)).toEqual(['《北京市审计条例》第二条', 'no_context']);
  });
});

describe('writing and reviewing content', () => {
  it('keeps a draft from everyone but its author and reviewers, blocks approval on unresolved citations, and publishes on approval', async () => {
    const { id } = createExplainer(volunteer, draft(), db);
    for (const who of [null, citizen, otherVolunteer]) expect(await caught(() => getExplainer(who, id, db))).toMatchObject({ code: 'not_found' });
    expect(getExplainer(volunteer, id, db).status).toBe('draft');
    expect(getExplainer(reviewer, id, db).citations.map((c) => c.status)).toEqual(['amended', 'current', 'unresolved']);
    expect(getExplainer(reviewer, id, db).citations[2]).toMatchObject({ text: '前款', reason: 'no_context' });
    expect(await caught(() => submitExplainer(volunteer, id, db))).toMatchObject({ code: 'conflict', message: 'citations_unresolved', details: { citations: ['前款'] } });
    updateExplainer(volunteer, id, draft({ body: '本条例第二条规定了审计机关的设立。第三条规定了审计监督的范围；本条所称审计，依照审计法执行。' }), db);
    expect(db.select().from(explainerRevisions).where(eq(explainerRevisions.explainerId, id)).all().map((r) => r.seq)).toEqual([1, 2]);
    const revisions = listRevisions(volunteer, id, db);
    expect(revisions[1].tokens.filter((x) => x.op === 'insert').map((x) => x.text).join('')).toContain('依照审计法执行');
    expect(await caught(() => listRevisions(otherVolunteer, id, db))).toMatchObject({ code: 'not_found' });
    submitExplainer(volunteer, id, db);
    expect(await caught(() => reviewExplainer(volunteer, id, { decision: 'approve' }, db))).toMatchObject({ code: 'forbidden' });
    expect(await caught(() => reviewExplainer(reviewer, id, { decision: 'return' }, db))).toMatchObject({ message: 'explainer_note_required' });
    expect(listExplainers(null, {}, db).items.map((e) => e.id)).not.toContain(id);
    reviewExplainer(reviewer, id, { decision: 'approve', note: '准确。' }, db);
    expect(getExplainer(null, id, db).status).toBe('approved');
    expect(listExplainers(null, { q: '审计' }, db).items.map((e) => e.id)).toContain(id);
    expect(explainersCiting(audit, getRegulation(audit, { at: '2020-01-01' }, db).text.articles[1].eid, db).map((e) => e.id)).toContain(id);
    expect(explainersNeedingReview(volunteer, db, '2026-12-05').map((e) => [e.id, e.moved])).toEqual([[id, 1]]);
    expect(explainersNeedingReview(otherVolunteer, db, '2026-12-05')).toEqual([]);
    unpublishExplainer(reviewer, id, '条例已修改，待更新。', db);
    expect(await caught(() => getExplainer(null, id, db))).toMatchObject({ code: 'not_found' });
    expect(db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.targetId, id)).all().map((a) => a.action)).toEqual([
      'explainer.create', 'explainer.edit', 'explainer.submit', 'explainer.approve', 'explainer.unpublish',
    ]);
  });

  it('refuses a 200 KB body with the limit, an unknown regulation and people who may not write', async () => {
    expect(await caught(() => createExplainer(volunteer, draft({ body: '法'.repeat(200_000) }), db))).toMatchObject({ message: 'explainer_body_too_long', details: { limit: '60,000 字' } });
    expect(await caught(() => createExplainer(volunteer, draft({ regulations: ['没有这部条例'] }), db))).toMatchObject({ message: 'regulation_not_found' });
    expect(await caught(() => createExplainer(citizen, draft(), db))).toMatchObject({ code: 'forbidden' });
    expect(await caught(() => createExplainer(null, draft(), db))).toMatchObject({ code: 'unauthenticated' });
    const { id } = createExplainer(volunteer, draft({ body: '本条例第三条。' }), db);
    expect(await caught(() => updateExplainer(otherVolunteer, id, draft(), db))).toMatchObject({ code: 'not_found' });
  });
});

describe('movedArticles', () => {
  it('gives one notice per moved article, named by the article, however many of its 款 are cited', () => {
    const citations = resolveCitations('本条例第二条第一款；第二条第二款；第三条', { asOf: '2020-01-01', regulationIds: [audit] }, db, '2026-12-05');
    expect(movedArticles(citations).map((c) => [c.citation, c.status])).toEqual([['《北京市审计条例》第二条', 'amended']]);
  });
});
