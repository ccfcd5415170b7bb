import { Schema, type NodeSpec } from 'prosemirror-model';

const eidAttr = { eid: { default: '' } };

// Every structural block carries its eid in the DOM so that copy/paste keeps it (a plugin then
// gives duplicates a new one) and comments can find their article.
const block = (tag: string, cls: string, content: string, extra: Partial<NodeSpec> = {}): NodeSpec => ({
  attrs: eidAttr,
  content,
  defining: true,
  parseDOM: [{ tag: `${tag}.${cls}`, getAttrs: (dom) => ({ eid: (dom as HTMLElement).getAttribute('data-eid') ?? '' }) }],
  toDOM: (node) => [tag, { class: cls, 'data-eid': node.attrs.eid }, 0],
  ...extra,
});

/// The ProseMirror schema of a draft, shared by the browser editor and the server: a title, then a
/// flat run of 编/章/节 headings and 条. An article holds 款 (paragraph), 项 (item) and 目
/// (subitem) blocks in reading order; which 款 an item belongs to follows from that order. No
/// number or label is stored: they are derived (see `numberDoc`). References to articles of the
/// same text are `article_ref` atoms pointing at an eid, so they follow renumbering.
export const draftSchema = new Schema({
  nodes: {
    doc: { content: 'title structural+' },
    title: { content: 'text*', marks: '', defining: true, parseDOM: [{ tag: 'h1' }], toDOM: () => ['h1', { class: 'draft-title' }, 0] },
    part_heading: block('h2', 'part-heading', 'text*', { group: 'structural', marks: '' }),
    chapter_heading: block('h2', 'chapter-heading', 'text*', { group: 'structural', marks: '' }),
    section_heading: block('h3', 'section-heading', 'text*', { group: 'structural', marks: '' }),
    article: block('section', 'article', 'paragraph (paragraph | item | subitem)*', { group: 'structural', isolating: true }),
    paragraph: block('p', 'paragraph', 'inline*'),
    item: block('p', 'item', 'inline*'),
    subitem: block('p', 'subitem', 'inline*'),
    text: { group: 'inline' },
    article_ref: {
      group: 'inline',
      inline: true,
      atom: true,
      selectable: true,
      attrs: { target: { default: '' } },
      parseDOM: [{ tag: 'span.article-ref', getAttrs: (dom) => ({ target: (dom as HTMLElement).getAttribute('data-target') ?? '' }) }],
      // The visible label comes from a decoration (it depends on the whole document).
      toDOM: (node) => ['span', { class: 'article-ref', 'data-target': node.attrs.target }],
      leafText: () => '第?条',
    },
  },
  marks: {},
});

/// Node type names of the structural blocks.
export type StructuralName = 'part_heading' | 'chapter_heading' | 'section_heading' | 'article';
