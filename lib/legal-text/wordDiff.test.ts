import { describe, expect, it } from 'vitest';
import { keptShare, wordDiff } from './wordDiff';

describe('wordDiff', () => {
  it('marks what was added to a sentence and keeps the rest as one run before and one after', () => {
    expect(wordDiff('养犬人应当办理登记。', '养犬人应当及时办理登记。')).toEqual([
      { op: 'equal', text: '养犬人应当' },
      { op: 'insert', text: '及时' },
      { op: 'equal', text: '办理登记。' },
    ]);
  });

  it('gives a replacement as the old words deleted, then the new inserted', () => {
    expect(wordDiff('犬只应当拴绳。', '犬只应当接种疫苗。')).toEqual([
      { op: 'equal', text: '犬只应当' },
      { op: 'delete', text: '拴绳' },
      { op: 'insert', text: '接种疫苗' },
      { op: 'equal', text: '。' },
    ]);
  });

  it('changes whole Chinese words, not the characters that differ', () => {
    expect(wordDiff('将有关资金纳入预算管理。', '将有关资金列入预算管理。')).toEqual([
      { op: 'equal', text: '将有关资金' },
      { op: 'delete', text: '纳入' },
      { op: 'insert', text: '列入' },
      { op: 'equal', text: '预算管理。' },
    ]);
    expect(wordDiff('处五百元以上二千元以下罚款', '处一千元以上五千元以下罚款')).toEqual([
      { op: 'equal', text: '处' },
      { op: 'delete', text: '五百元' },
      { op: 'insert', text: '一千元' },
      { op: 'equal', text: '以上' },
      { op: 'delete', text: '二千元' },
      { op: 'insert', text: '五千元' },
      { op: 'equal', text: '以下罚款' },
    ]);
  });

  it('keeps line breaks as text, so the 项 of an article stay on their lines', () => {
    expect(wordDiff('禁止饲养下列犬只：\n（一）烈性犬；\n（二）大型犬。', '禁止饲养下列犬只：\n（一）烈性犬；\n（二）大型犬；\n（三）其他犬只。')).toEqual([
      { op: 'equal', text: '禁止饲养下列犬只：\n（一）烈性犬；\n（二）大型犬' },
      { op: 'insert', text: '；\n（三）其他犬只' },
      { op: 'equal', text: '。' },
    ]);
  });

  it('counts each line break on its own, so joining two paragraphs takes out one break, not a blank line', () => {
    expect(wordDiff('第一款。\n\n第二款。', '第一款。\n第二款。')).toEqual([
      { op: 'equal', text: '第一款。\n' },
      { op: 'delete', text: '\n' },
      { op: 'equal', text: '第二款。' },
    ]);
    expect(wordDiff('第一款。\r\n第二款。', '第一款。\r\n\r\n第二款。')).toEqual([
      { op: 'equal', text: '第一款。\r\n' },
      { op: 'insert', text: '\r\n' },
      { op: 'equal', text: '第二款。' },
    ]);
  });

  it('gives the whole text as one run when nothing or everything changed', () => {
    expect(wordDiff('本条例自公布之日起施行。', '本条例自公布之日起施行。')).toEqual([{ op: 'equal', text: '本条例自公布之日起施行。' }]);
    expect(wordDiff('', '本条例自公布之日起施行。')).toEqual([{ op: 'insert', text: '本条例自公布之日起施行。' }]);
    expect(wordDiff('本条例自公布之日起施行。', '')).toEqual([{ op: 'delete', text: '本条例自公布之日起施行。' }]);
    expect(wordDiff('', '')).toEqual([]);
  });
});

describe('keptShare', () => {
  it('is twice the unchanged characters over the characters of both texts', () => {
    // 10 characters kept, 2 added: 2 × 10 / (10 + 12) = 0.909…
    expect(keptShare(wordDiff('养犬人应当办理登记。', '养犬人应当及时办理登记。'))).toBe(0.909);
    // 5 kept, 2 deleted, 4 inserted: 2 × 5 / (7 + 9).
    expect(keptShare(wordDiff('犬只应当拴绳。', '犬只应当接种疫苗。'))).toBe(0.625);
  });

  it('is rounded to three decimals', () => {
    // 2 × 2 / (4 + 2) = 0.666…
    expect(keptShare([{ op: 'equal', text: '犬只' }, { op: 'delete', text: '拴绳' }])).toBe(0.667);
  });

  it('counts characters, so one outside the basic plane counts once', () => {
    // 𠮷 is one character of two UTF-16 units: 2 × 1 / (1 + 2).
    expect(keptShare([{ op: 'equal', text: '𠮷' }, { op: 'insert', text: '野' }])).toBe(0.667);
  });

  it('is 1 for identical texts, two empty ones included, and 0 when nothing was kept', () => {
    expect(keptShare([{ op: 'equal', text: '本条例自公布之日起施行。' }])).toBe(1);
    expect(keptShare([])).toBe(1);
    expect(keptShare([{ op: 'delete', text: '罚款' }, { op: 'insert', text: '警告' }])).toBe(0);
  });
});
