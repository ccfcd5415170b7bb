import { describe, expect, it } from 'vitest';
import { applyAmendments } from './applyAmendments';
import type { Operation } from './consolidateModel';
import { parseRegulation } from './parse';
import { toParseJson } from './toParseJson';

// Operations as a caller may hand them over directly, not only as parseAmendmentDecision reads
// them (it reads no 第零款 or 第（零）项): a number below one is refused, not taken from the end.
const text = toParseJson(parseRegulation('# 甲条例\n\n第一条 应当做到：\n\n（一）子；\n\n（二）丑。\n\n第二条 乙。\n'));

describe('applyAmendments', () => {
  it.each<[string, Operation, string]>([
    ['a 款 numbered zero', { kind: 'addParagraph', article: 1, paragraph: 0, text: '丙。', clause: 1, sentence: '在第一条中增加一款，作为第零款' },
      'paragraph_not_found 款从第一款数起，不能增加第零款'],
    ['a 项 numbered zero', { kind: 'addItem', article: 1, item: 0, text: '（零）寅；', clause: 1, sentence: '在第一条中增加一项，作为第（零）项' },
      'position_out_of_range 项从第（一）项数起，不能增加第（零）项'],
  ])('refuses %s, in words, and leaves the text as it was', (_, op, problem) => {
    const result = applyAmendments(text, [op]);
    expect(result.problems.map((p) => [`${p.code} ${p.message}`, p.clause, p.text])).toEqual([[problem, 1, op.sentence]]);
    expect(result.applied).toEqual([]);
    expect(result.text.articles).toEqual(text.articles);
  });
});
