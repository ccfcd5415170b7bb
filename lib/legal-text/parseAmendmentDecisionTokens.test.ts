import { describe, expect, it } from 'vitest';
import { Q, splitQuotes, T, tokenize } from './parseAmendmentDecisionTokens';

/// The provisions a sentence names, list by list.
const refsOf = (sentence: string) => tokenize(sentence)?.refs ?? null;

describe('splitQuotes', () => {
  it('replaces each outermost quote by Q, keeping nested quotes inside it, in either style', () => {
    expect(splitQuotes('将“建设“先行区””修改为「示范区」')).toStrictEqual({ shape: `将${Q}修改为${Q}`, quotes: ['建设“先行区”', '示范区'] });
  });

  it('gives nothing for quotes that do not balance, either way', () => {
    expect(splitQuotes('删去”多余的引号')).toBeNull();
    expect(splitQuotes('将“未闭合的引号修改为')).toBeNull();
    expect(splitQuotes('将“甲””修改为“乙”')).toBeNull();
    expect(splitQuotes('删去”甲“')).toBeNull();
  });
});

describe('tokenize', () => {
  it('drops spaces, full-width ones too, and 本条例 before a provision, outside quotes only', () => {
    expect(tokenize(' 将本条例第十条 删除。\u3000')).toStrictEqual({ shape: `将${T}删除。`, quotes: [], refs: [[{ article: 10 }]] });
    expect(tokenize('将第十条中的“养 犬”修改为“饲养　犬只”')?.quotes).toStrictEqual(['养 犬', '饲养　犬只']);
  });

  it('reads the whole text, 其, and numbers written in digits', () => {
    expect(tokenize('将本条例中的“市政府”修改为“市人民政府”')).toStrictEqual({ shape: `将${T}中的${Q}修改为${Q}`, quotes: ['市政府', '市人民政府'], refs: [[{ whole: true }]] });
    expect(tokenize('删去其中的“应当”')).toStrictEqual({ shape: `删去${T}中的${Q}`, quotes: ['应当'], refs: [[{ self: true }]] });
    expect(refsOf('将第10条第2款删除')).toStrictEqual([[{ article: 10, paragraph: 2 }]]);
  });

  it('gives a 款 or 项 listed after a provision that provision’s article (and a 项 its 款)', () => {
    expect(refsOf('将第十条第二款、第三款删除')).toStrictEqual([[{ article: 10, paragraph: 2 }, { article: 10, paragraph: 3 }]]);
    expect(refsOf('将第十条第二款第（一）项、第（三）项删除')).toStrictEqual([[{ article: 10, paragraph: 2, item: 1 }, { article: 10, paragraph: 2, item: 3 }]]);
    expect(refsOf('将第十条、第（二）项删除')).toStrictEqual([[{ article: 10 }, { article: 10, item: 2 }]]);
    expect(refsOf('将第二款删除')).toStrictEqual([[{ paragraph: 2 }]]);
    // A provision with its own article takes nothing from the one before.
    expect(refsOf('将第十条第二款、第十二条删除')).toStrictEqual([[{ article: 10, paragraph: 2 }, { article: 12 }]]);
    expect(refsOf('将第十条之一、第十二条删除')).toStrictEqual([[{ article: 10, sub: 1 }, { article: 12 }]]);
  });

  it('spreads a range of articles, of 款 or of 项 of one provision', () => {
    expect(refsOf('删去第三十条至第三十三条')).toStrictEqual([[{ article: 30 }, { article: 31 }, { article: 32 }, { article: 33 }]]);
    expect(refsOf('删去第十条第一款至第三款')).toStrictEqual([[{ article: 10, paragraph: 1 }, { article: 10, paragraph: 2 }, { article: 10, paragraph: 3 }]]);
    expect(refsOf('删去第十条第二款第（一）项至第（三）项')).toStrictEqual([[1, 2, 3].map((item) => ({ article: 10, paragraph: 2, item }))]);
    expect(refsOf('删去第一百条至第一百零二条')).toStrictEqual([[{ article: 100 }, { article: 101 }, { article: 102 }]]);
    expect(refsOf('删去第一条至第二百零一条')?.[0]).toHaveLength(201);
  });

  it('refuses a range it cannot spread, and a number it cannot read', () => {
    for (const sentence of [
      '删去第十条之一至第十二条',
      '删去第十条至第十二条之一',
      '删去第十条第一款至第十一条第三款',
      '删去第十条至第十条',
      '删去第十二条至第十条',
      '删去第一条至第二百零二条',
      '将第零条删除',
      '将第0条删除',
      '将第十条第零款删除',
    ]) {
      expect(tokenize(sentence), sentence).toBeNull();
    }
  });
});
