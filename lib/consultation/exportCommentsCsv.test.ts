import { describe, expect, it } from 'vitest';
import { exportCommentsCsv } from './exportCommentsCsv';
import { exportRow } from './testing/exportRow';

/// A strict RFC 4180 reader: records of fields, quotes doubled inside quoted fields.
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      for (i++; i < text.length; i++) {
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i++;
        } else if (text[i] === '"') break;
        else field += text[i];
      }
      i++;
    } else if (text[i] === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (text.startsWith('\r\n', i)) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else {
      field += text[i];
      i++;
    }
  }
  return records;
}

describe('exportCommentsCsv', () => {
  it('starts with a byte-order mark, ends records with CRLF and heads the columns in Chinese', () => {
    const csv = exportCommentsCsv([exportRow()], 'zh-CN');
    expect(csv.startsWith('\uFEFF编号,提交时间,条文,状态,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const [header, row] = parseCsv(csv.slice(1));
    expect(header).toContain('采纳情况');
    expect(row.slice(0, 4)).toEqual(['ZQ-0001', '2025-03-02 09:00', '第二条', '已发布']);
    expect(row).toContain('尚未处理');
  });

  it('heads the columns and words the values in English when asked', () => {
    const csv = exportCommentsCsv([exportRow({ status: 'rejected', rejectReason: 'spam', disposition: null, articleEid: null, articleLabel: '总体意见' })], 'en');
    const [header, row] = parseCsv(csv.slice(1));
    expect(header.slice(0, 4)).toEqual(['Reference', 'Submitted', 'Article', 'Status']);
    expect(row.slice(2, 5)).toEqual(['General', 'not published', 'spam']);
  });

  it('words each disposition', () => {
    const words = (['adopted', 'partly_adopted', 'not_adopted', 'absorbed'] as const).map((d) => {
      const [, row] = parseCsv(exportCommentsCsv([exportRow({ disposition: d, dispositionReason: '理由' })], 'zh-CN').slice(1));
      return row[12];
    });
    expect(words).toEqual(['采纳', '部分采纳', '未采纳', '已吸收']);
  });

  it('quotes commas, quotes and line breaks, and reads back to the same text', () => {
    const body = '第一，"登记"太繁；\n第二，检查太多。\r\n完';
    const csv = exportCommentsCsv([exportRow({ body, tags: ['程序', '负担'] })], 'zh-CN');
    expect(csv).toContain('"第一，""登记""太繁；\n第二，检查太多。\r\n完"');
    const records = parseCsv(csv.slice(1));
    expect(records).toHaveLength(2);
    expect(records[1][6]).toBe(body);
    expect(records[1][10]).toBe('程序；负担');
    expect(records[1]).toHaveLength(records[0].length);
  });

  it('puts an apostrophe before a cell that a spreadsheet would run as a formula', () => {
    const rows = ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '普通意见=1'].map((body) => exportRow({ body }));
    const records = parseCsv(exportCommentsCsv(rows, 'zh-CN').slice(1)).slice(1);
    expect(records.map((r) => r[6])).toEqual(["'=HYPERLINK(\"http://evil\",\"x\")", "'+1+1", "'-2+3", "'@SUM(A1)", "'\t=1", '普通意见=1']);
  });

  it('writes only the header for no comments', () => {
    expect(parseCsv(exportCommentsCsv([], 'zh-CN').slice(1))).toHaveLength(1);
  });
});
