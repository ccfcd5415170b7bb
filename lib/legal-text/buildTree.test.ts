import { describe, expect, it } from 'vitest';
import { buildTree, type BodyUnit } from './buildTree';
import type { Article, BodyNode } from './model';

const chapter = (line: number, number: number, title: string): BodyUnit => ({ kind: 'heading', line, level: 'chapter', number, title });
const section = (line: number, number: number, title: string): BodyUnit => ({ kind: 'heading', line, level: 'section', number, title });
const part = (line: number, number: number, title: string): BodyUnit => ({ kind: 'heading', line, level: 'part', number, title });
const art = (line: number, number: number, sub?: number): BodyUnit =>
  sub ? { kind: 'article', line, number, sub, text: `条文${line}。` } : { kind: 'article', line, number, text: `条文${line}。` };
const item = (line: number, number: number): BodyUnit => ({ kind: 'item', line, number, text: `项${line}；` });
const subitem = (line: number, number: number, style: 'dot' | 'paren' = 'dot'): BodyUnit => ({ kind: 'subitem', line, number, style, text: `目${line}；` });
const text = (line: number, t: string): BodyUnit => ({ kind: 'text', line, text: t });

/// Every eid in the tree, depth first.
function eids(nodes: BodyNode[]): string[] {
  return nodes.flatMap((n) => (n.kind === 'article' ? [n.eid] : [n.eid, ...eids(n.children)]));
}
const firstArticle = (nodes: BodyNode[], eid: string): Article => {
  for (const n of nodes) {
    if (n.kind === 'article') {
      if (n.eid === eid) return n;
    } else {
      const found = firstArticle(n.children, eid) as Article | undefined;
      if (found) return found;
    }
  }
  return undefined as unknown as Article;
};

describe('buildTree', () => {
  it('names the unit in every warning about 编, 节, 项 and 目, as in the chapter’s', () => {
    const { warnings } = buildTree([
      part(1, 1, '总则'),
      chapter(2, 1, '一般规定'),
      section(3, 2, '管理'),
      art(4, 1),
      item(5, 1),
      item(6, 3),
      subitem(7, 1),
      subitem(8, 1),
      section(9, 3, '附则'),
      part(10, 3, '分则'),
    ]);
    expect(warnings).toStrictEqual([
      { line: 3, code: 'section_number_gap', message: '节的序号不连续：第二节之前缺少第一节' },
      { line: 6, code: 'item_number_gap', message: '项的序号不连续：（三）之前缺少（二）' },
      { line: 8, code: 'subitem_number_repeat', message: '目的序号重复或倒退：1.出现在1.之后' },
      { line: 9, code: 'empty_heading', message: '节标题“附则”下没有条文' },
      { line: 10, code: 'part_number_gap', message: '编的序号不连续：第三编之前缺少第二编' },
      { line: 10, code: 'empty_heading', message: '编标题“分则”下没有条文' },
    ]);
  });

  it('reports warnings in line order, the empty chapter included, with exact messages', () => {
    const { warnings } = buildTree([
      chapter(1, 1, '总则'),
      chapter(2, 2, '管理'),
      art(3, 1),
      chapter(4, 4, '附则'),
      art(5, 3),
      chapter(6, 5, '其他'),
    ]);
    expect(warnings).toStrictEqual([
      { line: 1, code: 'empty_heading', message: '章标题“总则”下没有条文' },
      { line: 4, code: 'chapter_number_gap', message: '章的序号不连续：第四章之前缺少第三章' },
      { line: 5, code: 'article_number_gap', message: '条文序号不连续：第三条之前缺少第二条，按原文编号保留' },
      { line: 6, code: 'empty_heading', message: '章标题“其他”下没有条文' },
    ]);
  });

  it('names the range of missing chapters, and a chapter written twice', () => {
    const { body, warnings } = buildTree([
      chapter(1, 1, '总则'), art(2, 1),
      chapter(3, 4, '管理'), art(4, 2),
      chapter(5, 4, '处罚'), art(6, 3),
      chapter(7, 6, '附则'), art(8, 4),
      chapter(9, 6, '附录'), art(10, 5),
    ]);
    expect(warnings).toStrictEqual([
      { line: 3, code: 'chapter_number_gap', message: '章的序号不连续：第四章之前缺少第二章至第三章' },
      { line: 5, code: 'chapter_number_repeat', message: '章的序号重复或倒退：第四章出现在第四章之后' },
      { line: 7, code: 'chapter_number_gap', message: '章的序号不连续：第六章之前缺少第五章' },
      { line: 9, code: 'chapter_number_repeat', message: '章的序号重复或倒退：第六章出现在第六章之后' },
    ]);
    expect(eids(body)).toEqual(['chp_1', 'art_1', 'chp_4', 'art_2', 'chp_4_dup2', 'art_3', 'chp_6', 'art_4', 'chp_6_dup2', 'art_5']);
  });

  it('gives a third article with the same number the eid _dup3, and names the article a repeat follows', () => {
    const { body, warnings } = buildTree([art(1, 1), art(2, 1, 2), art(3, 2), art(4, 2, 1), art(5, 2), art(6, 2)]);
    expect(warnings).toStrictEqual([
      { line: 2, code: 'article_number_gap', message: '条文序号不连续：第一条之二之前缺少第一条之一，按原文编号保留' },
      { line: 5, code: 'article_number_repeat', message: '条文序号重复或倒退：第二条出现在第二条之一之后' },
      { line: 6, code: 'article_number_repeat', message: '条文序号重复或倒退：第二条出现在第二条之后' },
    ]);
    expect(eids(body)).toEqual(['art_1', 'art_1_2', 'art_2', 'art_2_1', 'art_2_dup2', 'art_2_dup3']);
    expect(firstArticle(body, 'art_1_2')).toMatchObject({ inserted: true, printed: { number: 1, sub: 2 } });
  });

  it('joins lines found after two headings to the article before both, naming it with its 之', () => {
    const { body, warnings } = buildTree([
      chapter(1, 1, '总则'), art(2, 1), art(3, 1, 1),
      chapter(4, 2, '管理'), section(5, 1, '登记'),
      text(6, '标题之后的一行。'), item(7, 1), subitem(8, 1),
      art(9, 2),
    ]);
    const joined = '出现在标题与下一条之间，已并入上一条（第一条之一）';
    expect(warnings).toStrictEqual([
      { line: 6, code: 'stray_text', message: `条文之外的文字：${joined}`, text: '标题之后的一行。' },
      { line: 7, code: 'item_outside_article', message: `（一）不在任何一条之内：${joined}`, text: '项7；' },
      { line: 8, code: 'subitem_outside_article', message: `1.不在任何一条之内：${joined}`, text: '目8；' },
    ]);
    expect(eids(body)).toEqual(['chp_1', 'art_1', 'art_1_1', 'chp_2', 'chp_2__sec_1', 'art_2']);
    const paragraphs = firstArticle(body, 'art_1_1').paragraphs;
    expect(paragraphs.map((p) => p.text)).toEqual(['条文3。', '标题之后的一行。']);
    expect(paragraphs[1].items.map((i) => [i.eid, i.subitems.map((s) => s.eid)])).toEqual([
      ['art_1_1__para_2__item_1', ['art_1_1__para_2__item_1__subitem_1']],
    ]);
  });

  it('drops lines before the first article and says so', () => {
    const { body, warnings } = buildTree([text(1, '前言。'), item(2, 1), subitem(3, 1, 'paren'), art(4, 1)]);
    const dropped = '出现在第一条之前，未能归入任何一条';
    expect(warnings).toStrictEqual([
      { line: 1, code: 'stray_text', message: `条文之外的文字：${dropped}`, text: '前言。' },
      { line: 2, code: 'item_outside_article', message: `（一）不在任何一条之内：${dropped}`, text: '项2；' },
      { line: 3, code: 'subitem_outside_article', message: `（1）不在任何一条之内：${dropped}`, text: '目3；' },
    ]);
    expect(eids(body)).toEqual(['art_1']);
  });

  it('places a section outside any chapter at the top or in its part, with eids to match', () => {
    const top = buildTree([section(1, 1, '登记'), art(2, 1)]);
    expect(top.warnings).toStrictEqual([{ line: 1, code: 'section_outside_chapter', message: '第一节不在任何章之内' }]);
    expect(eids(top.body)).toEqual(['sec_1', 'art_1']);
    const inPart = buildTree([part(1, 1, '总则编'), section(2, 1, '登记'), art(3, 1)]);
    expect(inPart.warnings).toStrictEqual([{ line: 2, code: 'section_outside_chapter', message: '第一节不在任何章之内' }]);
    expect(eids(inPart.body)).toEqual(['part_1', 'part_1__sec_1', 'art_1']);
  });

  it('counts items on after an interrupting line, and restarts them at (一)', () => {
    const { body, warnings } = buildTree([
      art(1, 1), item(2, 1), text(3, '插入的一行：'), item(4, 2),
      art(5, 2), item(6, 1), item(7, 2), text(8, '另一款：'), item(9, 1),
    ]);
    expect(warnings).toStrictEqual([]);
    expect(firstArticle(body, 'art_2').paragraphs.map((p) => p.items.map((i) => i.eid))).toEqual([
      ['art_2__para_1__item_1', 'art_2__para_1__item_2'],
      ['art_2__para_2__item_1'],
    ]);
  });

  it('reports a 目 numbered 0 as not the first, and one written twice', () => {
    const { warnings } = buildTree([art(1, 1), subitem(2, 0), art(3, 2), subitem(4, 1), subitem(5, 1)]);
    expect(warnings).toStrictEqual([
      { line: 2, code: 'subitem_number_repeat', message: '目的序号重复或倒退：0.不是第一个' },
      { line: 5, code: 'subitem_number_repeat', message: '目的序号重复或倒退：1.出现在1.之后' },
    ]);
  });
});
