import { describe, expect, it } from 'vitest';
import { readZip } from '@/lib/versioning/testing/readZip';
import { exportCommentsXlsx } from './exportCommentsXlsx';
import { exportRow } from './testing/exportRow';

const row = exportRow({
  body: '建议把 <b>“本市”</b> & 周边\n写清楚\u0007。',
  proposedText: '=本条例适用于本市行政区域。',
  tags: ['范围'],
  assigneeName: '李承办',
  disposition: 'adopted',
  dispositionReason: '已修改。',
  decidedAt: '2025-04-03T06:30:00.000Z',
});

/// The text of each cell of a sheet, by reference (A1, B2 …), with its style index.
function cells(sheet: string): Map<string, { text: string; style: string }> {
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return new Map(
    [...sheet.matchAll(/<c r="([A-Z]+\d+)" s="(\d+)"(?: t="inlineStr"><is><t[^>]*>([^<]*)<\/t><\/is><\/c>|\/>)/g)].map((m) => [m[1], { text: unescape(m[3] ?? ''), style: m[2] }]),
  );
}

describe('exportCommentsXlsx', () => {
  it('is a zip with the parts of a one-sheet workbook named 意见', async () => {
    const files = readZip(await exportCommentsXlsx([row], 'zh-CN'));
    expect([...files.keys()].sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'].sort(),
    );
    expect(files.get('[Content_Types].xml')).toContain('PartName="/xl/worksheets/sheet1.xml"');
    expect(files.get('_rels/.rels')).toContain('Target="xl/workbook.xml"');
    expect(files.get('xl/workbook.xml')).toContain('<sheet name="意见" sheetId="1" r:id="rId1"/>');
    expect(files.get('xl/_rels/workbook.xml.rels')).toContain('Target="worksheets/sheet1.xml"');
  });

  it('writes a bold, frozen header row in the chosen language and one row per comment', async () => {
    const files = readZip(await exportCommentsXlsx([row, { ...row, reference: 'ZQ-0002' }], 'zh-CN'));
    const sheet = files.get('xl/worksheets/sheet1.xml')!;
    const c = cells(sheet);
    expect(['A1', 'B1', 'C1', 'D1', 'G1'].map((ref) => c.get(ref)?.text)).toEqual(['编号', '提交时间', '条文', '状态', '意见内容']);
    expect(c.get('A1')?.style).toBe('1');
    expect(files.get('xl/styles.xml')).toMatch(/<fonts count="2">.*<font><b\/>/);
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<dimension ref="A1:O3"/>');
    expect(['A2', 'A3', 'B2', 'C2', 'D2', 'M2'].map((ref) => c.get(ref)?.text)).toEqual(['ZQ-0001', 'ZQ-0002', '2025-03-02 09:00', '第二条', '已发布', '采纳']);
    const en = cells(readZip(await exportCommentsXlsx([row], 'en')).get('xl/worksheets/sheet1.xml')!);
    expect(en.get('A1')?.text).toBe('Reference');
  });

  it('wraps the comment column, sets column widths and keeps text as inline strings, escaped and cleaned', async () => {
    const files = readZip(await exportCommentsXlsx([row], 'zh-CN'));
    const sheet = files.get('xl/worksheets/sheet1.xml')!;
    const c = cells(sheet);
    expect(c.get('G2')).toEqual({ text: '建议把 <b>“本市”</b> & 周边\n写清楚。', style: '2' });
    expect(c.get('H2')?.text).toBe('=本条例适用于本市行政区域。');
    expect(sheet).not.toContain('<f>');
    expect(sheet).toContain('<c r="J2" s="3"><v>1</v></c>');
    expect(sheet).not.toContain('\u0007');
    expect(sheet).toMatch(/<col min="7" max="7" width="60" customWidth="1"\/>/);
    expect(files.get('xl/styles.xml')).toContain('<alignment vertical="top" wrapText="1"/>');
  });
});
