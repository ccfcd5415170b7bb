import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n';
import { readZip } from '@/lib/documents/testing/readZip';
import { exportCommentsXlsx } from './exportCommentsXlsx';
import type { CommentExportRow } from './listCommentsForExport';
import { exportRow } from './testing/exportRow';

const row = exportRow({
  body: '建议把 <b>“本市”</b> & 周边\n写清楚\u0007。',
  proposedText: '=本条例适用于本市行政区域。',
  groupId: 'g1',
  groupReference: 'ZQ-0001',
  groupSize: 3,
  tags: ['范围', '程序'],
  assigneeName: '李承办',
  disposition: 'adopted',
  dispositionReason: '已修改。',
  decidedAt: '2025-04-03T06:30:00.000Z',
});

/// The export of `rows` as Excel would open it, read back with exceljs: the workbook and its first sheet.
async function openExport(rows: CommentExportRow[], locale: Locale) {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as its own Buffer, which today's Node Buffer type no longer matches.
  await workbook.xlsx.load(Buffer.from(await exportCommentsXlsx(rows, locale)) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return { workbook, sheet: workbook.worksheets[0] };
}

/// The values of the 15 cells of row `n` (null for an empty cell).
function rowValues(sheet: ExcelJS.Worksheet, n: number): ExcelJS.CellValue[] {
  return Array.from({ length: 15 }, (_, i) => sheet.getRow(n).getCell(i + 1).value);
}

const zhHeader = ['编号', '提交时间', '条文', '状态', '不予发布的理由', '提交人', '意见内容', '建议修改为', '同组意见', '同组条数', '标签', '承办人', '采纳情况', '理由', '处理时间'];
const enHeader = ['Reference', 'Submitted', 'Article', 'Status', 'Reason for rejecting', 'Author', 'Comment', 'Proposed wording', 'Campaign group', 'Group size', 'Tags', 'Assignee', 'Disposition', 'Reason', 'Decided'];

describe('exportCommentsXlsx', () => {
  it('is a one-sheet workbook named 意见, Comments in English, and nothing else in the package', async () => {
    const bytes = await exportCommentsXlsx([row], 'zh-CN');
    expect([...(await readZip(bytes)).keys()].sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'].sort(),
    );
    expect((await openExport([row], 'zh-CN')).workbook.worksheets.map((s) => s.name)).toEqual(['意见']);
    expect((await openExport([row], 'en')).workbook.worksheets.map((s) => s.name)).toEqual(['Comments']);
  });

  it('heads the columns in the chosen language, in a bold shaded row that stays in view when scrolling', async () => {
    const { sheet } = await openExport([row], 'zh-CN');
    expect(rowValues(sheet, 1)).toEqual(zhHeader);
    expect(rowValues((await openExport([row], 'en')).sheet, 1)).toEqual(enHeader);
    for (let c = 1; c <= 15; c++) {
      const cell = sheet.getRow(1).getCell(c);
      expect([cell.address, cell.font?.bold, cell.fill]).toEqual([cell.address, true, expect.objectContaining({ type: 'pattern', pattern: 'solid' })]);
    }
    expect(sheet.getCell('A2').font?.bold).toBeFalsy();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
  });

  it('writes one row per comment with its text, times in China time as text and the group size as a number', async () => {
    const { sheet } = await openExport([row, { ...row, reference: 'ZQ-0002' }], 'zh-CN');
    expect(sheet.rowCount).toBe(3);
    expect(sheet.actualColumnCount).toBe(15);
    expect(rowValues(sheet, 2)).toEqual([
      'ZQ-0001', '2025-03-02 09:00', '第二条', '已发布', null, '陈**', '建议把 <b>“本市”</b> & 周边\n写清楚。',
      '=本条例适用于本市行政区域。', 'ZQ-0001', 3, '范围；程序', '李承办', '采纳', '已修改。', '2025-04-03 14:30',
    ]);
    expect(sheet.getCell('A3').value).toBe('ZQ-0002');
    expect(sheet.getCell('J2').type).toBe(ExcelJS.ValueType.Number);
    for (const ref of ['A2', 'B2', 'D2', 'G2', 'O2']) expect([ref, sheet.getCell(ref).type]).toEqual([ref, ExcelJS.ValueType.String]);
  });

  it('words the values in English when asked', async () => {
    const general = exportRow({ articleEid: null, articleLabel: '总体意见', status: 'rejected', rejectReason: 'spam', tags: ['scope', 'procedure'] });
    const { sheet } = await openExport([general], 'en');
    expect(rowValues(sheet, 2).slice(2, 5)).toEqual(['General', 'not published', 'spam']);
    expect(sheet.getCell('K2').value).toBe('scope; procedure');
    expect(sheet.getCell('M2').value).toBe('Not decided');
  });

  it('writes only the header row for no comments', async () => {
    const { sheet } = await openExport([], 'zh-CN');
    expect(sheet.rowCount).toBe(1);
    expect(rowValues(sheet, 1)).toEqual(zhHeader);
  });

  it('sets column widths and wraps the long texts (comment, proposed text, tags, reason), top-aligned', async () => {
    const { sheet } = await openExport([row], 'zh-CN');
    expect(sheet.columns.map((c) => c.width)).toEqual([16, 17, 12, 10, 14, 10, 60, 40, 16, 10, 16, 10, 10, 40, 17]);
    const wrapped = Array.from({ length: 15 }, (_, i) => sheet.getRow(2).getCell(i + 1).alignment?.wrapText === true);
    expect(wrapped).toEqual([false, false, false, false, false, false, true, true, false, false, true, false, false, true, false]);
    for (let c = 1; c <= 15; c++) expect(sheet.getRow(2).getCell(c).alignment?.vertical).toBe('top');
  });

  it('keeps text that starts like a formula as text, so no comment runs as one', async () => {
    const bodies = ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '=1+1'];
    const { sheet } = await openExport(bodies.map((body) => exportRow({ body })), 'zh-CN');
    const cells = bodies.map((_, i) => sheet.getCell(`G${i + 2}`));
    expect(cells.map((c) => c.value)).toEqual(bodies);
    expect(cells.map((c) => c.type)).toEqual(bodies.map(() => ExcelJS.ValueType.String));
    sheet.eachRow((r) => r.eachCell((c) => expect([c.address, c.type]).not.toEqual([c.address, ExcelJS.ValueType.Formula])));
    expect((await openExport([row], 'zh-CN')).sheet.getCell('H2').type).toBe(ExcelJS.ValueType.String);
  });

  it("cuts a text at Excel's 32,767 characters a cell, never through a character", async () => {
    const { sheet } = await openExport([exportRow({ body: '长'.repeat(40_000) }), exportRow({ body: `${'x'.repeat(32_766)}😀尾` })], 'zh-CN');
    expect(sheet.getCell('G2').value).toBe('长'.repeat(32_767));
    expect(sheet.getCell('G3').value).toBe('x'.repeat(32_766));
  });

  it('drops the characters XML cannot carry and keeps spaces, line breaks and the rest', async () => {
    const body = '  开头有空格\t制表\n换行\u0000\u0008\u000B\uFFFE\uD800 & <i>😀 结尾 ';
    const { sheet } = await openExport([exportRow({ body })], 'zh-CN');
    expect(sheet.getCell('G2').value).toBe('  开头有空格\t制表\n换行 & <i>😀 结尾 ');
    // Excel trims the text of a cell unless it is marked xml:space="preserve"; exceljs keeps the
    // spaces either way, so the mark itself is checked in the sheet.
    const sheetXml = (await readZip(await exportCommentsXlsx([exportRow({ body })], 'zh-CN'))).get('xl/worksheets/sheet1.xml');
    expect(sheetXml).toContain('<t xml:space="preserve">  开头有空格');
  });
});
