import { describe, expect, it } from 'vitest';
import { defaultEnactingBody } from './defaultEnactingBody';

describe('defaultEnactingBody', () => {
  it('names the city standing committee for a regulation and the city government for a rule', () => {
    expect(defaultEnactingBody('local_regulation', '宁波市法制宣传教育条例')).toBe('宁波市人民代表大会常务委员会');
    expect(defaultEnactingBody('government_rule', '舟山市犬只收容管理办法')).toBe('舟山市人民政府');
  });

  it('falls back to the earlier body without its term, and to nothing', () => {
    expect(defaultEnactingBody('local_regulation', '关于某事的规定', '宁波市第十三届人民代表大会常务委员会')).toBe('宁波市人民代表大会常务委员会');
    expect(defaultEnactingBody('industry_norm', '舟山市物业服务规范')).toBeNull();
  });
});
