import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleComparison, TextComparison } from '@/lib/legal-text';
import { readPdf, readPdfInfo, requireCjkFont } from '@/lib/documents/testing/readPdf';
import { exportComparisonPdf } from './exportComparisonPdf';
import { buildSampleComparison, sampleSide } from './testing/buildSampleComparison';
import { readPdfLayout, type DrawnPage } from '@/lib/documents/testing/readPdfLayout';

const options = { title: '《北京市审计条例》修改对照表', beforeHeading: '修改前', afterHeading: '修改后' };

beforeAll(requireCjkFont);

/// Where the table sits, worked out from its layout: landscape A4 with 50 pt margins (a foot of
/// 58 pt), two columns of 370.945 pt with the rule between them at 420.945, cells padded 8 pt
/// across and 5 pt down, 11 pt text on a 19.5 pt line whose baseline is 18.93 pt below the top of
/// its row (5 padding + 4.25 half of the leading + 9.68 ascent). The header row is 29.5 pt high
/// and starts 39.6 pt below the top margin on the first page (under the title), at it on the others.
const table = { left: 50, middle: 420.945, right: 791.89, firstTop: 89.6 };
const text = { left: [58, 428.945], indent: 22, line: 19.5, firstBaseline: 18.93 };

const close = (n: number) => expect.closeTo(n, 2);

/// A line of the table as drawn: where it starts, its baseline and its text.
function at(x: number, y: number, line: string) {
  return { x: close(x), y: close(y), text: line };
}

/// The table's text on a page, line by line as drawn (row by row, the old column first):
/// consecutive runs on one baseline in one column make one line.
function tableLines(page: DrawnPage): { x: number; y: number; text: string }[] {
  const lines: { x: number; y: number; text: string; column: number }[] = [];
  for (const run of page.texts.filter((t) => t.size === 11)) {
    const column = run.x < table.middle ? 0 : 1;
    const last = lines.at(-1);
    if (last && last.column === column && Math.abs(last.y - run.y) < 0.01) last.text += run.text;
    else lines.push({ x: run.x, y: run.y, text: run.text, column });
  }
  return lines.map(({ x, y, text }) => ({ x, y, text }));
}

/// The ruled boxes of the table on a page (header row first), each as its top and bottom.
function ruledRows(page: DrawnPage): number[][] {
  const boxes = page.paths.filter((p) => p.paint === 'stroke' && p.color === '#555555' && p.points.length === 4);
  for (const box of boxes) expect(box.points.map(([x]) => x)).toEqual([close(table.left), close(table.right), close(table.right), close(table.left)]);
  return boxes.map((box) => [box.points[0][1], box.points[2][1]]);
}

const rowsAt = (...edges: number[][]) => edges.map(([top, bottom]) => [close(top), close(bottom)]);

/// A comparison whose rows are added articles 第五条, 第六条 … of `lengths` lines each: one short
/// 款 or 项 per line (事项1；, 事项2； …), the first after the article label.
function addedArticles(...lengths: number[]): TextComparison {
  const articles: ArticleComparison[] = lengths.map((lines, i) => ({
    change: 'added',
    old: null,
    new: 5 + i,
    after: sampleSide(5 + i, Array.from({ length: lines }, (_, k) => `事项${k + 1}；`).join('\n')),
  }));
  return { ...buildSampleComparison(), summary: { unchanged: 0, renumbered: 0, modified: 0, added: lengths.length, deleted: 0, moved: 0 }, articles };
}

/// The lines of an added article's text (the new column) from line `from` to line `to`, starting
/// at baseline `y`; the first line of the article carries its label.
function addedLines(article: string, from: number, to: number, y: number) {
  return Array.from({ length: to - from + 1 }, (_, i) => {
    const n = from + i;
    return at(text.left[1] + text.indent, y + i * text.line, `${n === 1 ? `${article}　` : ''}事项${n}；`);
  });
}

describe('exportComparisonPdf', () => {
  it('writes the title, the headings and the article texts as extractable Chinese text', async () => {
    const [page, ...rest] = await readPdf(await exportComparisonPdf(buildSampleComparison(), options));
    expect(rest).toHaveLength(0);
    expect(page.text).toContain('《北京市审计条例》修改对照表');
    expect(page.text).toMatch(/修改前\s*修改后/);
    expect(page.text).toContain('第二条');
    expect(page.text).toContain('人民政府依法设立审计机关。');
    expect(page.text).toContain('国家审计');
    expect(page.text).toContain('审计监督');
    expect(page.text).toMatch(/第 1 页\s共 1 页/);
    expect(page.text).not.toContain('为了加强审计监督');
  });

  it('sets a landscape A4 page', async () => {
    const [page] = await readPdf(await exportComparisonPdf(buildSampleComparison(), options));
    expect(Math.round(page.width)).toBe(842);
    expect(Math.round(page.height)).toBe(595);
  });

  it('embeds the font with a ToUnicode map and stamps the title and the time into the file', async () => {
    const bytes = await exportComparisonPdf(buildSampleComparison(), { ...options, generatedAt: new Date('2025-03-01T08:00:00Z') });
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(raw).toContain('/ToUnicode');
    expect(await readPdfInfo(bytes)).toMatchObject({ Title: '《北京市审计条例》修改对照表', CreationDate: expect.stringMatching(/^D:20250301080000Z/) });
  });

  it('centres the title in bold above a shaded header row whose headings are centred in bold over their columns', async () => {
    const [page] = await readPdfLayout(await exportComparisonPdf(buildSampleComparison(), options));
    // 14 characters of 18 pt, centred on the page, on a baseline 18 pt below the top margin.
    expect(page.texts[0]).toEqual({ text: '《北京市审计条例》修改对照表', x: close((841.89 - 14 * 18) / 2), y: close(68), size: 18, color: '#1a1a1a', bold: true });
    const shading = page.paths.filter((p) => p.paint === 'fill' && p.color === '#efefef');
    expect(shading.map((p) => p.points)).toEqual([
      [[close(50), close(89.6)], [close(791.89), close(89.6)], [close(791.89), close(119.1)], [close(50), close(119.1)]],
    ]);
    const headings = page.texts.filter((t) => t.text === '修改前' || t.text === '修改后');
    // Each three characters of 11 pt wide, centred in its column, on the header row's text line.
    expect(headings).toEqual([
      { text: '修改前', x: close(50 + (370.945 - 33) / 2), y: close(table.firstTop + text.firstBaseline), size: 11, color: '#1a1a1a', bold: true },
      { text: '修改后', x: close(420.945 + (370.945 - 33) / 2), y: close(table.firstTop + text.firstBaseline), size: 11, color: '#1a1a1a', bold: true },
    ]);
    // Only the title, the headings and the article labels are bold.
    expect(page.texts.filter((t) => t.bold).map((t) => t.text)).toEqual([options.title, '修改前', '修改后', '第二条', '第二条', '第三条', '第三条', '第四条', '第四条']);
  });

  it('sets each side in its own column, wrapped within the cell, each 款 and 项 on a new line indented two characters', async () => {
    const [page] = await readPdfLayout(await exportComparisonPdf(buildSampleComparison(), options));
    const [oldX, newX] = text.left;
    const row = (top: number, i: number) => top + text.firstBaseline + i * text.line;
    // Rows of 3, 3, 1 and 1 lines under the 29.5 pt header: each 10 pt taller than its lines.
    expect(ruledRows(page)).toEqual(rowsAt([89.6, 119.1], [119.1, 187.6], [187.6, 256.1], [256.1, 285.6], [285.6, 315.1]));
    const dividers = page.paths.filter((p) => p.paint === 'stroke' && p.color === '#555555' && p.points.length === 2);
    expect(dividers.map((p) => p.points)).toEqual(
      [[89.6, 119.1], [119.1, 187.6], [187.6, 256.1], [256.1, 285.6], [285.6, 315.1]].map(([top, bottom]) => [[close(table.middle), close(top)], [close(table.middle), close(bottom)]]),
    );
    expect(tableLines(page)).toEqual([
      at(218.97, 108.53, '修改前'),
      at(589.92, 108.53, '修改后'),
      // A line holds 30 characters after the indent, 32 without: the second 款 runs over.
      at(oldX + 22, row(119.1, 0), '第二条　市和区、县人民政府依法设立审计机关。'),
      at(oldX + 22, row(119.1, 1), '审计机关在本级人民政府行政首长和上一级审计机关的领导下，依法'),
      at(oldX, row(119.1, 2), '履行国家审计职责。'),
      at(newX + 22, row(119.1, 0), '第二条　市和区人民政府依法设立审计机关。'),
      at(newX + 22, row(119.1, 1), '审计机关在本级人民政府行政首长和上一级审计机关的领导下，依法'),
      at(newX, row(119.1, 2), '履行审计监督职责。'),
      at(oldX + 22, row(187.6, 0), '第三条　审计机关应当依法对下列事项进行审计：'),
      at(oldX + 22, row(187.6, 1), '（一）本级预算执行情况；'),
      at(oldX + 22, row(187.6, 2), '（二）国有企业的资产、负债、损益。'),
      at(newX + 22, row(187.6, 0), '第三条　审计机关应当依法对下列事项进行审计：'),
      at(newX + 22, row(187.6, 1), '（一）本级预算执行情况；'),
      at(newX + 22, row(187.6, 2), '（二）国有和国有资本占控股地位的企业的资产、负债、损益。'),
      // The deleted article has no new side, the added one no old side.
      at(oldX + 22, row(256.1, 0), '第四条　市和区、县人民政府应当加强绩效审计制度建设。'),
      at(newX + 22, row(285.6, 0), '第四条　审计机关应当推进大数据审计，提高审计效率。'),
    ]);
  });

  it('colours removed text and strikes it through, colours added text and underlines it', async () => {
    const [page] = await readPdfLayout(await exportComparisonPdf(buildSampleComparison(), options));
    const marked = (color: string) => page.texts.filter((t) => t.color === color).map((t) => t.text);
    expect(marked('#9b1c1c')).toEqual(['、县', '国家审计', '国有企业', '市和区、县人民政府应当加强绩效审计制度建设。']);
    expect(marked('#1a4b8c')).toEqual(['审计监督', '国有和国有资本占控股地位的企业', '审计机关应当推进大数据审计，提高审计效率。']);
    const removed = page.texts.find((t) => t.text === '国家审计')!;
    const strike = page.paths.find((p) => p.color === '#9b1c1c' && Math.abs(p.points[0][0] - removed.x) < 0.01)!;
    // Through the middle of the characters, from the first to the last.
    expect(strike.points).toEqual([[close(removed.x), close(removed.y - 3.74)], [close(removed.x + 44), close(removed.y - 3.74)]]);
    const added = page.texts.find((t) => t.text === '审计监督')!;
    const underline = page.paths.find((p) => p.color === '#1a4b8c' && Math.abs(p.points[0][0] - added.x) < 0.01)!;
    expect(underline.points).toEqual([[close(added.x), close(added.y + 1.87)], [close(added.x + 44), close(added.y + 1.87)]]);
  });

  it('spreads a line cut short by a long web address by at most half a character between characters', async () => {
    const address = 'www.audit.beijing.gov.cn/publicity/results/index.html';
    const comparison: TextComparison = {
      ...buildSampleComparison(),
      articles: [{ change: 'added', old: null, new: 5, after: sampleSide(5, `审计结果公告应在${address}公布。`) }],
    };
    const [page] = await readPdfLayout(await exportComparisonPdf(comparison, options));
    const first = page.texts.filter((t) => t.y < 119.1 + text.line && t.size === 11 && t.y > 119.1);
    // 第五条 is 33 pt wide plus two gaps of 5.5 pt, and one more gap before what follows.
    const start = text.left[1] + text.indent;
    expect(first.map((t) => [t.text, t.x])).toEqual([
      ['第五条', close(start)],
      ['　', close(start + 33 + 3 * 5.5)],
      ['审计结果公告应在', close(start + 33 + 3 * 5.5 + 11 + 5.5)],
    ]);
    expect(tableLines(page).slice(2).map((l) => l.text)).toEqual(['第五条　审计结果公告应在', `${address}公布。`]);
  });

  it('continues a long article over the following pages under a repeated header, as many lines as fit above the foot', async () => {
    const pages = await readPdfLayout(await exportComparisonPdf(addedArticles(50, 1), options));
    expect(pages).toHaveLength(3);
    for (const page of pages) expect([page.width, page.height]).toEqual([close(841.89), close(595.28)]);
    const [first, second, third] = pages;
    // 20 lines fit on the first page (its bottom rule at 519.1, within 537.28), 22 on a page that
    // starts with the header, and the last 8 with the next article below them.
    expect(ruledRows(first)).toEqual(rowsAt([89.6, 119.1], [119.1, 519.1]));
    expect(tableLines(first)).toEqual([at(218.97, 108.53, '修改前'), at(589.92, 108.53, '修改后'), ...addedLines('第五条', 1, 20, 138.03)]);
    expect(ruledRows(second)).toEqual(rowsAt([50, 79.5], [79.5, 518.5]));
    expect(tableLines(second)).toEqual([at(218.97, 68.93, '修改前'), at(589.92, 68.93, '修改后'), ...addedLines('第五条', 21, 42, 98.43)]);
    expect(ruledRows(third)).toEqual(rowsAt([50, 79.5], [79.5, 245.5], [245.5, 275]));
    expect(tableLines(third)).toEqual([
      at(218.97, 68.93, '修改前'),
      at(589.92, 68.93, '修改后'),
      ...addedLines('第五条', 43, 50, 98.43),
      ...addedLines('第六条', 1, 1, 264.43),
    ]);
    expect(third.paths.filter((p) => p.paint === 'fill' && p.color === '#efefef').map((p) => p.points[2])).toEqual([[close(791.89), close(79.5)]]);
    expect(pages.map((page) => page.texts.at(-1)!.text)).toEqual(['第 1 页　共 3 页', '第 2 页　共 3 页', '第 3 页　共 3 页']);
  });

  it('starts an article at the foot of a page only when two of its lines fit there', async () => {
    // After 18 lines two more fit on the first page: 第六条 starts there and ends on the next page.
    const [first, second] = await readPdfLayout(await exportComparisonPdf(addedArticles(18, 3), options));
    expect(ruledRows(first)).toEqual(rowsAt([89.6, 119.1], [119.1, 480.1], [480.1, 529.1]));
    expect(tableLines(first).slice(-2)).toEqual(addedLines('第六条', 1, 2, 499.03));
    expect(ruledRows(second)).toEqual(rowsAt([50, 79.5], [79.5, 109]));
    expect(tableLines(second).slice(2)).toEqual(addedLines('第六条', 3, 3, 98.43));
    // After 19 lines only one would: 第六条 starts on the next page.
    const [alone, next] = await readPdfLayout(await exportComparisonPdf(addedArticles(19, 3), options));
    expect(ruledRows(alone)).toEqual(rowsAt([89.6, 119.1], [119.1, 499.6]));
    expect(tableLines(next).slice(2)).toEqual(addedLines('第六条', 1, 3, 98.43));
  });

  it('spreads a long comparison over pages, repeating the header and continuing long articles', async () => {
    const pages = await readPdf(await exportComparisonPdf(buildSampleComparison(4), options));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      expect(page.text).toMatch(/修改前\s*修改后/);
      expect(page.text).toMatch(new RegExp(`第 ${i + 1} 页\\s共 ${pages.length} 页`));
    });
    const continued = pages.slice(1).filter((page) => !/^修改前\s*修改后\s*第[一二三四五六七八九十]+条/.test(page.text));
    expect(continued.length).toBeGreaterThan(0);
    expect(pages.map((page) => page.text).join('')).toContain('第八条');
  });

  it('includes unchanged articles when asked for all', async () => {
    const [page] = await readPdf(await exportComparisonPdf(buildSampleComparison(), { ...options, all: true }));
    expect(page.text).toContain('为了加强审计监督，制定本条例。');
  });
});
