import { describe, expect, it } from 'vitest';
import type { LineClass } from './classifyLine';
import { findNoiseLines } from './findNoiseLines';

const text = (t: string): LineClass => ({ kind: 'text', text: t, indented: false });
/// The given line three times, each followed by a line of content, as a PDF repeats a header on every page.
const onEveryPage = (line: string): LineClass[] => [1, 2, 3].flatMap((n) => [text(line), text(`正文${n}`)]);
const noise = (lines: LineClass[]) => [...findNoiseLines(lines)].sort((a, b) => a - b);

describe('findNoiseLines', () => {
  it('takes a short line repeated on every page for a running header, up to 40 characters', () => {
    expect(noise(onEveryPage('示例市人民代表大会常务委员会公报'))).toEqual([0, 2, 4]);
    expect(noise(onEveryPage('公'.repeat(40)))).toEqual([0, 2, 4]);
  });

  it('keeps a repeated line longer than 40 characters, or one that ends a sentence', () => {
    expect(noise(onEveryPage('公'.repeat(41)))).toEqual([]);
    expect(noise(onEveryPage('本场所禁止吸烟。'))).toEqual([]);
    expect(noise(onEveryPage('由城市管理部门责令改正，'))).toEqual([]);
  });

  // Page numbers as PDF and Word exports print them, with and without spaces at every place a
  // space may go, and up to four digits.
  const pageNumbers = [
    '3', '1234', '- 3 -', '— 12 —', '－8－', '·5·', '~9~', '  7  ',
    '第3页', '第 12 页', '第1234页', '第3页共30页', '第3页，共30页', '第3页/共1234页', '第 3 页 ， 共 30 页',
    '共30页第3页', '共30页，第1234页', '共1234页,第3页', '共 30 页 ， 第 3 页',
    '3/12', '1234/1234', '12 / 300',
    'Page 3', 'page 1234', 'Page 3 of 30', 'PAGE 12 OF 1234', 'page  12  of  300',
  ];
  it.each(pageNumbers)('drops the page number %j', (line) => {
    expect(noise([text('第一条 为了规范管理，制定本条例。'), text(line), text('第二条 本条例适用于本市。')])).toEqual([1]);
  });

  // Lines that carry a number, a fraction or a page reference inside content are kept, as are
  // numbers longer than a page count.
  const content = [
    '12345', '附件 3', '3 月', '见第3页', '第3页表格所列事项', '本册共30页，第3页', '共30页，第3页起为附件',
    '常务委员会组成人员的1/2', '2/3以上的委员同意', '见 page 3', 'Page 3 of the report',
  ];
  it.each(content)('keeps the content line %j', (line) => {
    expect(noise([text(line)])).toEqual([]);
  });

  it('takes a repeated header with punctuation inside it for a running header', () => {
    expect(noise(onEveryPage('示例市人民政府公报，2024年第3期'))).toEqual([0, 2, 4]);
  });
});
