import { describe, expect, it } from 'vitest';
import { LegalTextError } from './errors';
import { parseDocx } from './parseDocx';
import { toParseJson } from './toParseJson';
import { buildDocx } from './testing/buildDocx';

describe('parseDocx', () => {
  it('parses a Word file paragraph by paragraph as plain text', async () => {
    const docx = buildDocx([
      '示例市养犬管理条例',
      '（2024年1月5日示例市人民代表大会常务委员会第十次会议通过）',
      '第一章　总　　则',
      '第一条　为了规范养犬行为，制定本条例。',
      '第二条　下列犬只禁止饲养：',
      '（一）烈性犬；',
      '（二）大型犬。',
      '第二章　附　　则',
      '第三条　本条例自2025年1月1日起施行。',
    ]);
    const json = toParseJson(await parseDocx(docx));
    expect(json.title).toBe('示例市养犬管理条例');
    expect(json.events).toEqual([expect.objectContaining({ kind: 'adopted', date: '2024-01-05' })]);
    expect(json.counts).toMatchObject({ chapters: 2, articles: 3, items: 2 });
    expect(json.outline.map((o) => o.heading)).toEqual(['总则', '附则']);
    expect(json.warnings).toEqual([]);
  });

  it('reads a Word file as plain text even when a paragraph starts with #, so page numbers are still dropped', async () => {
    // With # the text would pass for Markdown, where “- 2 -” is no page number but a 款 of 第一条.
    const docx = buildDocx(['示例市养犬管理条例', '#文明养犬#', '第一条　为了规范养犬行为，制定本条例。', '- 2 -', '第二条　养犬人应当办理登记。']);
    const json = toParseJson(await parseDocx(docx));
    expect(json.articles.map((a) => a.paragraphs.map((p) => p.text))).toEqual([['为了规范养犬行为，制定本条例。'], ['养犬人应当办理登记。']]);
  });

  it('refuses bytes that are not a .docx, saying why in Chinese and passing on the reader’s reason', async () => {
    await expect(parseDocx(new TextEncoder().encode('not a zip'))).rejects.toMatchObject({
      code: 'bad_docx',
      name: 'LegalTextError',
      message: expect.stringMatching(/^无法读取 Word 文件：.*zip file/),
    });
    await expect(parseDocx(new Uint8Array([1]))).rejects.toBeInstanceOf(LegalTextError);
  });

  it('refuses a .docx without text, or with only blank and space-filled paragraphs', async () => {
    await expect(parseDocx(buildDocx([]))).rejects.toMatchObject({ code: 'empty_file', message: 'Word 文件中没有文字' });
    await expect(parseDocx(buildDocx(['', '　　', ' ']))).rejects.toMatchObject({ code: 'empty_file', message: 'Word 文件中没有文字' });
  });
});
