import { describe, expect, it } from 'vitest';
import { differsOnlyInReferences, renumberReferences } from './renumberReferences';

describe('renumberReferences', () => {
  const shifted = new Map([
    [13, 14],
    [37, 31],
  ]);

  it('rewrites the numbers of cited articles of the same text, not of other laws', () => {
    expect(renumberReferences('依照本条例第十三条、第三十七条第二款和《中华人民共和国审计法》第十三条的规定', shifted)).toBe(
      '依照本条例第十四条、第三十一条第二款和《中华人民共和国审计法》第十三条的规定',
    );
  });

  it('leaves articles it has no new number for, and 之一 articles, as they are', () => {
    expect(renumberReferences('第十二条、第十三条之一', shifted)).toBe('第十二条、第十三条之一');
  });
});

describe('differsOnlyInReferences', () => {
  it('is true only when renumbered citations are the whole difference', () => {
    const numbers = new Map([[13, 14]]);
    expect(differsOnlyInReferences('违反本条例第十三条的，处罚款。', '违反本条例第十四条的，处罚款。', numbers)).toBe(true);
    expect(differsOnlyInReferences('违反本条例第十三条的，处罚款。', '违反本条例第十四条的，处警告。', numbers)).toBe(false);
    expect(differsOnlyInReferences('同一文本。', '同一文本。', numbers)).toBe(false);
  });
});
