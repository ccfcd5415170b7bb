import { AlignmentType, Document, Footer, Packer, PageNumber, PageOrientation, Paragraph, TextRun, type Table } from 'docx';
import JSZip from 'jszip';
import { dropNonXml, escapeXml } from '@/lib/shared';

/// Fonts of the Word exports: a Songti face for Chinese (Word on Chinese Windows and WPS know it
/// as 宋体; elsewhere it falls back to the system's CJK serif, e.g. Noto Serif CJK SC) and
/// Times New Roman for Latin letters and digits.
const docxFonts = { eastAsia: '宋体', latin: 'Times New Roman' } as const;

/// Page margins in twips: GB/T 9704 (official documents) for portrait, 2 cm for the wide table.
const margins = {
  portrait: { top: 2098, bottom: 1984, left: 1588, right: 1474 },
  landscape: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
};

function coreProperties(title: string, at: Date): string {
  const stamp = `${at.toISOString().slice(0, 19)}Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>Lawbench</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/// Packs the body of a Lawbench Word export into .docx bytes: one A4 section (portrait or
/// landscape), Chinese text in `docxFonts` at `fontSize` (half-points) by default, and
/// 第 X 页　共 Y 页 (PAGE and NUMPAGES fields) centred in the footer. `createdAt` is written to
/// the file's properties.
export async function packDocx(body: {
  title: string;
  landscape: boolean;
  fontSize: number;
  createdAt?: Date;
  children: (Paragraph | Table)[];
}): Promise<Uint8Array> {
  const font = { ascii: docxFonts.latin, hAnsi: docxFonts.latin, eastAsia: docxFonts.eastAsia, cs: docxFonts.latin };
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ size: 18, children: ['第 ', PageNumber.CURRENT, ' 页\u3000共 ', PageNumber.TOTAL_PAGES, ' 页'] })],
      }),
    ],
  });
  const doc = new Document({
    title: body.title,
    creator: 'Lawbench',
    styles: { default: { document: { run: { font, size: body.fontSize, language: { value: 'en-US', eastAsia: 'zh-CN' } } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: body.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: body.landscape ? margins.landscape : margins.portrait,
          },
        },
        footers: { default: footer },
        children: body.children,
      },
    ],
  });
  const overrides = [{ path: 'docProps/core.xml', data: coreProperties(body.title, body.createdAt ?? new Date()) }];
  return withoutNonXmlCharacters(new Uint8Array(await Packer.toBuffer(doc, false, overrides)));
}

/// The package with every character XML 1.0 cannot carry removed from its XML parts: the `docx`
/// library drops C0 controls but lets U+FFFE, U+FFFF and lone surrogates through, and Word then
/// refuses to open the file.
async function withoutNonXmlCharacters(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !/\.(xml|rels)$/.test(entry.name)) continue;
    const text = await entry.async('string');
    const clean = dropNonXml(text);
    if (clean !== text) {
      zip.file(entry.name, clean);
      changed = true;
    }
  }
  return changed ? zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }) : bytes;
}
