import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteEngine } from '@/db/engine';
import { freshDatabase } from '@/db/testing';
import { seedLibrary } from '@/lib/demo';
import { searchLibrary } from './searchLibrary';

const t = freshDatabase();
afterAll(t.cleanup);
beforeAll(async () => {
  await seedLibrary(sqliteEngine(t.db));
});

/// The first five articles a question finds, as `title 第N条` (by printed number).
const top5 = async (q: string, without?: string[]) =>
  (await searchLibrary(sqliteEngine(t.db), { q, pageSize: 5, without })).groups.flatMap((g) => g.hits.map((h) => `${g.title}${h.label}`));

describe('searchLibrary with a citizen’s question about the city’s own subjects', () => {
  it('reads 狗 as 犬 and finds the article a volunteer would cite', async () => {
    expect(await top5('邻居养狗扰民怎么办')).toContain('舟山市养犬管理条例第二十二条');
    expect(await top5('狗咬人了谁赔钱')).toContain('舟山市养犬管理条例第二十七条');
    expect((await top5('遛狗要拴绳吗')).some((a) => a.includes('养犬管理条例'))).toBe(true);
  });

  it('says what it searched for, and lets an expansion be switched off', async () => {
    const found = await searchLibrary(sqliteEngine(t.db), { q: '邻居养狗扰民怎么办' });
    expect(found.understood.mode).toBe('question');
    expect(found.understood.expansions).toContainEqual({ from: '养狗', to: ['养犬', '饲养犬只'] });
    const without = await searchLibrary(sqliteEngine(t.db), { q: '邻居养狗扰民怎么办', without: ['养狗', '扰民'] });
    expect(without.understood.expansions.map((e) => e.from)).not.toContain('养狗');
    expect(without.understood.terms).not.toContain('饲养犬只');
  });

  it('keeps a phrase found as typed a phrase search, and answers punctuation with nothing', async () => {
    expect((await searchLibrary(sqliteEngine(t.db), { q: '养犬' })).understood.mode).toBe('phrase');
    const blank = await searchLibrary(sqliteEngine(t.db), { q: '？！……' });
    expect(blank.hits).toBe(0);
  });
});
