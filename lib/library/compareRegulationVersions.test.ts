import { sqliteEngine } from '@/db/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { seedLibrary } from '@/lib/demo';
import { compareRegulationVersions } from './compareRegulationVersions';

const t = freshDatabase();
afterAll(t.cleanup);
beforeAll(async () => {
  await seedLibrary(sqliteEngine(t.db));
});

describe('compareRegulationVersions', () => {
  it('compares the 2012 text of 北京市审计条例 with the 2023 amendment by content', async () => {
    const r = await compareRegulationVersions(sqliteEngine(t.db), '北京市审计条例', { from: 1, to: 2 });
    expect(r.regulation.title).toBe('北京市审计条例');
    expect(r.from).toMatchObject({ seq: 1, change: 'original', effectiveOn: '2012-10-01' });
    expect(r.to).toMatchObject({ seq: 2, change: 'amendment', effectiveOn: '2023-11-24' });
    expect(r.comparison.alignment).toBe('content');
    const commencement = r.comparison.articles.find((a) => a.old === 44);
    expect(commencement).toMatchObject({ change: 'renumbered', new: 37 });
    const threats = r.comparison.articles.find((a) => a.old === 42);
    expect(threats).toMatchObject({ change: 'modified', new: 36 });
    expect(threats!.tokens).toContainEqual({ op: 'delete', text: '行政' });
    expect(r.comparison.summary.added).toBeGreaterThan(0);
    expect(r.comparison.summary.deleted).toBeGreaterThan(0);
  });

  it('compares the two latest versions when no seqs are given, and works by id as by slug', async () => {
    const bySlug = await compareRegulationVersions(sqliteEngine(t.db), '北京市审计条例', {});
    expect([bySlug.from.seq, bySlug.to.seq]).toEqual([1, 2]);
    expect(bySlug.versions.map((v) => v.seq)).toEqual([1, 2]);
    const byId = await compareRegulationVersions(sqliteEngine(t.db), bySlug.regulation.id, { to: 2 });
    expect(byId.from.seq).toBe(1);
    expect(byId.comparison.summary).toEqual(bySlug.comparison.summary);
  });

  it('finds no changes between a version and itself, or in a regulation with one version', async () => {
    const same = await compareRegulationVersions(sqliteEngine(t.db), '北京市审计条例', { from: 2, to: 2 });
    const { unchanged, ...changed } = same.comparison.summary;
    expect(unchanged).toBe(same.comparison.articles.length);
    expect(Object.values(changed).every((n) => n === 0)).toBe(true);
    const single = await compareRegulationVersions(sqliteEngine(t.db), '嘉兴市养犬管理条例', {});
    expect(single.from.seq).toBe(single.to.seq);
    expect(single.comparison.summary.unchanged).toBe(28);
  });

  it('answers not_found for an unknown regulation or version', async () => {
    await expect(compareRegulationVersions(sqliteEngine(t.db), '没有这部条例', {})).rejects.toThrow('regulation_not_found');
    await expect(compareRegulationVersions(sqliteEngine(t.db), '北京市审计条例', { from: 1, to: 3 })).rejects.toThrow('regulation_version_not_found');
    await expect(compareRegulationVersions(sqliteEngine(t.db), '北京市审计条例', { from: 0 })).rejects.toThrow('regulation_version_not_found');
  });
});
