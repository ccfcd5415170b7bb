import { describe, expect, it } from 'vitest';
import { exportComparisonDocx } from './exportComparisonDocx';
import { buildSampleComparison } from './testing/buildSampleComparison';
import { readZip } from '@/lib/documents/testing/readZip';

const options = { title: '《北京市审计条例》修改对照表', beforeHeading: '修改前', afterHeading: '修改后', generatedAt: new Date('2025-03-01T08:00:00Z') };

/// Each run of the body: its properties and its text.
function runs(xml: string): { props: string; text: string }[] {
  return [...xml.matchAll(/<w:r>(?:<w:rPr>(.*?)<\/w:rPr>)?(.*?)<\/w:r>/g)].map((m) => ({
    props: m[1] ?? '',
    text: [...m[2].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }));
}

/// Each table row of the body, as the properties and the content of each of its cells.
function tableRows(xml: string): { props: string; content: string }[][] {
  return [...xml.matchAll(/<w:tr>(.*?)<\/w:tr>/g)].map((row) =>
    [...row[1].matchAll(/<w:tc><w:tcPr>(.*?)<\/w:tcPr>(.*?)<\/w:tc>/g)].map((m) => ({ props: m[1], content: m[2] })),
  );
}

/// The paragraphs of a cell (or of any stretch of the body): their properties and their text.
function paragraphs(xml: string): { props: string; text: string }[] {
  return [...xml.matchAll(/<w:p>(?:<w:pPr>(.*?)<\/w:pPr>)?(.*?)<\/w:p>|<w:p\/>/g)].map((m) => ({
    props: m[1] ?? '',
    text: [...(m[2] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }));
}

/// Cell padding: 4 pt above and below, 6 pt either side (twips).
const padding = '<w:tcMar><w:top w:type="dxa" w:w="80"/><w:left w:type="dxa" w:w="120"/><w:bottom w:type="dxa" w:w="80"/><w:right w:type="dxa" w:w="120"/></w:tcMar>';

async function exportParts(all = false) {
  const files = await readZip(await exportComparisonDocx(buildSampleComparison(), { ...options, all }));
  return { document: files.get('word/document.xml')!, files };
}

describe('exportComparisonDocx', () => {
  it('puts the title, the column headings and each changed article with its label in bold', async () => {
    const { document } = await exportParts();
    expect(document).toContain('《北京市审计条例》修改对照表');
    expect(document).toMatch(/<w:tblHeader\/>.*修改前.*修改后/);
    const label = runs(document).find((r) => r.text === '第二条');
    expect(label?.props).toContain('<w:b/>');
    expect(document).toContain('人民政府依法设立审计机关。');
    expect(document).not.toContain('为了加强审计监督');
  });

  it('shows unchanged articles too when asked for all', async () => {
    expect((await exportParts(true)).document).toContain('为了加强审计监督');
  });

  it('strikes through removed text and underlines added text, each also coloured', async () => {
    const all = runs((await exportParts()).document);
    const removed = all.find((r) => r.text === '国家审计')!;
    expect(removed.props).toContain('<w:strike/>');
    expect(removed.props).toMatch(/<w:color w:val="9B1C1C"\/>/);
    const added = all.find((r) => r.text === '审计监督')!;
    expect(added.props).toMatch(/<w:u w:val="single"/);
    expect(added.props).toMatch(/<w:color w:val="1A4B8C"\/>/);
    expect(all.find((r) => r.text === '职责。')!.props).not.toMatch(/strike|<w:u /);
  });

  it('sets each 款 and 项 as its own paragraph, indented two characters', async () => {
    const paragraphs = [...(await exportParts()).document.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((m) => m[1]);
    const items = paragraphs.filter((p) => /（[一二]）/.test(p));
    expect(items).toHaveLength(4);
    for (const p of items) expect(p).toContain('w:firstLineChars="200"');
  });

  it('leaves the new side of a deleted article empty', async () => {
    const rows = [...(await exportParts()).document.matchAll(/<w:tr>(.*?)<\/w:tr>/g)].map((m) => m[1]);
    const deleted = rows.find((r) => r.includes('绩效审计制度建设'))!;
    const cells = [...deleted.matchAll(/<w:tc>(.*?)<\/w:tc>/g)].map((m) => m[1]);
    expect(cells).toHaveLength(2);
    expect(cells[1]).not.toMatch(/<w:t[ >]/);
    // Word needs a paragraph in every cell: an empty one, not none.
    expect(cells[1]).toMatch(/<\/w:tcPr><w:p\/>$/);
  });

  it('centres the title in bold 18 pt with 18 pt of space below it', async () => {
    const { document } = await exportParts();
    const [title] = paragraphs(document);
    expect(title).toEqual({ props: '<w:spacing w:after="360"/><w:jc w:val="center"/>', text: options.title });
    expect(runs(document)[0]).toEqual({ props: '<w:b/><w:bCs/><w:sz w:val="36"/><w:szCs w:val="36"/>', text: options.title });
  });

  it('rules a fixed table across the text width in two equal columns, in thin dark grey lines all round and between cells', async () => {
    const { document } = await exportParts();
    const line = 'w:val="single" w:color="404040" w:sz="4"';
    // Landscape A4 is 16838 twips wide; less two 2 cm (1134) margins that leaves 14570.
    expect(document).toContain(
      `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="14570"/><w:tblBorders><w:top ${line}/><w:left ${line}/><w:bottom ${line}/><w:right ${line}/>` +
        `<w:insideH ${line}/><w:insideV ${line}/></w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>` +
        '<w:tblGrid><w:gridCol w:w="7285"/><w:gridCol w:w="7285"/></w:tblGrid>',
    );
    for (const row of tableRows(document)) for (const cell of row) expect(cell.props).toMatch(/^<w:tcW w:type="dxa" w:w="7285"\/>/);
  });

  it('shades the header row and centres its bold headings; the article cells are white, padded and read from the top', async () => {
    const [header, ...body] = tableRows((await exportParts()).document);
    for (const [cell, heading] of header.map((c, i) => [c, [options.beforeHeading, options.afterHeading][i]] as const)) {
      expect(cell.props).toBe(`<w:tcW w:type="dxa" w:w="7285"/><w:shd w:fill="EFEFEF" w:color="auto" w:val="clear"/>${padding}<w:vAlign w:val="center"/>`);
      expect(cell.content).toBe(`<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">${heading}</w:t></w:r></w:p>`);
    }
    expect(body).toHaveLength(4);
    for (const cell of body.flat()) expect(cell.props).toBe(`<w:tcW w:type="dxa" w:w="7285"/>${padding}<w:vAlign w:val="top"/>`);
  });

  it('opens each side with its bold label and a full-width space, and sets each 款 and 项 justified at one and a half lines', async () => {
    const [, ...body] = tableRows((await exportParts()).document);
    const texts = body.map((row) => row.map((cell) => paragraphs(cell.content).map((p) => p.text)));
    expect(texts).toEqual([
      [
        ['第二条　市和区、县人民政府依法设立审计机关。', '审计机关在本级人民政府行政首长和上一级审计机关的领导下，依法履行国家审计职责。'],
        ['第二条　市和区人民政府依法设立审计机关。', '审计机关在本级人民政府行政首长和上一级审计机关的领导下，依法履行审计监督职责。'],
      ],
      [
        ['第三条　审计机关应当依法对下列事项进行审计：', '（一）本级预算执行情况；', '（二）国有企业的资产、负债、损益。'],
        ['第三条　审计机关应当依法对下列事项进行审计：', '（一）本级预算执行情况；', '（二）国有和国有资本占控股地位的企业的资产、负债、损益。'],
      ],
      [['第四条　市和区、县人民政府应当加强绩效审计制度建设。'], ['']],
      [[''], ['第四条　审计机关应当推进大数据审计，提高审计效率。']],
    ]);
    const set = body.flatMap((row) => row.flatMap((cell) => paragraphs(cell.content))).filter((p) => p.text);
    for (const p of set) expect(p.props).toBe('<w:spacing w:line="360"/><w:ind w:firstLine="480" w:firstLineChars="200"/><w:jc w:val="both"/>');
  });

  it('lays the page out landscape with page numbers in the footer and a Chinese font', async () => {
    const { document, files } = await exportParts();
    expect(document).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    const footer = [...files].find(([name]) => /^word\/footer\d*\.xml$/.test(name))![1];
    expect(footer).toMatch(/第 .*<w:instrText[^>]*>PAGE<\/w:instrText>.* 页.*共 .*NUMPAGES.* 页/);
    expect(files.get('word/styles.xml')).toContain('w:eastAsia="宋体"');
    expect(files.get('docProps/core.xml')).toContain('2025-03-01T08:00:00Z');
  });
});
