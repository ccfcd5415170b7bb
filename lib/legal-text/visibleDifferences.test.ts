import { describe, expect, it } from 'vitest';
import { parseRegulation } from './parse';
import { toParseJson } from './toParseJson';
import { visibleDifferences } from './visibleDifferences';

const parse = (text: string) => toParseJson(parseRegulation(text));
const base = `甲条例

第一章　总则

第一条　为了测试，制定本条例。

第二条　本条例适用于本市。

第二章　附则

第三条　本条例自2025年1月1日起施行。`;

describe('visibleDifferences', () => {
  it('finds nothing between a text and itself, and ignores eids', () => {
    const a = parse(base);
    const b = { ...a, articles: a.articles.map((x, i) => ({ ...x, eid: `art_new_${i}` })) };
    expect(visibleDifferences(a, b)).toEqual([]);
  });

  it('names an article whose words, items or numbering differ, and articles beyond the other end', () => {
    expect(visibleDifferences(parse(base), parse(base.replace('适用于本市', '适用于本市行政区域')))).toEqual(['第二条']);
    expect(visibleDifferences(parse(base), parse(`${base}\n\n第四条　附加。`))).toEqual(['第四条']);
  });

  it('names the articles that stand under another heading, or under a heading with other words', () => {
    expect(visibleDifferences(parse(base), parse(base.replace('第二章　附则', '第二章　其他')))).toEqual(['第三条']);
    const moved = base.replace('第二条　本条例适用于本市。', '第二章　管理\n\n第二条　本条例适用于本市。').replace('第二章　附则', '第三章　附则');
    expect(visibleDifferences(parse(base), parse(moved))).toEqual(['第二条', '第三条']);
  });
});
