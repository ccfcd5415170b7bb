import { beforeAll, describe, expect, it } from 'vitest';
import { readPdf, requireCjkFont } from '@/lib/documents/testing/readPdf';
import { exportComparisonPdf } from './exportComparisonPdf';
import { buildSampleComparison } from './testing/buildSampleComparison';

const options = { title: '《北京市审计条例》修改对照表', beforeHeading: '修改前', afterHeading: '修改后' };

beforeAll(requireCjkFont);

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
