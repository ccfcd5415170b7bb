import { describe, expect, it } from 'vitest';
import { consolidateText } from './consolidateText';
import type { Article, ArticleNumber, BodyNode, Chapter, Part, Section } from './model';
import { isExcerpt, numberText, skipsAhead, type NumberedHeading } from './numberText';
import { parseRegulation } from './parse';
import { renderMarkdown } from './render';
import { toParseJson } from './toParseJson';

const article = (eid: string, extra: Partial<Article> = {}): Article => ({ kind: 'article', eid, paragraphs: [], ...extra });
const labels = (body: Article[]) => numberText(body).articles.map((a) => a.label);

describe('numberText', () => {
  it('counts from position, an inserted article taking the previous number with 之N', () => {
    expect(labels([article('a'), article('b'), article('c', { inserted: true }), article('d', { inserted: true }), article('e')]))
      .toEqual(['第一条', '第二条', '第二条之一', '第二条之二', '第三条']);
  });

  it('follows a printed number that skips ahead, and counts on from it', () => {
    const body = [
      article('a', { printed: { number: 6 } }),
      article('b'),
      article('c', { printed: { number: 16 } }),
      article('d', { inserted: true, printed: { number: 16, sub: 2 } }),
      article('e'),
    ];
    expect(labels(body)).toEqual(['第六条', '第七条', '第十六条', '第十六条之二', '第十七条']);
  });

  it('ignores a printed number that does not skip ahead, so numbers only rise', () => {
    const body = [article('a', { printed: { number: 6 } }), article('b', { printed: { number: 3 } }), article('c', { printed: { number: 7 } })];
    expect(labels(body)).toEqual(['第六条', '第七条', '第八条']);
  });
});

/// A heading as plain fields, every own key kept (a key set to undefined shows), the node and its
/// first and last article given by eid and label.
const headingFields = (h: NumberedHeading) =>
  Object.fromEntries(
    Object.entries(h).map(([k, v]: [string, unknown]) => [
      k,
      k === 'node' ? (v as BodyNode).eid : k === 'firstArticle' || k === 'lastArticle' ? (v as { label: string } | undefined)?.label : v,
    ]),
  );
const part = (eid: string, children: Part['children']): Part => ({ kind: 'part', eid, heading: '', children });
const chapter = (eid: string, children: Chapter['children']): Chapter => ({ kind: 'chapter', eid, heading: '', children });
const section = (eid: string, children: Article[]): Section => ({ kind: 'section', eid, heading: '', children });

describe('numberText headings', () => {
  it('gives a heading only the enclosing numbers it has, and articles only when it holds some', () => {
    const body: BodyNode[] = [
      chapter('c1', [article('a1'), section('s1', [article('a2')])]),
      chapter('c2', []),
      part('p1', [section('p1s1', [article('a3')]), chapter('p1c1', [section('p1c1s1', [article('a4')])])]),
      section('s-top', []),
    ];
    expect(numberText(body).headings.map(headingFields)).toStrictEqual([
      { node: 'c1', kind: 'chapter', number: 1, label: '第一章', firstArticle: '第一条', lastArticle: '第二条' },
      { node: 's1', kind: 'section', number: 1, label: '第一节', chapter: 1, firstArticle: '第二条', lastArticle: '第二条' },
      { node: 'c2', kind: 'chapter', number: 2, label: '第二章' },
      { node: 'p1', kind: 'part', number: 1, label: '第一编', firstArticle: '第三条', lastArticle: '第四条' },
      { node: 'p1s1', kind: 'section', number: 1, label: '第一节', part: 1, firstArticle: '第三条', lastArticle: '第三条' },
      { node: 'p1c1', kind: 'chapter', number: 1, label: '第一章', part: 1, firstArticle: '第四条', lastArticle: '第四条' },
      { node: 'p1c1s1', kind: 'section', number: 1, label: '第一节', part: 1, chapter: 1, firstArticle: '第四条', lastArticle: '第四条' },
      { node: 's-top', kind: 'section', number: 1, label: '第一节' },
    ]);
  });
});

describe('skipsAhead', () => {
  const cases: Array<[ArticleNumber, ArticleNumber, boolean]> = [
    [{ number: 7 }, { number: 7 }, false],
    [{ number: 7 }, { number: 8 }, true],
    [{ number: 7 }, { number: 6 }, false],
    [{ number: 6, sub: 1 }, { number: 6, sub: 2 }, true],
    [{ number: 6, sub: 1 }, { number: 6, sub: 1 }, false],
    [{ number: 6, sub: 2 }, { number: 6, sub: 1 }, false],
    [{ number: 6, sub: 1 }, { number: 7 }, true],
    [{ number: 7 }, { number: 6, sub: 3 }, false],
  ];
  it.each(cases)('expected %o, written %o: %s', (expected, written, ahead) => {
    expect(skipsAhead(expected, written)).toBe(ahead);
  });
});

describe('isExcerpt', () => {
  it('is true when a number skips ahead, at the start or between two articles', () => {
    expect(isExcerpt([{ number: 1 }, { number: 2 }, { number: 2, sub: 1 }, { number: 3 }])).toBe(false);
    expect(isExcerpt([])).toBe(false);
    expect(isExcerpt([{ number: 6 }, { number: 7 }])).toBe(true);
    expect(isExcerpt([{ number: 1 }, { number: 3 }])).toBe(true);
    expect(isExcerpt([{ number: 1 }, { number: 1, sub: 2 }])).toBe(true);
  });
});

describe('an excerpt (a law with only some of its articles)', () => {
  const SOURCE = '# 摘录法\n\n第六条 甲。\n\n第十六条 乙。\n\n第十六条之一 丙。\n\n第十九条 丁。\n';
  const json = toParseJson(parseRegulation(SOURCE));
  const decision = (clause: string) => `关于修改《摘录法》的决定\n\n对《摘录法》作如下修改：\n一、${clause}`;

  it('parses with its printed numbers and renders them back', () => {
    expect(json.articles.map((a) => [a.label, a.eid])).toEqual([
      ['第六条', 'art_6'], ['第十六条', 'art_16'], ['第十六条之一', 'art_16_1'], ['第十九条', 'art_19'],
    ]);
    const again = toParseJson(parseRegulation(renderMarkdown(parseRegulation(SOURCE))));
    expect(again.articles.map((a) => a.label)).toEqual(json.articles.map((a) => a.label));
  });

  it('keeps the printed numbers through an amendment, finding the article by its printed number', () => {
    const changed = consolidateText(json, decision('将第十六条中的“乙”修改为“戊”。'));
    expect(changed.problems).toEqual([]);
    expect(changed.text.articles.map((a) => `${a.label}${a.paragraphs[0].text}`)).toEqual(['第六条甲。', '第十六条戊。', '第十六条之一丙。', '第十九条丁。']);
    const removed = consolidateText(json, decision('删去第六条。'));
    expect(removed.text.articles.map((a) => a.label)).toEqual(['第十六条', '第十六条之一', '第十九条']);
  });
});
