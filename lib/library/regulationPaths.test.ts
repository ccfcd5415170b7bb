import { describe, expect, it } from 'vitest';
import { articlePath, parseArticleParam, regulationPath } from './regulationPaths';

describe('articlePath / parseArticleParam', () => {
  it('writes and reads article addresses, 第十二条之一 included', () => {
    expect(regulationPath('舟山市养犬管理条例')).toBe('/regulations/%E8%88%9F%E5%B1%B1%E5%B8%82%E5%85%BB%E7%8A%AC%E7%AE%A1%E7%90%86%E6%9D%A1%E4%BE%8B');
    expect(articlePath('x', { number: 12 })).toBe('/regulations/x/articles/12');
    expect(articlePath('x', { number: 12, sub: 1 })).toBe('/regulations/x/articles/12-1');
    expect(parseArticleParam('12-1')).toEqual({ number: 12, sub: 1 });
    expect(parseArticleParam('12')).toEqual({ number: 12, sub: undefined });
    expect(parseArticleParam('abc')).toBeNull();
    expect(parseArticleParam('1234567')).toBeNull();
  });
});
