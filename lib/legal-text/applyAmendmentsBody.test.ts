import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyAmendmentsBody } from './applyAmendmentsBody';
import { parseRegulation } from './parse';
import { toParseJson } from './toParseJson';

const dev = path.resolve(process.cwd(), 'testdata/corpus/dev');

describe('applyAmendmentsBody', () => {
  it.each(readdirSync(dev).filter((f) => f.endsWith('.md')))('rebuilds the tree of %s so that it numbers back to the same JSON', (file) => {
    const json = toParseJson(parseRegulation(readFileSync(path.join(dev, file), 'utf8')));
    expect(toParseJson(applyAmendmentsBody(json))).toEqual(json);
  });

  it('keeps a chapter without articles in its place', () => {
    const json = toParseJson(parseRegulation('# 条例\n\n## 第一章 总则\n\n第一条 甲。\n\n## 第二章 空章\n\n## 第三章 附则\n\n第二条 乙。\n'));
    expect(toParseJson(applyAmendmentsBody(json)).outline.map((o) => [o.label, o.heading, o.firstArticle])).toEqual([
      ['第一章', '总则', 1], ['第二章', '空章', null], ['第三章', '附则', 2],
    ]);
  });
});

describe('applyAmendmentsBody: articles between headings, and 目 labels', () => {
  const source = ['# 条例', '第一条 甲。', '## 第一章 总则', '第二条 乙：', '（1）子；', '（2）丑。', '### 第一节 一般', '第三条 丙：', '（一）卯：', '（1）辰；', '（2）巳。',
    '### 第二节 空节', '### 第三节 其他', '第四条 丁：', '1.午：', '（1）未。', '## 第二章 分则', '第五条 戊。', ''].join('\n\n');
  const json = toParseJson(parseRegulation(source));

  it('keeps articles before a chapter and before a section in place, and an empty section before the next', () => {
    const back = toParseJson(applyAmendmentsBody(json));
    expect(back.outline.map((o) => [o.label, o.heading, o.firstArticle])).toEqual([
      ['第一章', '总则', 2], ['第一节', '一般', 3], ['第二节', '空节', null], ['第三节', '其他', 4], ['第二章', '分则', 5],
    ]);
    expect(back.articles.map((a) => [a.label, a.chapter, a.section])).toEqual([
      ['第一条', undefined, undefined], ['第二条', 1, undefined], ['第三条', 1, 1], ['第四条', 1, 3], ['第五条', 2, undefined],
    ]);
    expect(back).toEqual(json);
  });

  it('keeps the bracketed labels of 目 of a 款 and of a 项, and those of 目 under a 目', () => {
    const back = toParseJson(applyAmendmentsBody(json));
    expect(back.articles[1].paragraphs[0].subitems.map((s) => s.label)).toEqual(['（1）', '（2）']);
    expect(back.articles[2].paragraphs[0].items[0].subitems.map((s) => s.label)).toEqual(['（1）', '（2）']);
    expect(back.articles[3].paragraphs[0].subitems.map((s) => [s.label, s.subitems.map((c) => c.label)])).toEqual([['1.', ['（1）']]]);
  });
});

describe('applyAmendmentsBody: chapters without articles first and last', () => {
  it('keeps them in their places', () => {
    const json = toParseJson(parseRegulation('# 条例\n\n## 第一章 空章\n\n## 第二章 总则\n\n第一条 甲。\n\n## 第三章 空尾\n'));
    const back = toParseJson(applyAmendmentsBody(json));
    expect(back.outline.map((o) => [o.label, o.heading, o.firstArticle])).toEqual([['第一章', '空章', null], ['第二章', '总则', 1], ['第三章', '空尾', null]]);
    expect(back).toEqual(json);
  });
});

describe('applyAmendmentsBody: a text in parts (编)', () => {
  it('puts each chapter in its part and each article in its chapter, numbering back to the same JSON', () => {
    const json = toParseJson(
      parseRegulation(['条例', '第一编　总则', '第一章　一般规定', '第一条　甲。', '第二章　基本原则', '第二条　乙。', '第二编　分则', '第一章　具体规定', '第一节　通则', '第三条　丙。', ''].join('\n\n')),
    );
    expect(json.outline.map((o) => [o.kind, o.label, o.part ?? null, o.chapter ?? null])).toEqual([
      ['part', '第一编', null, null], ['chapter', '第一章', 1, null], ['chapter', '第二章', 1, null], ['part', '第二编', null, null], ['chapter', '第一章', 2, null], ['section', '第一节', 2, 1],
    ]);
    const back = applyAmendmentsBody(json);
    expect(back.body.map((n) => (n.kind === 'article' ? n.eid : [n.eid, n.children.map((c) => c.eid)]))).toEqual([
      [json.outline[0].eid, [json.outline[1].eid, json.outline[2].eid]],
      [json.outline[3].eid, [json.outline[4].eid]],
    ]);
    expect(toParseJson(back)).toEqual(json);
  });
});
