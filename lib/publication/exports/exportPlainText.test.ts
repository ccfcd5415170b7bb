import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRegulation, renderPlainText, toParseJson } from '@/lib/legal-text';
import { exportableFromCorpus, sampleNotice } from '../testing/exportableFixture';
import { exportPlainText } from './exportPlainText';

const devDir = path.resolve(process.cwd(), 'testdata/corpus/dev');
const devFiles = readdirSync(devDir).filter((f) => f.endsWith('.md')).sort();
const NUMERAL = '[零〇一二两三四五六七八九十百千]+';
const UNIT_START = new RegExp(`^(第${NUMERAL}[编章节](\u3000|$)|第${NUMERAL}条(之${NUMERAL})?\u3000)`);

/// The lines that start a heading or an article, outside the 目录 block.
function unitStarts(text: string): string[] {
  return text
    .split('\n\n')
    .filter((block) => !block.startsWith('目录\n'))
    .flatMap((block) => block.split('\n'))
    .filter((line) => UNIT_START.test(line));
}

describe('exportPlainText', () => {
  it('prints every article label in order, each 款 on its own line, and every 项 with its label', () => {
    for (const file of devFiles) {
      const v = exportableFromCorpus(file);
      const out = exportPlainText(v);
      const lines = out.split('\n');
      let at = -1;
      for (const article of v.text.articles) {
        const line = `${article.label}\u3000${article.paragraphs[0]?.text ?? ''}`;
        const next = lines.indexOf(line, at + 1);
        expect(next, `${file}: ${article.label}`).toBeGreaterThan(at);
        at = next;
        for (const p of article.paragraphs.slice(1)) expect(lines, `${file}: ${article.label}`).toContain(p.text);
        for (const item of article.paragraphs.flatMap((p) => p.items)) expect(lines).toContain(`${item.label}${item.text}`);
      }
    }
  });

  it('places headings and articles in the order of the text, as the legal-text renderer does', () => {
    for (const file of devFiles) {
      const doc = parseRegulation(readFileSync(path.join(devDir, file), 'utf8'));
      const v = exportableFromCorpus(file);
      expect(unitStarts(exportPlainText(v)), file).toEqual(unitStarts(renderPlainText(doc)));
    }
  });

  it('keeps empty chapters and sections and articles before the first chapter in place', () => {
    const source = [
      '# 测试条例', '', '<!-- INFO END -->', '', '第一条 在任何一章之前。', '',
      '## 第一章 总则', '', '## 第二章 空章', '', '## 第三章 分则', '', '第二条 章下。', '',
      '### 第一节 一', '', '第三条 节下。', '', '### 第二节 空节', '', '## 第四章 附则', '', '第四条 末条。',
    ].join('\n');
    const doc = parseRegulation(source);
    const starts = unitStarts(exportPlainText(exportableFromCorpus('reg-044-luohe.md', { text: toParseJson(doc) })));
    expect(starts).toEqual(unitStarts(renderPlainText(doc)));
    expect(starts).toEqual([
      '第一条\u3000在任何一章之前。', '第一章\u3000总则', '第二章\u3000空章', '第三章\u3000分则', '第二条\u3000章下。',
      '第一节\u3000一', '第三条\u3000节下。', '第二节\u3000空节', '第四章\u3000附则', '第四条\u3000末条。',
    ]);
  });

  it('prints the title, then the 题注 lines as given, then a blank line', () => {
    const v = exportableFromCorpus('reg-005-rizhao.md');
    expect(v.version.infoLines[0]).toBe('（2017年6月28日 日照市第十八届人民代表大会常务委员会第二次会议通过）');
    expect(exportPlainText(v).startsWith(['日照市城市管理条例', ...v.version.infoLines, '', ''].join('\n'))).toBe(true);
  });

  it('prints a 目录 of the chapters and sections only when the text has chapters', () => {
    const withChapters = exportableFromCorpus('reg-015-weifang.md');
    const out = exportPlainText(withChapters);
    const toc = out.split('\n\n').find((b) => b.startsWith('目录\n'))!;
    expect(toc.split('\n')).toEqual([
      '目录',
      ...withChapters.text.outline.map((o) => `${o.kind === 'section' ? '\u3000' : ''}${o.label}\u3000${o.heading}`),
    ]);
    expect(toc).toContain('\u3000第一节\u3000陆域污染防治');
    expect(out.indexOf(toc)).toBeLessThan(out.indexOf('第一章\u3000总则\n\n第一条'));

    for (const file of ['reg-044-luohe.md', 'reg-037-yangjiang.md', 'reg-091-national.md']) {
      expect(exportPlainText(exportableFromCorpus(file)).split('\n'), file).not.toContain('目录');
    }
  });

  it('prints the 公告 first, followed by a blank line, when the version has one', () => {
    const v = exportableFromCorpus('reg-068-hangzhou.md');
    const notice = sampleNotice(v, 62);
    const out = exportPlainText({ ...v, notice });
    expect(out.startsWith(`${notice.text}\n\n杭州市文明行为促进条例\n`)).toBe(true);
    expect(notice.text.split('\n').slice(0, 2)).toEqual(['杭州市人民代表大会常务委员会公告', '第62号']);
    expect(exportPlainText(v).startsWith('杭州市文明行为促进条例\n')).toBe(true);
  });

  it('ends with one newline and has no run of blank lines', () => {
    const out = exportPlainText(exportableFromCorpus('reg-005-rizhao.md'));
    expect(out.endsWith('。\n')).toBe(true);
    expect(out).not.toMatch(/\n\n\n/);
  });
});
