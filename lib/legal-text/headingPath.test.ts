import { describe, expect, it } from 'vitest';
import { articleHeadingPath } from './headingPath';
import { parseRegulation } from './parse';
import { toParseJson } from './toParseJson';

const paths = (lines: string[]) => {
  const json = toParseJson(parseRegulation(lines.join('\n\n')));
  return Object.fromEntries(json.articles.map((a) => [a.label, articleHeadingPath(a, json.outline)]));
};

describe('articleHeadingPath', () => {
  it('names the chapter and section an article is in, not a heading of another kind or chapter with the same number', () => {
    expect(
      paths([
        '# 示例', '## 第一章 总则', '### 第一节 目的', '第一条 甲。', '### 第二节 范围', '第二条 乙。',
        '## 第二章 管理', '第三条 丙。', '### 第一节 登记', '第四条 丁。',
      ]),
    ).toEqual({
      第一条: ['第一章　总则', '第一节　目的'],
      第二条: ['第一章　总则', '第二节　范围'],
      第三条: ['第二章　管理'],
      第四条: ['第二章　管理', '第一节　登记'],
    });
  });

  it('names the part, and the chapter and section of that part when chapters restart in each part', () => {
    expect(
      paths([
        '# 示例', '## 第一编 总则', '### 第一章 一般规定', '#### 第一节 目的', '第一条 甲。',
        '## 第二编 分则', '### 第一章 管理', '#### 第一节 登记', '第二条 乙。',
      ]),
    ).toEqual({
      第一条: ['第一编　总则', '第一章　一般规定', '第一节　目的'],
      第二条: ['第二编　分则', '第一章　管理', '第一节　登记'],
    });
  });

  it('is empty for a text without headings', () => {
    expect(paths(['# 示例', '第一条 甲。'])).toEqual({ 第一条: [] });
  });
});
