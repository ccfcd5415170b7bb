import { describe, expect, it } from 'vitest';
import { routeParam } from './routeParam';

describe('routeParam', () => {
  it('decodes an encoded segment and leaves a decoded one as it is', () => {
    expect(routeParam('%E8%88%9F%E5%B1%B1')).toBe('舟山');
    expect(routeParam('舟山市养犬管理条例')).toBe('舟山市养犬管理条例');
  });

  it('never throws on a lone percent sign or a cut or invalid UTF-8 sequence', () => {
    for (const odd of ['%', '%FF', '%E4%B8', '100%', '%ZZ']) expect(routeParam(odd)).toBe(odd);
  });
});
