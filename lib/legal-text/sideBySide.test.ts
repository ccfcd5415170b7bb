import { describe, expect, it } from 'vitest';
import { compareTexts } from './compareTexts';
import { parseRegulation } from './parse';
import { sideBySide, splitLines, tableRows, tokensToRuns } from './sideBySide';
import { toParseJson } from './toParseJson';

/// A text from its lines, separated by blank lines.
const textOf = (...lines: string[]) => toParseJson(parseRegulation(`# 某市养犬管理条例\n\n<!-- INFO END -->\n\n${lines.join('\n\n')}\n`));

// One amendment with a row of every kind: 第一条 unchanged; 第二条 added; old 第二条 renumbered;
// old 第五条 renumbered and moved into 第一章; old 第三条 reworded; old 第四条 changed only in the
// 第二条 → 第三条 it cites; old 第六条 deleted.
const before = textOf(
  '第一章　总则',
  '第一条 为了规范养犬行为，制定本条例。',
  '第二条 养犬人应当办理登记。',
  '第二章　管理',
  '第三条 禁止饲养下列犬只：', '（一）烈性犬；', '（二）大型犬。',
  '第四条 违反本条例第二条的，责令改正。',
  '第五条 携犬出户应当束犬链。',
  '第六条 养犬人应当清理犬只粪便。',
);
const after = textOf(
  '第一章　总则',
  '第一条 为了规范养犬行为，制定本条例。',
  '第二条 犬只应当接种狂犬病疫苗。',
  '第三条 养犬人应当办理登记。',
  '第四条 携犬出户应当束犬链。',
  '第二章　管理',
  '第五条 禁止个人饲养下列犬只：', '（一）烈性犬；', '（二）体高超过七十五厘米的犬。',
  '第六条 违反本条例第三条的，责令改正。',
);
const { articles } = compareTexts(before, after);

describe('splitLines', () => {
  it('breaks runs into lines at each line break, keeping each piece’s mark and dropping empty pieces', () => {
    expect(
      splitLines([
        { text: '禁止饲养下列犬只：\n（一）烈性' },
        { text: '犬', mark: 'delete' },
        { text: '；\n' },
        { text: '（二）大型犬。', mark: 'insert' },
      ]),
    ).toStrictEqual([
      [{ text: '禁止饲养下列犬只：' }],
      [{ text: '（一）烈性' }, { text: '犬', mark: 'delete' }, { text: '；' }],
      [{ text: '（二）大型犬。', mark: 'insert' }],
    ]);
  });

  it('keeps an empty line between two 款, and gives one empty line for no runs', () => {
    expect(splitLines([{ text: '第一款。\n\n第二款。', mark: 'insert' }])).toStrictEqual([[{ text: '第一款。', mark: 'insert' }], [], [{ text: '第二款。', mark: 'insert' }]]);
    expect(splitLines([])).toStrictEqual([[]]);
  });
});

describe('sideBySide', () => {
  it('shows the rows of an amendment as the 修改对照表 does: deletions struck on the old side, insertions on the new', () => {
    expect(articles.map((row) => [row.change, row.old, row.new])).toEqual([
      ['unchanged', 1, 1],
      ['added', null, 2],
      ['renumbered', 2, 3],
      ['renumbered', 5, 4],
      ['modified', 3, 5],
      ['modified', 4, 6],
      ['deleted', 6, null],
    ]);
    expect(articles.map(sideBySide)).toStrictEqual([
      {
        before: { label: '第一条', lines: [[{ text: '为了规范养犬行为，制定本条例。' }]] },
        after: { label: '第一条', lines: [[{ text: '为了规范养犬行为，制定本条例。' }]] },
      },
      { before: null, after: { label: '第二条', lines: [[{ text: '犬只应当接种狂犬病疫苗。', mark: 'insert' }]] } },
      {
        before: { label: '第二条', lines: [[{ text: '养犬人应当办理登记。' }]] },
        after: { label: '第三条', lines: [[{ text: '养犬人应当办理登记。' }]] },
      },
      {
        before: { label: '第五条', lines: [[{ text: '携犬出户应当束犬链。' }]] },
        after: { label: '第四条', lines: [[{ text: '携犬出户应当束犬链。' }]] },
      },
      {
        before: {
          label: '第三条',
          lines: [
            [{ text: '禁止' }, { text: '饲养下列犬只：' }],
            [{ text: '（一）烈性犬；' }],
            [{ text: '（二）' }, { text: '大型', mark: 'delete' }, { text: '犬。' }],
          ],
        },
        after: {
          label: '第五条',
          lines: [
            [{ text: '禁止' }, { text: '个人', mark: 'insert' }, { text: '饲养下列犬只：' }],
            [{ text: '（一）烈性犬；' }],
            [{ text: '（二）' }, { text: '体高超过七十五厘米的', mark: 'insert' }, { text: '犬。' }],
          ],
        },
      },
      {
        before: { label: '第四条', lines: [[{ text: '违反本条例' }, { text: '第二', mark: 'delete' }, { text: '条的，责令改正。' }]] },
        after: { label: '第六条', lines: [[{ text: '违反本条例' }, { text: '第三', mark: 'insert' }, { text: '条的，责令改正。' }]] },
      },
      { before: { label: '第六条', lines: [[{ text: '养犬人应当清理犬只粪便。', mark: 'delete' }]] }, after: null },
    ]);
  });

  it('shows a deleted article of several 款 struck through line by line', () => {
    const row = compareTexts(textOf('第一条 甲。', '第二条 携犬出户应当束犬链。', '犬链长度不得超过一米五。'), textOf('第一条 甲。')).articles[1];
    expect(sideBySide(row)).toStrictEqual({
      before: { label: '第二条', lines: [[{ text: '携犬出户应当束犬链。', mark: 'delete' }], [{ text: '犬链长度不得超过一米五。', mark: 'delete' }]] },
      after: null,
    });
  });
});

describe('tableRows', () => {
  it('keeps the articles whose wording changed, that were added or deleted, or that moved chapter', () => {
    // Left out: 第一条 (unchanged), old 第二条 (only renumbered), old 第四条 (only its citation followed the renumbering).
    expect(tableRows(articles).map((row) => [row.old, row.new])).toEqual([
      [null, 2],
      [5, 4],
      [3, 5],
      [6, null],
    ]);
  });

  it('keeps every article when the full table is asked for', () => {
    expect(tableRows(articles, true)).toEqual(articles);
    expect(tableRows(articles, false)).toHaveLength(4);
  });
});

describe('tokensToRuns', () => {
  it('reads a word difference as the redline does: both sides interleaved, each change marked', () => {
    expect(tokensToRuns(articles[5].tokens!)).toStrictEqual([
      { text: '违反本条例' },
      { text: '第二', mark: 'delete' },
      { text: '第三', mark: 'insert' },
      { text: '条的，责令改正。' },
    ]);
  });
});
