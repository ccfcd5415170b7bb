import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { insertTestUser } from '@/lib/auth/testing';
import type { CurrentUser } from '@/lib/auth';
import { seedLibrary } from '@/lib/demo';
import { buildExplainerFeed } from './buildExplainerFeed';
import { getExplainer } from './getExplainer';
import { listExplainers } from './listExplainers';
import { searchExplainers } from './searchExplainers';
import { reviewExplainer, submitExplainer, unpublishExplainer } from './reviewExplainer';
import { createExplainer } from './saveExplainer';

const t = freshDatabase();
afterAll(t.cleanup);
const { db } = t;
const people: Record<string, CurrentUser | null> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  await seedLibrary(db);
  people.author = insertTestUser(db, 'volunteer', '作者');
  people.reviewer = insertTestUser(db, 'reviewer', '审核人');
  people.volunteer = insertTestUser(db, 'volunteer', '别的志愿者');
  people.public = insertTestUser(db, 'public', '市民');
  people.anonymous = null;
  const write = (status: string) => {
    const { id } = createExplainer(people.author, { kind: 'education', title: `可见性测试 ${status}`, body: `《浙江省法律援助条例》第八条。${status}`, asOf: '2024-01-01' }, db);
    if (status !== 'draft') submitExplainer(people.author, id, db);
    if (status === 'approved' || status === 'unpublished') reviewExplainer(people.reviewer, id, { decision: 'approve' }, db);
    if (status === 'unpublished') unpublishExplainer(people.reviewer, id, '测试撤下', db);
    ids[status] = id;
  };
  for (const s of ['draft', 'in_review', 'approved', 'unpublished']) write(s);
});

// Who sees a piece of content in each state: Y by its page and the API (getExplainer); the public
// list, search and feed carry approved content only, for everyone.
const matrix: Record<string, string> = {
  //           draft in_review approved unpublished
  author: 'YYYY',
  reviewer: 'YYYY',
  volunteer: 'NNYN',
  public: 'NNYN',
  anonymous: 'NNYN',
};

describe('who sees content in which state', () => {
  it.each(Object.entries(matrix))('%s: %s', (who, expected) => {
    const seen = ['draft', 'in_review', 'approved', 'unpublished']
      .map((s) => {
        try {
          getExplainer(people[who], ids[s], db);
          return 'Y';
        } catch {
          return 'N';
        }
      })
      .join('');
    expect(seen).toBe(expected);
    const listed = listExplainers(people[who], { q: '可见性测试' }, db).items.map((e) => e.title);
    expect(listed).toEqual(['可见性测试 approved']);
  });

  it('finds approved content only in the library search, by one or two characters, with a marked snippet', () => {
    const hits = searchExplainers('第八', {}, db);
    expect(hits.map((h) => h.title)).toEqual(['可见性测试 approved']);
    expect(hits[0].snippet).toContain('《浙江省法律援助条例》第八条');
    const [start, end] = hits[0].highlights[0];
    expect(hits[0].snippet.slice(start, end)).toBe('第八');
    expect(searchExplainers('见', {}, db).map((h) => h.title)).toEqual(['可见性测试 approved']);
  });

  it('keeps everything but approved content out of the feed', () => {
    const feed = buildExplainerFeed('http://x', db);
    expect(feed).toContain('可见性测试 approved');
    for (const s of ['draft', 'in_review', 'unpublished']) expect(feed).not.toContain(`可见性测试 ${s}`);
  });
});
