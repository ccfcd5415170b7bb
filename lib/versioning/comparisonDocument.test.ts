import { beforeAll, describe, expect, it } from 'vitest';
import { readPdf, requireCjkFont } from '@/lib/documents/testing/readPdf';
import { readZip } from '@/lib/documents/testing/readZip';
import { parseRegulation, toParseJson, type TextComparison } from '@/lib/legal-text';
import type { ResolvedText } from './compareDraftTexts';
import { comparisonDocument, decisionDocument, describeText } from './comparisonDocument';
import { buildSampleComparison } from './testing/buildSampleComparison';

beforeAll(requireCjkFont);

const text = toParseJson(parseRegulation('北京市审计条例\n\n第一条　为了加强审计监督，制定本条例。'));
const version: ResolvedText = { ref: 'v1', kind: 'version', name: '征求意见稿', seq: 2, text };
const current: ResolvedText = { ref: 'current', kind: 'current', name: null, seq: null, text };
const inForce: ResolvedText = { ref: 'in-force', kind: 'in_force', name: '北京市审计条例', seq: null, text };

/// The text of every paragraph of a Word document's body, in order.
function paragraphTexts(document: string): string[] {
  return [...document.matchAll(/<w:p>(.*?)<\/w:p>|<w:p\/>/g)].map((m) => [...(m[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}

async function wordBody(bytes: Uint8Array): Promise<string[]> {
  return paragraphTexts((await readZip(bytes)).get('word/document.xml')!);
}

describe('describeText', () => {
  it('names a version by its name and number, and the draft and the text in force by what they are', () => {
    expect(describeText(version, 'zh-CN')).toBe('征求意见稿（第 2 版）');
    expect(describeText(current, 'zh-CN')).toBe('当前草稿');
    expect(describeText(inForce, 'zh-CN')).toBe('现行文本');
    expect([version, current, inForce].map((side) => describeText(side, 'en'))).toEqual(['征求意见稿（Version 2）', 'Current draft', 'Text in force']);
  });
});

describe('comparisonDocument', () => {
  it('makes a Word 修改对照表 titled after the new text, headed with what each side is, named after the title', async () => {
    const renamed: TextComparison = { ...buildSampleComparison(), newTitle: '北京市审计监督条例' };
    const file = await comparisonDocument({ from: version, to: current, comparison: renamed }, 'docx', { all: false, locale: 'zh-CN' });
    expect(file.filename).toBe('北京市审计监督条例-修改对照表.docx');
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const body = await wordBody(file.body);
    expect(body.slice(0, 3)).toEqual(['《北京市审计监督条例》修改对照表', '修改前（征求意见稿（第 2 版））', '修改后（当前草稿）']);
    expect(body).toContain('第二条　市和区人民政府依法设立审计机关。');
    expect(body.join('')).not.toContain('为了加强审计监督');
  });

  it('keeps the old title when the new text has none, and shows unchanged articles when asked for all', async () => {
    const untitled: TextComparison = { ...buildSampleComparison(), newTitle: '' };
    const file = await comparisonDocument({ from: inForce, to: version, comparison: untitled }, 'docx', { all: true, locale: 'zh-CN' });
    expect(file.filename).toBe('北京市审计条例-修改对照表.docx');
    const body = await wordBody(file.body);
    expect(body.slice(0, 3)).toEqual(['《北京市审计条例》修改对照表', '修改前（现行文本）', '修改后（征求意见稿（第 2 版））']);
    expect(body).toContain('第一条　为了加强审计监督，制定本条例。');
  });

  it('makes the same table as a PDF, in the chosen language', async () => {
    const file = await comparisonDocument({ from: version, to: current, comparison: buildSampleComparison() }, 'pdf', { all: false, locale: 'en' });
    expect(file.filename).toBe('北京市审计条例-修改对照表.pdf');
    expect(file.contentType).toBe('application/pdf');
    const [page, ...rest] = await readPdf(file.body);
    expect(rest).toHaveLength(0);
    expect(page.text).toMatch(/^《北京市审计条例》修改对照表 \(comparison table\)\s*Before（征求意见稿（Version 2））\s*After（Current draft）\s*第二条/);
  });
});

describe('decisionDocument', () => {
  it('writes the 修改决定 as plain text named after its title', async () => {
    const file = await decisionDocument(buildSampleComparison(), 'txt');
    expect(file.filename).toBe('关于修改《北京市审计条例》的决定.txt');
    expect(file.contentType).toBe('text/plain; charset=utf-8');
    const lines = new TextDecoder().decode(file.body).split('\n');
    expect(lines.slice(0, 4)).toEqual(['关于修改《北京市审计条例》的决定', '', '对《北京市审计条例》作如下修改：', '一、删去第二条第一款中的“、县”；将第二条第二款中的“国家审计”修改为“审计监督”。']);
  });

  it('writes the 修改决定 as a Word document with the same paragraphs', async () => {
    const file = await decisionDocument(buildSampleComparison(), 'docx');
    expect(file.filename).toBe('关于修改《北京市审计条例》的决定.docx');
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const body = await wordBody(file.body);
    expect(body.slice(0, 3)).toEqual(['关于修改《北京市审计条例》的决定', '对《北京市审计条例》作如下修改：', '一、删去第二条第一款中的“、县”；将第二条第二款中的“国家审计”修改为“审计监督”。']);
  });
});
