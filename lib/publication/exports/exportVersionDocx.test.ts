import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip } from '@/lib/documents/testing/readZip';
import { exportableFromCorpus, sampleNotice } from '../testing/exportableFixture';
import { exportVersionDocx } from './exportVersionDocx';

interface ManifestFile {
  file: string;
  structure: { parts: number; chapters: number; sections: number; article_labels: string[] };
}

const manifest: { files: ManifestFile[] } = JSON.parse(readFileSync(path.resolve(process.cwd(), 'testdata/corpus/manifest.json'), 'utf8'));

function structureOf(file: string): ManifestFile['structure'] {
  const entry = manifest.files.find((f) => f.file === `dev/${file}`);
  if (!entry) throw new Error(`${file} is not in the corpus manifest`);
  return entry.structure;
}

/// A paragraph of document.xml as a reader sees it: its style, its text, the text of its bold
/// runs, and its raw properties.
interface WordParagraph {
  style: string | null;
  text: string;
  bold: string[];
  properties: string;
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function runText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1])).join('');
}

function paragraphs(documentXml: string): WordParagraph[] {
  return [...documentXml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map(([, xml]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(xml)?.[1] ?? null,
    text: runText(xml),
    bold: [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].filter(([, run]) => /<w:b\/>/.test(run)).map(([, run]) => runText(run)),
    properties: /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(xml)?.[1] ?? '',
  }));
}

async function readDocx(bytes: Uint8Array) {
  const files = await readZip(bytes);
  return { paragraphs: paragraphs(files.get('word/document.xml')!), styles: files.get('word/styles.xml')!, files };
}

const articleLabel = /^第[零〇一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?$/u;

function boldArticleLabels(ps: WordParagraph[]): string[] {
  return ps.flatMap((p) => p.bold.filter((b) => articleLabel.test(b)));
}

function countStyle(ps: WordParagraph[], style: string): number {
  return ps.filter((p) => p.style === style).length;
}

describe('exportVersionDocx', () => {
  const withChapters = 'reg-032-shenzhen.md';
  const withoutChapters = 'reg-058-jiaxing.md';

  it('makes each chapter a Heading 1 and each section a Heading 2, once each and in order', async () => {
    const v = exportableFromCorpus(withChapters);
    const { paragraphs: ps } = await readDocx(await exportVersionDocx(v));
    const expected = structureOf(withChapters);
    expect(expected.parts).toBe(0);
    expect(countStyle(ps, 'Heading1')).toBe(expected.chapters);
    expect(countStyle(ps, 'Heading2')).toBe(expected.sections);
    expect(ps.filter((p) => p.style?.startsWith('Heading')).map((p) => p.text)).toEqual(v.text.outline.map((o) => `${o.label}\u3000${o.heading}`));
    for (const p of ps.filter((x) => x.style === 'Heading2')) expect(p.properties).toContain('<w:outlineLvl w:val="1"/>');
    expect(ps.filter((p) => p.style === 'Title').map((p) => p.text)).toEqual([v.text.title]);
  });

  it('sets every article label in bold, in order, before its first 款; further 款 indented and items hanging', async () => {
    const v = exportableFromCorpus(withChapters);
    const { paragraphs: ps } = await readDocx(await exportVersionDocx(v));
    expect(boldArticleLabels(ps)).toEqual(structureOf(withChapters).article_labels);
    const [first] = v.text.articles;
    expect(ps.find((p) => p.bold[0] === first.label)?.text).toBe(`${first.label}\u3000${first.paragraphs[0].text}`);
    const second = v.text.articles.find((a) => a.paragraphs.length > 1)!;
    expect(ps.find((p) => p.text === second.paragraphs[1].text)?.properties).toMatch(/w:firstLineChars="200"/);
    const item = v.text.articles.flatMap((a) => a.paragraphs.flatMap((p) => p.items))[0];
    expect(ps.find((p) => p.text === `${item.label}${item.text}`)?.properties).toMatch(/<w:ind w:left="\d+" w:hanging="960"\/>/);
  });

  it('puts the notice first, the title on a new page after it, then the 目录', async () => {
    const v = exportableFromCorpus(withChapters);
    const notice = sampleNotice(v, 7);
    const { paragraphs: ps } = await readDocx(await exportVersionDocx({ ...v, notice }));
    const lines = notice.text.split('\n');
    expect(ps.slice(0, lines.length).map((p) => p.text)).toEqual(lines);
    const title = ps[lines.length];
    expect(title.style).toBe('Title');
    expect(title.properties).toContain('<w:pageBreakBefore/>');
    const toc = ps.findIndex((p) => p.text === '目\u3000\u3000录');
    expect(toc).toBeGreaterThan(lines.length);
    expect(ps.slice(toc + 1, toc + 1 + v.text.outline.length).every((p) => p.style === null)).toBe(true);
    // The body starts on the page after the 目录.
    expect(ps[toc + 1 + v.text.outline.length].properties).toContain('<w:pageBreakBefore/>');
  });

  it('defines in styles.xml every paragraph style the document uses, headings with their Word names', async () => {
    const { paragraphs: ps, styles } = await readDocx(await exportVersionDocx(exportableFromCorpus(withChapters)));
    const used = new Set(ps.flatMap((p) => (p.style ? [p.style] : [])));
    expect([...used].sort()).toEqual(['Heading1', 'Heading2', 'Title']);
    for (const style of used) expect(styles).toMatch(new RegExp(`<w:style w:type="paragraph" w:styleId="${style}">`));
    expect(styles).toContain('<w:name w:val="Heading 1"/>');
    expect(styles).toContain('<w:name w:val="Heading 2"/>');
  });

  it('sets a text without chapters with no heading paragraphs and no 目录, and numbers the pages', async () => {
    const v = exportableFromCorpus(withoutChapters);
    const { paragraphs: ps, files } = await readDocx(await exportVersionDocx(v));
    expect(ps[0].style).toBe('Title');
    expect(ps.filter((p) => p.style?.startsWith('Heading'))).toHaveLength(0);
    expect(ps.some((p) => p.text === '目\u3000\u3000录')).toBe(false);
    expect(boldArticleLabels(ps)).toEqual(structureOf(withoutChapters).article_labels);
    expect(ps.slice(1, 1 + v.version.infoLines.length).map((p) => p.text)).toEqual(v.version.infoLines);
    const footer = [...files].find(([name]) => /^word\/footer\d*\.xml$/.test(name))?.[1] ?? '';
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
  });
});
