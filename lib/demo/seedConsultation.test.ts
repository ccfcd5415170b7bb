import { sqliteEngine } from '@/db/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { getConsultation, listConsultations, listPublishedComments, openConsultationsAmending } from '@/lib/consultation';
import { findRegulation } from '@/lib/library';
import { seedConsultation } from './seedConsultation';
import { seedDemoData } from './seedDemoData';
import { seedLibrary } from './seedLibrary';

const t = freshDatabase();
afterAll(t.cleanup);

describe('seedConsultation', () => {
  // Run twice before any test: both tests read what it made; the first checks the two answers.
  let answers: { created: boolean }[];
  beforeAll(async () => {
    await seedDemoData(sqliteEngine(t.db));
    await seedLibrary(sqliteEngine(t.db));
    answers = [await seedConsultation(sqliteEngine(t.db)), await seedConsultation(sqliteEngine(t.db))];
  }, 30_000);

  it('opens one consultation with comments in every state, once', async () => {
    expect(answers).toEqual([{ created: true }, { created: false }]);
    const [open] = await listConsultations(sqliteEngine(t.db), { status: 'open' });
    expect(open).toMatchObject({ title: '舟山市养犬管理条例（修正草案征求意见稿）', moderation: 'pre', commentCount: 5 });
    const rows = t.db.$client.prepare('select status, count(*) as n from consultation_comments group by status order by status').all();
    expect(rows).toEqual([
      { status: 'pending', n: 2 },
      { status: 'published', n: 5 },
      { status: 'rejected', n: 1 },
    ]);
    const detail = await getConsultation(sqliteEngine(t.db), open.id);
    const tenth = detail.text.articles[9].eid;
    expect(detail.articleCounts[tenth]).toBe(3);
    const published = await listPublishedComments(sqliteEngine(t.db), open.id, {});
    expect(published.every((c) => !c.authorName.includes('@'))).toBe(true);
    const groups = t.db.$client.prepare("select count(distinct coalesce(group_id, id)) as n from consultation_comments where article_eid = ?").get(tenth) as { n: number };
    expect(groups.n).toBe(1);
  });

  it('is the open consultation named on the page of the regulation it amends, and on no other', async () => {
    const [open] = await listConsultations(sqliteEngine(t.db), { status: 'open' });
    expect((await openConsultationsAmending(sqliteEngine(t.db), findRegulation('舟山市养犬管理条例', t.db).id)).map((c) => c.id)).toEqual([open.id]);
    expect(await openConsultationsAmending(sqliteEngine(t.db), findRegulation('嘉兴市养犬管理条例', t.db).id)).toEqual([]);
    const later = new Date(`${open.closesOn}T12:00:00+08:00`);
    later.setDate(later.getDate() + 1);
    expect(await openConsultationsAmending(sqliteEngine(t.db), findRegulation('舟山市养犬管理条例', t.db).id, later)).toEqual([]);
  });
});
