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
