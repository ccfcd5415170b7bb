import { beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { engines } from '@/db/engineTesting';
import type { Engine } from '@/db/engine';
import { caught, outcome } from '@/lib/workflow/testing/outcome';
import { insertTestAccount } from '@/lib/auth/testing';
import type { CurrentUser } from '@/lib/auth';
import { readRegulation } from '@/lib/library';
import { explainersCiting, explainersNeedingReview, listExplainers } from './listExplainers';
import { getExplainer } from './getExplainer';
import { listRevisions } from './listRevisions';
import { previewExplainer } from './previewExplainer';
import { renderExplainerBody } from './renderExplainer';
import { resolveCitations } from './resolveCitations';
import { movedArticles } from './movedArticles';
import { reviewExplainer, submitExplainer, unpublishExplainer } from './reviewExplainer';
import { createExplainer, updateExplainer } from './saveExplainer';
import { insertSeedRegulations } from './testing/insertSeedRegulations';

const draft = (over: Record<string, unknown> = {}) => ({
  kind: 'interpretation',
  title: '审计机关的设立',
  summary: '北京市审计条例第二条释义',
  body: '本条例第二条规定了审计机关的设立。第三条规定了审计监督的范围；前款所称……',
  regulations: ['北京市审计条例'],
  asOf: '2020-01-01',
  ...over,
});

// A body whose citations all resolve, as the draft's after its edit.
const resolvedBody = '本条例第二条规定了审计机关的设立。第三条规定了审计监督的范围；本条所称审计，依照审计法执行。';

// The revision numbers stored for a piece of content, and its audit actions, in order.
async function revisionsOf(engine: Engine, id: string): Promise<number[]> {
  const r = engine.t.explainerRevisions;
  return (await engine.db.select({ seq: r.seq }).from(r).where(eq(r.explainerId, id)).orderBy(asc(r.seq))).map((x) => x.seq);
}
async function auditActionsOf(engine: Engine, id: string, action?: string): Promise<string[]> {
  const a = engine.t.auditEvents;
  return (await engine.db.select({ action: a.action }).from(a).where(and(eq(a.targetId, id), action ? eq(a.action, action) : undefined)).orderBy(asc(a.id))).map((x) => x.action);
}

describe.each(engines())('explainers on $name', ({ engine }) => {
  let volunteer: CurrentUser, reviewer: CurrentUser, reviewer2: CurrentUser, otherVolunteer: CurrentUser, citizen: CurrentUser;
  let audit: string;
  beforeAll(async () => {
    // The Beijing audit regulation in its two versions (amended 2023-11-24) and the Zhejiang
    // legal-aid regulation, as the demo library holds them.
    await insertSeedRegulations(engine(), [{ file: 'reg-087-zhejiang.md' }, { file: 'dev-03-bj-audit-old.md' }, { file: 'dev-03-bj-audit-new.md', versionOf: '北京市审计条例' }]);
    volunteer = await insertTestAccount(engine(), { role: 'volunteer', name: '刘志愿' });
    otherVolunteer = await insertTestAccount(engine(), { role: 'volunteer', name: '另一位志愿者' });
    reviewer = await insertTestAccount(engine(), { role: 'reviewer', name: '赵审核' });
    reviewer2 = await insertTestAccount(engine(), { role: 'reviewer', name: '钱审核' });
    citizen = await insertTestAccount(engine(), { role: 'public', name: '陈市民' });
    audit = (await readRegulation(engine(), '北京市审计条例')).regulation.id;
  });

  describe('citations in content', () => {
    it('resolves 本条例, bare article numbers, named regulations and 前款 as in force on the content date, and says what moved since', async () => {
      const ctx = { asOf: '2020-01-01', regulationIds: [audit] };
      const found = await resolveCitations(engine(), '本条例第二条；第三条；《浙江省法律援助条例》第十二条第一款；前款；第九百条；《中华人民共和国民法典》第一条', ctx, '2026-12-05');
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
      expect((await resolveCitations(engine(), '本条例第二条', { ...ctx, asOf: '2024-01-01' }, '2026-12-05'))[0].status).toBe('current');
      // And before it took effect, nothing had moved yet.
      expect((await resolveCitations(engine(), '本条例第二条', ctx, '2023-11-23'))[0].status).toBe('current');
      // 前款 after a whole article names nothing certain; after 第二款 it is the first.
      const legalAid = { asOf: '2024-01-01', regulationIds: [(await readRegulation(engine(), '北京市审计条例')).regulation.id] };
      expect((await resolveCitations(engine(), '第二条；前款', legalAid)).map((c) => c.reason ?? c.citation)).toEqual(['《北京市审计条例》第二条', 'no_context']);
    });

    it('renders the body with each citation linked in text order across paragraphs and emphasis, and marks one that names nothing', async () => {
      const body = '本条例**第二条第二款**规定了领导体制。\n\n前款所称审计机关，见第九百条。';
      const html = await renderExplainerBody(engine(), { body, asOf: '2020-01-01', regulations: [{ id: audit, slug: '北京市审计条例', title: '北京市审计条例' }] }, '2026-12-05');
      const links = [...html.matchAll(/<a class="cite" href="([^"]+)" title="([^"]+)">/g)].map((m) => [decodeURIComponent(m[1]), m[2]]);
      // 前款 in the second paragraph follows 第二条第二款 in the first: 第二条第一款.
      expect(links).toEqual([
        ['/regulations/北京市审计条例/articles/2?at=2020-01-01', '《北京市审计条例》第二条第二款'],
        ['/regulations/北京市审计条例/articles/2?at=2020-01-01', '《北京市审计条例》第二条第一款'],
      ]);
      expect(html).toContain('<span class="cite cite--unresolved" title="该日施行的文本中没有这一条款">第九百条</span>');
    });

    it('previews a body for a writer, leaving unknown regulations out of its context', async () => {
      const preview = await previewExplainer(engine(), volunteer, { body: '本条例第三条；《浙江省法律援助条例》第八条', asOf: '2020-01-01', regulations: ['没有这部条例', '北京市审计条例'] });
      expect(preview.citations.map((c) => [c.citation, c.status])).toEqual([
        ['《北京市审计条例》第三条', 'current'],
        ['《浙江省法律援助条例》第八条', 'current'],
      ]);
      expect(preview.html).toContain('<a class="cite"');
      expect(await caught(() => previewExplainer(engine(), citizen, { body: '第三条' }))).toMatchObject({ code: 'forbidden' });
    });
  });

  describe('writing and reviewing content', () => {
    it('keeps a draft from everyone but its author and reviewers, blocks approval on unresolved citations, and publishes on approval', async () => {
      const { id } = await createExplainer(engine(), volunteer, draft());
      for (const who of [null, citizen, otherVolunteer]) expect(await caught(() => getExplainer(engine(), who, id))).toMatchObject({ code: 'not_found' });
      expect((await getExplainer(engine(), volunteer, id)).status).toBe('draft');
      expect((await getExplainer(engine(), reviewer, id)).citations.map((c) => c.status)).toEqual(['amended', 'current', 'unresolved']);
      expect((await getExplainer(engine(), reviewer, id)).citations[2]).toMatchObject({ text: '前款', reason: 'no_context' });
      expect(await caught(() => submitExplainer(engine(), volunteer, id))).toMatchObject({ code: 'conflict', message: 'citations_unresolved', details: { citations: ['前款'] } });
      await updateExplainer(engine(), volunteer, id, draft({ body: resolvedBody }));
      expect(await revisionsOf(engine(), id)).toEqual([1, 2]);
      const revisions = await listRevisions(engine(), volunteer, id);
      expect(revisions[1].tokens.filter((x) => x.op === 'insert').map((x) => x.text).join('')).toContain('依照审计法执行');
      expect(await caught(() => listRevisions(engine(), otherVolunteer, id))).toMatchObject({ code: 'not_found' });
      await submitExplainer(engine(), volunteer, id);
      expect(await caught(() => reviewExplainer(engine(), volunteer, id, { decision: 'approve' }))).toMatchObject({ code: 'forbidden' });
      expect(await caught(() => reviewExplainer(engine(), reviewer, id, { decision: 'return' }))).toMatchObject({ message: 'explainer_note_required' });
      expect((await listExplainers(engine(), null, {})).items.map((e) => e.id)).not.toContain(id);
      await reviewExplainer(engine(), reviewer, id, { decision: 'approve', note: '准确。' });
      expect((await getExplainer(engine(), null, id)).status).toBe('approved');
      expect((await listExplainers(engine(), null, { q: '审计' })).items.map((e) => e.id)).toContain(id);
      expect((await explainersCiting(engine(), audit, (await readRegulation(engine(), audit, { at: '2020-01-01' })).text.articles[1].eid)).map((e) => e.id)).toContain(id);
      const needing = await explainersNeedingReview(engine(), volunteer, '2026-12-05');
      expect(needing.map((e) => [e.id, e.moved])).toContainEqual([id, 1]);
      // Other tests' explainers may be listed too, whichever ran first, but only the volunteer's
      // own approved ones, each with a citation that moved.
      expect(needing.filter((e) => e.status !== 'approved' || e.authorId !== volunteer.id || e.moved < 1)).toEqual([]);
      expect(await explainersNeedingReview(engine(), otherVolunteer, '2026-12-05')).toEqual([]);
      await unpublishExplainer(engine(), reviewer, id, '条例已修改，待更新。');
      expect(await caught(() => getExplainer(engine(), null, id))).toMatchObject({ code: 'not_found' });
      expect(await auditActionsOf(engine(), id)).toEqual(['explainer.create', 'explainer.edit', 'explainer.submit', 'explainer.approve', 'explainer.unpublish']);
    });

    it('refuses a 200 KB body with the limit, an unknown regulation and people who may not write', async () => {
      expect(await caught(() => createExplainer(engine(), volunteer, draft({ body: '法'.repeat(200_000) })))).toMatchObject({ message: 'explainer_body_too_long', details: { limit: '60,000 字' } });
      expect(await caught(() => createExplainer(engine(), volunteer, draft({ regulations: ['没有这部条例'] })))).toMatchObject({ message: 'regulation_not_found' });
      expect(await caught(() => createExplainer(engine(), citizen, draft()))).toMatchObject({ code: 'forbidden' });
      expect(await caught(() => createExplainer(engine(), null, draft()))).toMatchObject({ code: 'unauthenticated' });
      const { id } = await createExplainer(engine(), volunteer, draft({ body: '本条例第三条。' }));
      expect(await caught(() => updateExplainer(engine(), otherVolunteer, id, draft()))).toMatchObject({ code: 'not_found' });
    });

    it('lists content saved in the same moment newest made first, the same on every call', async () => {
      const moment = new Date('2026-01-02T03:04:05Z');
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) ids.push((await createExplainer(engine(), otherVolunteer, draft({ title: `同一时刻 ${i}`, body: '本条例第三条。' }), moment)).id);
      const mine = (await listExplainers(engine(), otherVolunteer, { scope: 'mine', q: '同一时刻' })).items.map((e) => e.id);
      expect(mine).toEqual([...ids].reverse());
      const paged = [...(await listExplainers(engine(), otherVolunteer, { scope: 'mine', q: '同一时刻', limit: 3 })).items, ...(await listExplainers(engine(), otherVolunteer, { scope: 'mine', q: '同一时刻', limit: 3, offset: 3 })).items];
      expect(paged.map((e) => e.id)).toEqual(mine);
    });
  });

  describe('two people at once', () => {
    it('numbers two edits saved at once one after the other, each audited with the status it found', async () => {
      const { id } = await createExplainer(engine(), volunteer, draft({ body: resolvedBody }));
      await submitExplainer(engine(), volunteer, id);
      await reviewExplainer(engine(), reviewer, id, { decision: 'approve' });
      const results = await Promise.all([1, 2, 3].map((n) => outcome(() => updateExplainer(engine(), volunteer, id, draft({ body: `${resolvedBody}（第${n}稿）` })))));
      expect(results).toEqual(['ok', 'ok', 'ok']);
      expect(await revisionsOf(engine(), id)).toEqual([1, 2, 3, 4]);
      expect((await getExplainer(engine(), volunteer, id)).revision).toBe(4);
      const a = engine().t.auditEvents;
      const edits = await engine().db.select({ detail: a.detail }).from(a).where(and(eq(a.targetId, id), eq(a.action, 'explainer.edit'))).orderBy(asc(a.id));
      // Only the first found it approved; the others found the draft it made.
      expect(edits.map((e) => e.detail)).toEqual([
        { revision: 2, from: 'approved' },
        { revision: 3, from: 'draft' },
        { revision: 4, from: 'draft' },
      ]);
    });

    it('takes one of two reviews decided at once and refuses the other', async () => {
      const { id } = await createExplainer(engine(), volunteer, draft({ body: resolvedBody }));
      await submitExplainer(engine(), volunteer, id);
      const results = await Promise.all([
        outcome(() => reviewExplainer(engine(), reviewer, id, { decision: 'approve' })),
        outcome(() => reviewExplainer(engine(), reviewer2, id, { decision: 'return', note: '请补充。' })),
      ]);
      expect(results.filter((r) => r === 'ok')).toHaveLength(1);
      expect(results.filter((r) => r === 'conflict:explainer_status_changed' || r === 'conflict:explainer_not_in_review')).toHaveLength(1);
      expect(await auditActionsOf(engine(), id)).toHaveLength(3);
    });

    it('never sends for review a text other than the one whose citations were checked', async () => {
      const unresolved = `${resolvedBody}前款。`;
      // An edit that adds an unresolved citation, saved while the author sends the draft.
      const { id } = await createExplainer(engine(), volunteer, draft({ body: resolvedBody }));
      await Promise.all([outcome(() => submitExplainer(engine(), volunteer, id)), outcome(() => updateExplainer(engine(), volunteer, id, draft({ body: unresolved })))]);
      const sent = await getExplainer(engine(), volunteer, id);
      if (sent.status === 'in_review') expect(sent.body).toBe(resolvedBody);
    });

    it('approves the revision the reviewer read, never one saved and sent again meanwhile', async () => {
      // A long text takes the reviewer a while to check: on SQLite long enough for the author to
      // save a shorter one and send it again before the approval is written (on PostgreSQL the
      // author's queries take longer and the race is rarely met).
      const id = (await createExplainer(engine(), volunteer, draft({ body: resolvedBody + '第三条。'.repeat(400) }))).id;
      await submitExplainer(engine(), volunteer, id);
      const [review] = await Promise.all([
        outcome(() => reviewExplainer(engine(), reviewer, id, { decision: 'approve' })),
        (async () => {
          expect(await outcome(() => updateExplainer(engine(), volunteer, id, draft({ body: `${resolvedBody}（改）` })))).toBe('ok');
          expect(await outcome(() => submitExplainer(engine(), volunteer, id))).toBe('ok');
        })(),
      ]);
      const after = await getExplainer(engine(), volunteer, id);
      const a = engine().t.auditEvents;
      const approvals = await engine().db.select({ detail: a.detail }).from(a).where(and(eq(a.targetId, id), eq(a.action, 'explainer.approve')));
      if (review === 'ok') {
        // Approved before the edit: the edit took it back to draft and it was sent again.
        expect(approvals.map((x) => x.detail?.revision)).toEqual([1]);
        expect([after.status, after.revision]).toEqual(['in_review', 2]);
      } else {
        expect(['conflict:explainer_status_changed', 'conflict:explainer_not_in_review']).toContain(review);
        expect(approvals).toEqual([]);
        expect([after.status, after.revision]).toEqual(['in_review', 2]);
      }
    });
  });

  describe('movedArticles', () => {
    it('gives one notice per moved article, named by the article, however many of its 款 are cited', async () => {
      const citations = await resolveCitations(engine(), '本条例第二条第一款；第二条第二款；第三条', { asOf: '2020-01-01', regulationIds: [audit] }, '2026-12-05');
      expect(movedArticles(citations).map((c) => [c.citation, c.status])).toEqual([['《北京市审计条例》第二条', 'amended']]);
    });
  });
});
