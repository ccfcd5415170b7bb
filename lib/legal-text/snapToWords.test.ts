import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { DiffToken } from './comparison';
import { snapToWords } from './snapToWords';
import { wordDiff } from './wordDiff';

const oldText = (tokens: DiffToken[]) => tokens.filter((t) => t.op !== 'insert').map((t) => t.text).join('');
const newText = (tokens: DiffToken[]) => tokens.filter((t) => t.op !== 'delete').map((t) => t.text).join('');
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const wordStarts = (text: string) => new Set([...[...segmenter.segment(text)].map((s) => s.index), text.length]);

/// Where each change (deletions and insertions side by side) starts and ends in the old text.
function changeBounds(tokens: DiffToken[]): [number, number][] {
  const bounds: [number, number][] = [];
  let at = 0;
  let open: [number, number] | null = null;
  for (const t of tokens) {
    if (t.op === 'equal' && open) bounds.push(open);
    if (t.op === 'equal') open = null;
    else open ??= [at, at];
    if (t.op !== 'insert') at += t.text.length;
    if (open) open[1] = at;
  }
  if (open) bounds.push(open);
  return bounds;
}

describe('snapToWords', () => {
  it('widens a change the word diff cut inside a word to the whole word on both sides', () => {
    // What a diff of characters gives (and the word diff gave while it split Chinese into
    // characters): the shared 入 is kept out of the change.
    const tokens: DiffToken[] = [
      { op: 'equal', text: '专项资金' },
      { op: 'delete', text: '纳' },
      { op: 'insert', text: '列' },
      { op: 'equal', text: '入预算管理' },
    ];
    expect(snapToWords(tokens)).toEqual([
      { op: 'equal', text: '专项资金' },
      { op: 'delete', text: '纳入' },
      { op: 'insert', text: '列入' },
      { op: 'equal', text: '预算管理' },
    ]);
  });

  it('widens to the left as well, to the right, and both ways at once', () => {
    // Hand-made tokens: the old text reads 加强 | 管理 | 工作.
    const around = (removed: string, inserted: string, before: string, after: string): DiffToken[] => [
      { op: 'equal', text: before },
      { op: 'delete', text: removed },
      { op: 'insert', text: inserted },
      { op: 'equal', text: after },
    ];
    expect(snapToWords(around('理', '制', '加强管', '工作'))).toEqual(around('管理', '管制', '加强', '工作'));
    expect(snapToWords(around('管', '治', '加强', '理工作'))).toEqual(around('管理', '治理', '加强', '工作'));
    expect(snapToWords(around('强管', '化治', '加', '理工作'))).toEqual(around('加强管理', '加化治理', '', '工作').slice(1));
  });

  it('widens over a word of four characters, and over unchanged text given in several tokens', () => {
    // The old text reads 市 | 人民政府 | 规定: a change of 府 takes in 人民政 before it.
    expect(snapToWords([{ op: 'equal', text: '市人民政' }, { op: 'delete', text: '府' }, { op: 'insert', text: '委' }, { op: 'equal', text: '规定' }])).toEqual([
      { op: 'equal', text: '市' },
      { op: 'delete', text: '人民政府' },
      { op: 'insert', text: '人民政委' },
      { op: 'equal', text: '规定' },
    ]);
    expect(
      snapToWords([{ op: 'equal', text: '市人' }, { op: 'equal', text: '民政' }, { op: 'delete', text: '府' }, { op: 'insert', text: '委' }, { op: 'equal', text: '规' }, { op: 'equal', text: '定' }]),
    ).toEqual([
      { op: 'equal', text: '市' },
      { op: 'delete', text: '人民政府' },
      { op: 'insert', text: '人民政委' },
      { op: 'equal', text: '规定' },
    ]);
    // A change of 人, the first of the four, takes in 民政府 after it.
    expect(snapToWords([{ op: 'equal', text: '市' }, { op: 'delete', text: '人' }, { op: 'insert', text: '公' }, { op: 'equal', text: '民政府规定' }])).toEqual([
      { op: 'equal', text: '市' },
      { op: 'delete', text: '人民政府' },
      { op: 'insert', text: '公民政府' },
      { op: 'equal', text: '规定' },
    ]);
  });

  it('joins two changes whose widening uses up the unchanged text between them', () => {
    // 管 → 监 and 作 → 务 inside 加强 | 管理 | 工作: widened, 管理工作 → 监理工务 is one change.
    expect(
      snapToWords([
        { op: 'equal', text: '加强' },
        { op: 'delete', text: '管' },
        { op: 'insert', text: '监' },
        { op: 'equal', text: '理工' },
        { op: 'delete', text: '作' },
        { op: 'insert', text: '务' },
      ]),
    ).toEqual([
      { op: 'equal', text: '加强' },
      { op: 'delete', text: '管理工作' },
      { op: 'insert', text: '监理工务' },
    ]);
  });

  it('leaves changes that fall on word boundaries of the old text, and texts without changes, as they are', () => {
    const tokens = wordDiff('养犬人应当办理登记', '养犬人应当及时办理登记');
    expect(snapToWords(tokens)).toEqual(tokens);
    // The old text reads 自行 | 处理: a change of 自行 alone falls on its boundaries and is kept.
    const kept: DiffToken[] = [
      { op: 'equal', text: '应当' },
      { op: 'delete', text: '自行' },
      { op: 'insert', text: '妥善' },
      { op: 'equal', text: '处理' },
    ];
    expect(snapToWords(kept)).toEqual(kept);
    expect(snapToWords([{ op: 'equal', text: '第一条　为了规范养犬行为。' }])).toEqual([{ op: 'equal', text: '第一条　为了规范养犬行为。' }]);
    expect(snapToWords([])).toEqual([]);
  });

  it('takes a character outside the basic plane whole', () => {
    // The segmenter reads 👍🏻 (an emoji and its skin tone, two characters of two units each) as one
    // word, so a change of either half widens over the other, taken whole from either side.
    const left: DiffToken[] = [
      { op: 'equal', text: '好👍' },
      { op: 'delete', text: '🏻' },
      { op: 'insert', text: '🏿' },
      { op: 'equal', text: '。' },
    ];
    const right: DiffToken[] = [
      { op: 'equal', text: '好' },
      { op: 'delete', text: '👍' },
      { op: 'insert', text: '👎' },
      { op: 'equal', text: '🏻。' },
    ];
    expect(snapToWords(left)).toEqual([
      { op: 'equal', text: '好' },
      { op: 'delete', text: '👍🏻' },
      { op: 'insert', text: '👍🏿' },
      { op: 'equal', text: '。' },
    ]);
    expect(snapToWords(right)).toEqual([
      { op: 'equal', text: '好' },
      { op: 'delete', text: '👍🏻' },
      { op: 'insert', text: '👎🏻' },
      { op: 'equal', text: '。' },
    ]);
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const t of [...snapToWords(left), ...snapToWords(right)]) expect(t.text).not.toMatch(loneSurrogate);
  });

  const WORDS = ['管理', '纳入', '列入', '预算', '资金', '犬只', '登记', '应当', '人民政府', '规定', '，', '。', '市', '县', '及时', '公布'];
  const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).map((w) => w.join(''));

  test.prop([sentence, sentence], { seed: 0x21_1206, numRuns: 300 })('keeps both texts and starts and ends every change on a word boundary of the old text', (before, after) => {
    const snapped = snapToWords(wordDiff(before, after));
    expect(oldText(snapped)).toBe(before);
    expect(newText(snapped)).toBe(after);
    const starts = wordStarts(before);
    for (const b of changeBounds(snapped)) expect(starts.has(b[0]) && starts.has(b[1]), `change at ${b} of ${before}`).toBe(true);
    // Tokens alternate: no two of the same kind in a row, and none empty.
    snapped.forEach((t, k) => {
      expect(t.text).not.toBe('');
      if (k > 0) expect(t.op).not.toBe(snapped[k - 1].op);
    });
  });
});
