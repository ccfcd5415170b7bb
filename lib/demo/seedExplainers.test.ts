import { afterAll, describe, expect, it } from 'vitest';
import { sqliteEngine } from '@/db/engine';
import { freshDatabase } from '@/db/testing';
import { verifyAuditChain } from '@/lib/audit';
import { explainersCiting, getExplainer, listExplainers } from '@/lib/explainers';
import { getRegulation } from '@/lib/library';
import { seedDemoData } from './seedDemoData';
import { demoExplainers, seedExplainers } from './seedExplainers';
import { seedLibrary } from './seedLibrary';

const t = freshDatabase();
afterAll(t.cleanup);

describe('seedExplainers', () => {
  it('writes seven approved pieces of the four kinds, once, every citation resolving', async () => {
    await seedDemoData(sqliteEngine(t.db));
    await seedLibrary(sqliteEngine(t.db));
    const now = new Date('2026-12-05T04:00:00Z');
    const { created } = await seedExplainers(sqliteEngine(t.db), now);
    expect(created).toEqual(demoExplainers.map((e) => e.title));
    expect(created).toHaveLength(7);
    expect((await seedExplainers(sqliteEngine(t.db), now)).created).toEqual([]);

    const engine = sqliteEngine(t.db);
    const { items, total } = await listExplainers(engine, null, {});
    expect(total).toBe(7);
    // Newest first: the pieces were written a minute apart.
    expect(items.map((e) => e.title)).toEqual([...created].reverse());
    expect(items.every((e) => e.status === 'approved' && e.reviewedBy !== null)).toBe(true);
    expect(Object.fromEntries(['interpretation', 'education', 'aid_guide', 'qa'].map((k) => [k, items.filter((e) => e.kind === k).length]))).toEqual({ interpretation: 3, education: 1, aid_guide: 1, qa: 2 });
    expect(new Set(items.map((e) => e.authorName))).toEqual(new Set(['王芳', '刘洋']));

    const views = await Promise.all(items.map((e) => getExplainer(engine, null, e.id)));
    for (const v of views) {
      expect(v.body.length, v.title).toBeGreaterThanOrEqual(300);
      expect(v.body.length, v.title).toBeLessThanOrEqual(1200);
      expect(v.citations.length, v.title).toBeGreaterThanOrEqual(3);
      expect(v.citations.filter((c) => c.status === 'unresolved'), v.title).toEqual([]);
      expect(v.intendedCitations).toEqual([]);
      // Each piece speaks of a date on which the texts it concerns were in force.
      for (const r of v.regulations) expect(getRegulation(r.id, { at: v.asOf }, t.db).inForceAt, `${v.title}: ${r.title}`).toBe(true);
    }

    // Only the 北京市审计条例 piece, dated before the 2023 amendment, cites an article that has moved.
    const moved = views.filter((v) => v.citations.some((c) => c.status !== 'current'));
    expect(moved.map((v) => v.title)).toEqual(['《北京市审计条例》第二条释义：审计机关的设立与领导体制']);
    const second = moved[0].citations.find((c) => c.text === '本条例第二条第一款')!;
    expect(second).toMatchObject({ citation: '《北京市审计条例》第二条第一款', status: 'amended', at: '2020-01-01' });
    expect(second.change!.on).toBe('2023-11-24');
    expect(second.change!.before).toContain('市和区、县人民政府依法设立审计机关');
    expect(second.change!.after).toContain('坚持中国共产党对审计工作的领导');
    expect(moved[0].citations.find((c) => c.citation === '《北京市审计条例》第六条第一款')!.status).toBe('current');

    // The page of a cited 舟山 article lists the 释义 that explains it.
    const zhoushan = getRegulation('舟山市养犬管理条例', {}, t.db).regulation.id;
    const registration = views.find((v) => v.title.includes('准养登记'))!;
    const article17 = registration.citations.find((c) => c.citation === '《舟山市养犬管理条例》第十七条')!;
    expect(article17).toMatchObject({ regulationId: zhoushan, status: 'current' });
    expect((await explainersCiting(engine, zhoushan, article17.eid!)).map((e) => e.title)).toEqual([registration.title]);
    // 第二十四条 is explained in the 释义 and answered in the 问答.
    const walking = views.find((v) => v.title.includes('带犬出门'))!;
    const article24 = walking.citations.find((c) => c.citation === '《舟山市养犬管理条例》第二十四条第一款')!;
    expect((await explainersCiting(engine, zhoushan, article24.eid!)).map((e) => e.kind).sort()).toEqual(['interpretation', 'qa']);

    expect(verifyAuditChain({}, t.db)).toMatchObject({ ok: true });
  });
});
