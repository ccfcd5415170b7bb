import { describe, expect, it } from 'vitest';
import { articleText, paragraphTexts } from './articleText';
import { parseRegulation } from './parse';
import { toParseJson } from './toParseJson';

const articlesOf = (body: string) => toParseJson(parseRegulation(`# 某市养犬管理条例\n\n<!-- INFO END -->\n\n${body}\n`)).articles;

describe('articleText', () => {
  it('writes 目 under a 项 indented one step, and （1） under a 目 two steps', () => {
    const [article] = articlesOf('第一条 申请登记应当提交下列材料：\n\n（一）身份证明：\n\n1．居民身份证；\n\n（1）原件；\n\n2．户口簿。\n\n（二）犬只照片。');
    expect(articleText(article)).toBe('申请登记应当提交下列材料：\n（一）身份证明：\n  1.居民身份证；\n    （1）原件；\n  2.户口簿。\n（二）犬只照片。');
  });

  it('writes 目 directly under a 款 unindented, and （1） under them one step', () => {
    const [article] = articlesOf('第一条 下列犬只应当登记：\n\n1．家养犬；\n\n（1）成年犬；\n\n2．警犬。\n\n前款所列犬只，应当免疫。');
    expect(paragraphTexts(article)).toEqual(['下列犬只应当登记：\n1.家养犬；\n  （1）成年犬；\n2.警犬。', '前款所列犬只，应当免疫。']);
  });
});
