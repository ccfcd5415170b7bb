import JSZip from 'jszip';
import { escapeXml } from '@/lib/shared';
import { translate, type Locale } from '@/lib/i18n';
import { commentExportColumns, type CommentExportRow } from './listCommentsForExport';

const ns = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkg: 'http://schemas.openxmlformats.org/package/2006/relationships',
  types: 'http://schemas.openxmlformats.org/package/2006/content-types',
};
const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/// Excel's limit on the characters of one cell.
const cellLimit = 32767;

function xmlText(value: string): string {
  return escapeXml(value.slice(0, cellLimit));
}

/// A1-style column letters of a 0-based column index.
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/// Cell styles (indices into `cellXfs` of styles.xml): 1 header (bold, shaded, centred),
/// 2 wrapped text, 3 plain; the last two aligned to the top so that a tall row reads downwards.
const style = { header: 1, wrap: 2, plain: 3 } as const;

const styles =
  `${xmlHead}<styleSheet xmlns="${ns.main}">` +
  '<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>' +
  '<font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFEFEFEF"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

function cell(ref: string, value: string, s: number, numeric = false): string {
  if (value === '') return `<c r="${ref}" s="${s}"/>`;
  if (numeric && /^\d+$/.test(value)) return `<c r="${ref}" s="${s}"><v>${value}</v></c>`;
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" s="${s}" t="inlineStr"><is><t${space}>${xmlText(value)}</t></is></c>`;
}

function sheetXml(rows: CommentExportRow[], locale: Locale): string {
  const columns = commentExportColumns;
  const last = columnName(columns.length - 1);
  const cols = columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
  const header = `<row r="1">${columns.map((c, i) => cell(`${columnName(i)}1`, c.heading(locale), style.header)).join('')}</row>`;
  const body = rows.map((row, r) => {
    const n = r + 2;
    return `<row r="${n}">${columns.map((c, i) => cell(`${columnName(i)}${n}`, c.cell(row, locale), c.wrap ? style.wrap : style.plain, c.numeric)).join('')}</row>`;
  });
  return (
    `${xmlHead}<worksheet xmlns="${ns.main}" xmlns:r="${ns.rel}">` +
    `<dimension ref="A1:${last}${rows.length + 1}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${cols}</cols>` +
    `<sheetData>${header}${body.join('')}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>'
  );
}

/// The comment export as an Excel workbook (.xlsx): one sheet (意见) with a bold header row in
/// `locale` that stays in view when scrolling, one row per comment, column widths fitted to
/// their content and the long texts (comment, proposed text, reason) wrapped. Every cell is an
/// inline string, so no comment can run as a formula.
export async function exportCommentsXlsx(rows: CommentExportRow[], locale: Locale): Promise<Uint8Array> {
  const sheetName = translate(locale, 'manage.export.sheet');
  const zip = new JSZip();
  // Only the parts themselves: folder entries are not parts of an OPC package.
  const add = (path: string, xml: string) => zip.file(path, xml, { createFolders: false });
  add(
    '[Content_Types].xml',
    `${xmlHead}<Types xmlns="${ns.types}">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
  );
  add(
    '_rels/.rels',
    `${xmlHead}<Relationships xmlns="${ns.pkg}">` +
      `<Relationship Id="rId1" Type="${ns.rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  add(
    'xl/workbook.xml',
    `${xmlHead}<workbook xmlns="${ns.main}" xmlns:r="${ns.rel}">` +
      `<sheets><sheet name="${xmlText(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  add(
    'xl/_rels/workbook.xml.rels',
    `${xmlHead}<Relationships xmlns="${ns.pkg}">` +
      `<Relationship Id="rId1" Type="${ns.rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${ns.rel}/styles" Target="styles.xml"/></Relationships>`,
  );
  add('xl/styles.xml', styles);
  add('xl/worksheets/sheet1.xml', sheetXml(rows, locale));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
