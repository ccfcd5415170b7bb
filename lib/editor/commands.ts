import { Fragment, type Node as PMNode, type NodeType, type ResolvedPos } from 'prosemirror-model';
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import { newEid } from './newEid';
import { draftSchema } from './schema';

const s = draftSchema.nodes;

/// The article around a position, with its depth, start and end; null outside articles.
export function articleAt($pos: ResolvedPos): { node: PMNode; depth: number; start: number; end: number; index: number } | null {
  for (let d = $pos.depth; d > 0; d--) {
    const node = $pos.node(d);
    if (node.type === s.article) return { node, depth: d, start: $pos.before(d), end: $pos.after(d), index: $pos.index(d - 1) };
  }
  return null;
}

/// The top-level structural block (heading or article) around the selection.
function structuralAt(state: EditorState): { node: PMNode; start: number; end: number; index: number } | null {
  const $from = state.selection.$from;
  if ($from.depth < 1) return null;
  const node = $from.node(1);
  if (node.type === s.title) return null;
  return { node, start: $from.before(1), end: $from.after(1), index: $from.index(0) };
}

const emptyArticle = () => s.article.create({ eid: newEid('art') }, s.paragraph.create({ eid: newEid('para') }));

/// 新条: inserts an empty article after the current one (or after the heading / title the cursor
/// is in) and puts the cursor in it. Everything after renumbers by itself.
export const insertArticleAfter: Command = (state, dispatch) => {
  const $from = state.selection.$from;
  const here = structuralAt(state);
  const at = here ? here.end : $from.depth >= 1 ? $from.after(1) : state.doc.content.size;
  if (dispatch) {
    const tr = state.tr.insert(at, emptyArticle());
    tr.setSelection(TextSelection.create(tr.doc, at + 2));
    dispatch(tr.scrollIntoView());
  }
  return true;
};

/// 新款: inserts an empty paragraph after the current block of the article.
export const insertParagraphAfter: Command = (state, dispatch) => {
  const $from = state.selection.$from;
  const art = articleAt($from);
  if (!art) return false;
  const after = $from.after(art.depth + 1);
  if (dispatch) {
    const tr = state.tr.insert(after, s.paragraph.create({ eid: newEid('para') }));
    tr.setSelection(TextSelection.create(tr.doc, after + 1));
    dispatch(tr.scrollIntoView());
  }
  return true;
};

function setBlock(target: NodeType): Command {
  return (state, dispatch) => {
    const $from = state.selection.$from;
    const art = articleAt($from);
    if (!art || $from.depth !== art.depth + 1) return false;
    const block = $from.parent;
    if (block.type === target) return false;
    const index = $from.index(art.depth);
    if (!art.node.canReplaceWith(index, index + 1, target)) return false;
    if (dispatch) {
      const prefix = target === s.item ? 'item' : target === s.subitem ? 'sub' : 'para';
      dispatch(state.tr.setNodeMarkup($from.before(), target, { eid: newEid(prefix) }));
    }
    return true;
  };
}

/// Makes the current block a 项 (item).
export const makeItem = setBlock(s.item);
/// Makes the current block a 目 (sub-item).
export const makeSubitem = setBlock(s.subitem);
/// Makes the current block a 款 (paragraph).
export const makeParagraph = setBlock(s.paragraph);

/// Tab: 款 → 项 → 目. Shift-Tab goes back.
export const indentBlock: Command = (state, dispatch) => {
  const name = state.selection.$from.parent.type.name;
  if (name === 'paragraph') return makeItem(state, dispatch);
  if (name === 'item') return makeSubitem(state, dispatch);
  return false;
};

/// Shift-Tab: 目 → 项 → 款.
export const outdentBlock: Command = (state, dispatch) => {
  const name = state.selection.$from.parent.type.name;
  if (name === 'subitem') return makeItem(state, dispatch);
  if (name === 'item') return makeParagraph(state, dispatch);
  return false;
};

/// Moves the current article (or heading) one place up or down among the top-level blocks; the
/// title stays first. The cursor moves with it.
export function moveStructural(direction: -1 | 1): Command {
  return (state, dispatch) => {
    const here = structuralAt(state);
    if (!here) return false;
    const neighbourIndex = here.index + direction;
    if (neighbourIndex < 1 || neighbourIndex >= state.doc.childCount) return false;
    const neighbour = state.doc.child(neighbourIndex);
    if (dispatch) {
      const offsetInNode = state.selection.from - here.start;
      const tr = state.tr;
      if (direction === -1) {
        const neighbourStart = here.start - neighbour.nodeSize;
        tr.replaceWith(neighbourStart, here.end, Fragment.from([here.node, neighbour]));
        tr.setSelection(TextSelection.create(tr.doc, neighbourStart + offsetInNode));
      } else {
        const neighbourEnd = here.end + neighbour.nodeSize;
        tr.replaceWith(here.start, neighbourEnd, Fragment.from([neighbour, here.node]));
        tr.setSelection(TextSelection.create(tr.doc, here.start + neighbour.nodeSize + offsetInNode));
      }
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/// Inserts a 章 (or 节 / 编) heading before the current article and puts the cursor in it.
export function insertHeading(kind: 'chapter' | 'section' | 'part'): Command {
  const type = kind === 'chapter' ? s.chapter_heading : kind === 'section' ? s.section_heading : s.part_heading;
  return (state, dispatch) => {
    const here = structuralAt(state);
    const at = here ? here.start : state.doc.content.size;
    if (dispatch) {
      const tr = state.tr.insert(at, type.create({ eid: newEid(kind === 'chapter' ? 'chp' : kind === 'section' ? 'sec' : 'part') }));
      tr.setSelection(TextSelection.create(tr.doc, at + 1));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/// Inserts a reference to an article (by eid) at the cursor; its label follows renumbering.
export function insertArticleRef(targetEid: string): Command {
  return (state, dispatch) => {
    if (!state.selection.$from.parent.inlineContent) return false;
    if (dispatch) dispatch(state.tr.replaceSelectionWith(s.article_ref.create({ target: targetEid }), false));
    return true;
  };
}
