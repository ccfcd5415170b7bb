import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import { parseRegulation, toParseJson } from '@/lib/legal-text';
import { indentBlock, insertArticleAfter, insertHeading, moveStructural, outdentBlock } from './commands';
import { draftToParseJson } from './draftToStructure';
import { structureToDraft } from './structureToDraft';
import { uniqueEidPlugin } from './uniqueEidPlugin';

const text = `# 测试条例

第一条 为了测试，制定本条例。

第二条 依照本条例第三条的规定办理。

第三条 市人民政府负责实施。

下列事项应当报告：甲；乙；丙。

第四条 本条例自2025年1月1日起施行。`;

function stateAt(articleNumber: number, offset = 2): EditorState {
  const doc = structureToDraft(toParseJson(parseRegulation(text)));
  let state = EditorState.create({ doc, plugins: [uniqueEidPlugin()] });
  let pos = 0;
  let n = 0;
  doc.forEach((node, p) => {
    if (node.type.name === 'article' && ++n === articleNumber) pos = p;
  });
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos + offset)));
  return state;
}

function run(state: EditorState, command: Command): EditorState {
  let next = state;
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true);
  return next;
}

const labels = (s: EditorState) => draftToParseJson(s.doc).articles.map((a) => `${a.label}:${a.eid}`);
const articleText = (s: EditorState, n: number) => draftToParseJson(s.doc).articles[n - 1].paragraphs.map((p) => p.text).join('|');

describe('insertArticleAfter', () => {
  it('inserts a new article and renumbers everything after it, cross-references included', () => {
    const before = stateAt(1);
    expect(articleText(before, 2)).toBe('依照本条例第三条的规定办理。');
    const after = run(before, insertArticleAfter);
    expect(labels(after).map((l) => l.split(':')[0])).toEqual(['第一条', '第二条', '第三条', '第四条', '第五条']);
    expect(labels(after)[2]).toBe('第三条:art_2');
    expect(articleText(after, 3)).toBe('依照本条例第四条的规定办理。');
    expect(after.selection.$from.parent.type.name).toBe('paragraph');
  });
});

describe('indentBlock / outdentBlock', () => {
  it('turns a 款 into a 项 and back, never the first 款 of an article', () => {
    const third = stateAt(3);
    expect(indentBlock(third, () => {})).toBe(false);
    const doc = third.doc;
    let secondPara = 0;
    doc.descendants((n, p) => {
      if (n.type.name === 'paragraph' && n.textContent.startsWith('下列事项')) secondPara = p;
    });
    const inSecond = third.apply(third.tr.setSelection(TextSelection.create(doc, secondPara + 1)));
    const item = run(inSecond, indentBlock);
    const art = draftToParseJson(item.doc).articles[2];
    expect(art.paragraphs).toHaveLength(1);
    expect(art.paragraphs[0].items.map((i) => i.label)).toEqual(['（一）']);
    const sub = run(item, indentBlock);
    expect(draftToParseJson(sub.doc).articles[2].paragraphs[0].subitems.map((x) => x.label)).toEqual(['1.']);
    const back = run(run(sub, outdentBlock), outdentBlock);
    expect(draftToParseJson(back.doc).articles[2].paragraphs).toHaveLength(2);
  });
});

describe('moveStructural', () => {
  it('moves an article up, renumbering both and keeping their eids', () => {
    const moved = run(stateAt(3), moveStructural(-1));
    expect(labels(moved)).toEqual(['第一条:art_1', '第二条:art_3', '第三条:art_2', '第四条:art_4']);
    expect(articleText(moved, 3)).toBe('依照本条例第二条的规定办理。');
    expect(moveStructural(-1)(stateAt(1), () => {})).toBe(false);
  });
});

describe('insertHeading', () => {
  it('opens a chapter before the current article', () => {
    const s = run(stateAt(2), insertHeading('chapter'));
    expect(draftToParseJson(s.doc).outline[0]).toMatchObject({ kind: 'chapter', firstArticle: 2, lastArticle: 4 });
  });
});

describe('uniqueEidPlugin', () => {
  it('gives a pasted copy of an article a new eid and keeps the original', () => {
    const s = stateAt(1);
    const original = s.doc.child(1);
    const pasted = s.apply(s.tr.insert(s.doc.content.size, original));
    const eids = draftToParseJson(pasted.doc).articles.map((a) => a.eid);
    expect(eids[0]).toBe('art_1');
    expect(new Set(eids).size).toBe(eids.length);
  });

  it('gives the second half of a split paragraph a new eid', () => {
    const s = stateAt(1, 4);
    const split = s.apply(s.tr.split(s.selection.from));
    const paras = draftToParseJson(split.doc).articles[0].paragraphs;
    expect(paras).toHaveLength(2);
    expect(paras[0].eid).toBe('art_1__para_1');
    expect(paras[1].eid).not.toBe('art_1__para_1');
  });
});

describe('legalTextToBlocks', () => {
  it('turns pasted plain text with 条 and 项 lines into articles and items', async () => {
    const { legalTextToBlocks } = await import('./pasteLegalText');
    const blocks = legalTextToBlocks('第一章 总则\n\n第一条 为了测试，制定本条例。\n\n第二条 下列事项：\n（一）甲；\n（二）乙。')!;
    expect(blocks.map((b) => b.type.name)).toEqual(['chapter_heading', 'article', 'article']);
    expect(blocks[2].childCount).toBe(3);
    expect(legalTextToBlocks('just a sentence')).toBeNull();
  });

  it('pastes into a draft as structure, renumbering and giving fresh eids', async () => {
    const { legalTextToBlocks } = await import('./pasteLegalText');
    const { Fragment } = await import('prosemirror-model');
    const s = stateAt(4, 3);
    const blocks = legalTextToBlocks('第一条 新增的规定。\n\n第二条 另一条。')!;
    const pasted = s.apply(s.tr.insert(s.doc.content.size, Fragment.from(blocks)));
    const json = draftToParseJson(pasted.doc);
    expect(json.articles.map((a) => a.label)).toEqual(['第一条', '第二条', '第三条', '第四条', '第五条', '第六条']);
    expect(new Set(json.articles.map((a) => a.eid)).size).toBe(6);
  });
});
