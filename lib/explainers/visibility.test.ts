import { beforeAll, describe, expect, it } from 'vitest';
import { engines } from '@/db/engineTesting';
import { insertTestAccount } from '@/lib/auth/testing';
import type { CurrentUser } from '@/lib/auth';
import { buildExplainerFeed } from './buildExplainerFeed';
import { getExplainer } from './getExplainer';
import { listExplainers } from './listExplainers';
import { searchExplainers } from './searchExplainers';
import { reviewExplainer, submitExplainer, unpublishExplainer } from './reviewExplainer';
import { createExplainer } from './saveExplainer';
import { insertSeedRegulations } from './testing/insertSeedRegulations';

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

describe.each(engines())('who sees content in which state, on $name', ({ engine }) => {
  const people: Record<string, CurrentUser | null> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await insertSeedRegulations(engine(), [{ file: 'reg-087-zhejiang.md' }]);
    people.author = await insertTestAccount(engine(), { role: 'volunteer', name: '作者' });
    people.reviewer = await insertTestAccount(engine(), { role: 'reviewer', name: '审核人' });
    people.volunteer = await insertTestAccount(engine(), { role: 'volunteer', name: '别的志愿者' });
    people.public = await insertTestAccount(engine(), { role: 'public', name: '市民' });
    people.anonymous = null;
    const write = async (status: string) => {
      const { id } = await createExplainer(engine(), people.author, { kind: 'education', title: `可见性测试 ${status}`, body: `《浙江省法律援助条例》第八条。${status}`, asOf: '2024-01-01' });
      if (status !== 'draft') await submitExplainer(engine(), people.author, id);
      if (status === 'approved' || status === 'unpublished') await reviewExplainer(engine(), people.reviewer, id, { decision: 'approve' });
      if (status === 'unpublished') await unpublishExplainer(engine(), people.reviewer, id, '测试撤下');
      ids[status] = id;
    };
    for (const s of ['draft', 'in_review', 'approved', 'unpublished']) await write(s);
  });

  it.each(Object.entries(matrix))('%s: %s', async (who, expected) => {
    let seen = '';
    for (const s of ['draft', 'in_review', 'approved', 'unpublished']) {
      try {
        await getExplainer(engine(), people[who], ids[s]);
        seen += 'Y';
      } catch {
        seen += 'N';
      }
    }
    expect(seen).toBe(expected);
    const listed = (await listExplainers(engine(), people[who], { q: '可见性测试' })).items.map((e) => e.title);
    expect(listed).toEqual(['可见性测试 approved']);
  });

  it('finds approved content only in the library search, by one or two characters, with a marked snippet', async () => {
    const hits = await searchExplainers(engine(), '第八', {});
    expect(hits.map((h) => h.title)).toEqual(['可见性测试 approved']);
    expect(hits[0].snippet).toContain('《浙江省法律援助条例》第八条');
    const [start, end] = hits[0].highlights[0];
    expect(hits[0].snippet.slice(start, end)).toBe('第八');
    expect((await searchExplainers(engine(), '见', {})).map((h) => h.title)).toEqual(['可见性测试 approved']);
  });

  it('keeps everything but approved content out of the feed', async () => {
    const feed = await buildExplainerFeed(engine(), 'http://x');
    expect(feed).toContain('可见性测试 approved');
    for (const s of ['draft', 'in_review', 'unpublished']) expect(feed).not.toContain(`可见性测试 ${s}`);
  });
});
