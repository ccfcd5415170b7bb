import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdf, requireCjkFont } from '@/lib/documents/testing/readPdf';
import { exportableFromCorpus, sampleNotice } from '../testing/exportableFixture';
import { exportVersionPdf } from './exportVersionPdf';

beforeAll(requireCjkFont);

interface ManifestFile {
  file: string;
  structure: { chapters: number; sections: number; article_labels: string[] };
}

const manifest: { files: ManifestFile[] } = JSON.parse(readFileSync(path.resolve(process.cwd(), 'testdata/corpus/manifest.json'), 'utf8'));

function structureOf(file: string): ManifestFile['structure'] {
  const entry = manifest.files.find((f) => f.file === `dev/${file}`);
  if (!entry) throw new Error(`${file} is not in the corpus manifest`);
  return entry.structure;
}

/// Article labels as they open articles: followed by the full-width space (a citation such as
/// 本条例第十二条规定 is followed by its sentence instead).
const openingLabels = /第[零〇一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?(?=\s)/gu;

/// Whether `labels` occur in `text` in this order, each followed by white space.
function inOrder(text: string, labels: string[]): boolean {
  let from = 0;
  for (const label of labels) {
    const at = text.slice(from).search(new RegExp(`${label}\\s`, 'u'));
    if (at < 0) return false;
    from += at + label.length;
  }
  return true;
}

/// Fails (does not skip) without poppler-utils, which CI installs: a skipped check proves nothing.
function requirePoppler(): void {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error('pdftotext is missing: apt-get install -y poppler-utils');
  }
}

describe('exportVersionPdf', () => {
  const withChapters = 'reg-032-shenzhen.md';
  const withoutChapters = 'reg-058-jiaxing.md';

  it('prints the notice alone on the first page, then the title, its 题注, the 目录 and the body on numbered A4 portrait pages', async () => {
    const v = exportableFromCorpus(withChapters);
    const notice = sampleNotice(v, 12);
    const pages = await readPdf(await exportVersionPdf({ ...v, notice }));
    for (const page of pages) expect([Math.round(page.width), Math.round(page.height)]).toEqual([595, 842]);
    pages.forEach((page, i) => expect(page.text).toMatch(new RegExp(`第 ${i + 1} 页\\s共 ${pages.length} 页`)));

    const [noticePage, titlePage, ...rest] = pages.map((p) => p.text);
    for (const line of notice.text.split('\n')) expect(noticePage).toContain(line);
    expect(noticePage).not.toMatch(openingLabels);
    expect(titlePage.startsWith(v.text.title)).toBe(true);
    for (const line of v.version.infoLines) expect(titlePage.replace(/\s+/g, '')).toContain(line.replace(/\s+/g, ''));

    const all = rest.join('');
    expect(all).toMatch(/^目\s+录/);
    // Each chapter and section heading twice, in order: in the 目录, then over its articles.
    const labels = v.text.outline.map((o) => o.label);
    expect(labels.length).toBe(structureOf(withChapters).chapters + structureOf(withChapters).sections);
    expect(inOrder(all, [...labels, ...labels])).toBe(true);
    for (const o of v.text.outline) expect(all.match(new RegExp(`${o.label}\\s${o.heading}`, 'gu'))).toHaveLength(2);
    expect(all.match(openingLabels)).toEqual(structureOf(withChapters).article_labels);
  });

  it('sets a text without chapters from the title straight into its articles, with no 目录', async () => {
    const v = exportableFromCorpus(withoutChapters);
    const pages = await readPdf(await exportVersionPdf(v));
    const all = pages.map((p) => p.text).join('');
    expect(all.startsWith(v.text.title)).toBe(true);
    expect(all).not.toMatch(/目\s+录/);
    expect(all.match(openingLabels)).toEqual(structureOf(withoutChapters).article_labels);
    const firstItem = v.text.articles.flatMap((a) => a.paragraphs.flatMap((p) => p.items))[0];
    expect(all).toContain(`${firstItem.label}${firstItem.text}`);
    pages.forEach((page, i) => expect(page.text).toMatch(new RegExp(`第 ${i + 1} 页\\s共 ${pages.length} 页`)));
  });

  it('embeds the CJK font as a subset with a ToUnicode map', async () => {
    const bytes = Buffer.from(await exportVersionPdf(exportableFromCorpus(withoutChapters))).toString('latin1');
    expect(bytes).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+/);
    expect(bytes).toContain('/ToUnicode');
  });

  it('reads the same with poppler: every article in order, the title, the notice and page numbers, font embedded', async () => {
    requirePoppler();
    const v = exportableFromCorpus(withChapters);
    const notice = sampleNotice(v, 3);
    const dir = mkdtempSync(path.join(tmpdir(), 'lawbench-pdf-'));
    try {
      const file = path.join(dir, 'version.pdf');
      writeFileSync(file, await exportVersionPdf({ ...v, notice }));
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      const flat = text.replace(/\s+/g, '');
      expect(flat).toContain(v.text.title);
      expect(flat).toContain(notice.text.split('\n')[2]);
      expect(text).toMatch(/第\s*1\s*页\s*共\s*\d+\s*页/);
      expect(inOrder(text, structureOf(withChapters).article_labels)).toBe(true);
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) expect(font).toMatch(/\byes\s+yes\s+yes\b/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
