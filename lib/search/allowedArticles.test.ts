import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { allowedArticleIds, allowedArticleMap, countAllowedArticles } from './allowedArticles';
import { indexVersion } from './indexVersion';
import { searchStore } from './searchStore';
import { addRegulationVersion } from './testing/library';

describe('the articles a restriction keeps', () => {
  const { db, cleanup } = freshDatabase();
  let dogs: number[];
  let fire: number[];
  let rules: number[];
  beforeAll(() => {
    const add = (id: string, title: string, articles: string[], kind?: 'local_regulation' | 'government_rule') => {
      const v = addRegulationVersion(db, { id, title, articles, kind });
      indexVersion(db, v.versionId);
      return v.articleIds;
    };
    dogs = add('dogs', '养犬管理条例', ['犬只应当登记。', '犬只应当免疫。']);
    fire = add('fire', '消防条例', ['单位应当配置消防设施。']);
    rules = add('rules', '物业管理办法', ['业主应当遵守管理规约。', '物业服务人应当公示收费。', '业主大会依法设立。'], 'government_rule');
  });
  afterAll(cleanup);

  const store = () => searchStore(db);
  const max = () => Math.max(...dogs, ...fire, ...rules);
  const kept = (map: Buffer) => [...map.keys()].filter((id) => map[id] === 1);

  it('keeps the articles of the regulations and kinds named, all of them holding', () => {
    expect(countAllowedArticles(store(), { regulationIds: ['dogs', 'rules'] })).toBe(5);
    expect(allowedArticleIds(store(), { kinds: ['government_rule'] }).sort((a, b) => a - b)).toEqual(rules);
    expect(allowedArticleIds(store(), { kinds: ['local_regulation'], regulationIds: ['fire', 'rules'] })).toEqual(fire);
    const { map, count } = allowedArticleMap(store(), { regulationIds: ['dogs', 'fire'] }, max());
    expect(kept(map)).toEqual([...dogs, ...fire].sort((a, b) => a - b));
    expect(count).toBe(3);
    expect(map).toHaveLength(max() + 1);
  });

  it('leaves out of the map, and of its count, an article above the highest id there is', () => {
    // An article deleted since it was indexed stays in the index until it is pruned; with the
    // highest id gone, the map ends below it.
    const below = rules[2] - 1;
    const { map, count } = allowedArticleMap(store(), { kinds: ['government_rule'] }, below);
    expect(count).toBe(2);
    expect(kept(map)).toEqual(rules.slice(0, 2));
  });
});
