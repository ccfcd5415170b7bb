import { describe, expect, it } from 'vitest';
import { compareTexts } from './compareTexts';
import { parseRegulation } from './parse';
import { toDiffJson } from './toDiffJson';
import { toParseJson } from './toParseJson';

/// A text from its lines, separated by blank lines.
const textOf = (...lines: string[]) => toParseJson(parseRegulation(`# 某市养犬管理条例\n\n<!-- INFO END -->\n\n${lines.join('\n\n')}\n`));

describe('toDiffJson', () => {
  it('gives the summary, the renamed headings and one row per article naming its old and new eid and label', () => {
    const comparison = compareTexts(
      textOf('第一章　总则', '第一条 为了规范养犬行为，制定本条例。', '第二条 养犬人应当办理登记。', '第三条 犬只应当拴绳。'),
      textOf('第一章　一般规定', '第一条 为了规范养犬行为，制定本条例。', '第二条 养犬人应当及时办理登记。', '第三条 本条例自公布之日起施行。'),
    );
    expect(toDiffJson(comparison)).toStrictEqual({
      summary: { unchanged: 1, renumbered: 0, modified: 1, added: 1, deleted: 1, moved: 0 },
      alignment: 'content',
      headings: [{ kind: 'chapter', label: '第一章', before: '总则', after: '一般规定', firstArticle: 1 }],
      articles: [
        { change: 'unchanged', old: 1, new: 1, similarity: 1, oldEid: 'art_1', oldLabel: '第一条', newEid: 'art_1', newLabel: '第一条' },
        {
          change: 'modified',
          old: 2,
          new: 2,
          similarity: 0.909,
          tokens: [
            { op: 'equal', text: '养犬人应当' },
            { op: 'insert', text: '及时' },
            { op: 'equal', text: '办理登记。' },
          ],
          oldEid: 'art_2',
          oldLabel: '第二条',
          newEid: 'art_2',
          newLabel: '第二条',
        },
        { change: 'added', old: null, new: 3, newEid: 'art_3', newLabel: '第三条' },
        { change: 'deleted', old: 3, new: null, oldEid: 'art_3', oldLabel: '第三条' },
      ],
    });
  });

  it('leaves out the titles and both full texts, which the parse JSON carries', () => {
    const text = textOf('第一条 为了规范养犬行为，制定本条例。');
    const json = toDiffJson(compareTexts(text, text));
    expect(Object.keys(json)).toEqual(['summary', 'alignment', 'headings', 'articles']);
    expect(json.articles).toStrictEqual([{ change: 'unchanged', old: 1, new: 1, similarity: 1, oldEid: 'art_1', oldLabel: '第一条', newEid: 'art_1', newLabel: '第一条' }]);
  });
});
