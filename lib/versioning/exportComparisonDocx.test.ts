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
