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

  it('names an article whose 项 or 目 differ, though its 款 reads the same', () => {
    const items = `甲条例

第一条　禁止饲养下列犬只：

（一）烈性犬；

（二）大型犬：

1．藏獒；

2．高加索犬。

第二条　犬只应当拴绳。`;
    expect(visibleDifferences(parse(items), parse(items))).toEqual([]);
    expect(visibleDifferences(parse(items), parse(items.replace('（一）烈性犬', '（一）猛犬')))).toEqual(['第一条']);
    expect(visibleDifferences(parse(items), parse(items.replace('1．藏獒', '1．比特犬')))).toEqual(['第一条']);
    const noItems = items.replace('（一）烈性犬；\n\n（二）大型犬：\n\n', '');
    expect(visibleDifferences(parse(noItems), parse(noItems.replace('2．高加索犬', '2．斗牛犬')))).toEqual(['第一条']);
  });

  it('names an article that went from one part or section to the next, though no heading changed', () => {
    const parts = (split: number) => `甲条例

第一编　总则

第一条　甲。
${split === 2 ? '\n第二编　分则\n' : ''}
第二条　乙。
${split === 3 ? '\n第二编　分则\n' : ''}
第三条　丙。`;
    expect(visibleDifferences(parse(parts(2)), parse(parts(3)))).toEqual(['第二条']);
    const sections = (split: number) => parts(split).replace('第一编　总则', '第一章　总则\n\n第一节　一般规定').replace('第二编　分则', '第二节　特别规定');
    expect(visibleDifferences(parse(sections(2)), parse(sections(3)))).toEqual(['第二条']);
  });

  it('names an article whose words differ right after the number of the section it now stands in', () => {
    // 第一条 moves into 第一节 and 15日 becomes 5日: the 1 of 第一节 must not pass for the 1 of 15.
    const before = '甲条例\n\n第一章　总则\n\n第一条　15日内办理登记。\n\n第一节　登记\n\n第二条　乙。';
    const after = '甲条例\n\n第一章　总则\n\n第一节　登记\n\n第一条　5日内办理登记。\n\n第二条　乙。';
    expect(visibleDifferences(parse(before), parse(after))).toEqual(['第一条']);
  });

  it('names the first article of an added chapter once, by its label', () => {
    const added = `${base}\n\n第三章　其他\n\n第四条　附加。`;
    expect(visibleDifferences(parse(base), parse(added))).toEqual(['第四条']);
    expect(visibleDifferences(parse(added), parse(base))).toEqual(['第四条']);
  });

  it('names the first article under a renamed heading, a 之一 article, or one in a later part or chapter, by its own label', () => {
    const inserted = base.replace('第二章　附则', '第二章　附则\n\n第二条之一　本条例由市人民政府解释。');
    expect(visibleDifferences(parse(inserted), parse(inserted.replace('第二章　附则', '第二章　其他')))).toEqual(['第二条之一']);
    const parts = `甲条例\n\n第一编　总则\n\n第一章　一般规定\n\n第一节　目的\n\n第一条　甲。\n\n第二章　管理\n\n第一节　登记\n\n第二条　乙。\n\n第二编　分则\n\n第一章　一般规定\n\n第三条　丙。`;
    expect(visibleDifferences(parse(parts), parse(parts.replace('第二编　分则', '第二编　附则')))).toEqual(['第三条']);
    expect(visibleDifferences(parse(parts), parse(parts.replace('第二编　分则\n\n第一章　一般规定', '第二编　分则\n\n第一章　特别规定')))).toEqual(['第三条']);
    expect(visibleDifferences(parse(parts), parse(parts.replace('第一节　登记', '第一节　审核')))).toEqual(['第二条']);
  });

  it('names nothing for a renamed heading that holds no article', () => {
    const empty = `${base}\n\n第三章　其他`;
    expect(visibleDifferences(parse(empty), parse(empty.replace('第三章　其他', '第三章　杂项')))).toEqual([]);
  });

  it('lists the articles in text order, an article only one text has included', () => {
    const four = `${base}\n\n第四条　附加。`;
    const changed = (t: string) => t.replace('适用于本市', '适用于本市行政区域');
    expect(visibleDifferences(parse(four), parse(changed(base)))).toEqual(['第二条', '第四条']);
    expect(visibleDifferences(parse(base), parse(changed(four)))).toEqual(['第二条', '第四条']);
    // The renamed chapter is found first, but its 第三条 comes after 第一条.
    expect(visibleDifferences(parse(base), parse(base.replace('第二章　附则', '第二章　其他').replace('为了测试', '为了试验')))).toEqual(['第一条', '第三条']);
  });
});
