import { Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { packDocx } from './packDocx';
import { readZip } from './testing/readZip';

describe('packDocx', () => {
  it('leaves out of every part the characters XML cannot carry, keeping the text around them', async () => {
    const bytes = await packDocx({ title: '标题\uFFFE', landscape: false, fontSize: 24, children: [new Paragraph({ children: [new TextRun('第一条\u0001测试\uFFFE\uD800文本𠀀')] })] });
    const files = await readZip(bytes);
    for (const [name, text] of files) {
      if (/\.(xml|rels)$/.test(name)) expect(text, name).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    // A lone surrogate cannot even be written as UTF-8: it arrives as U+FFFD, which XML allows.
    expect(files.get('word/document.xml')).toMatch(/第一条测试\uFFFD?文本𠀀/);
    expect(files.get('docProps/core.xml')).toContain('<dc:title>标题</dc:title>');
  });
});
