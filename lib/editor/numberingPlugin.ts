import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';
import { numberDoc, type DocNumbering } from './numberDoc';

/// Plugin state: the numbering of the current document and its decorations.
export const numberingKey = new PluginKey<{ numbering: DocNumbering; decorations: DecorationSet }>('numbering');

function labelWidget(label: string, kind: string) {
  return () => {
    const span = document.createElement('span');
    span.className = `label label--${kind}`;
    span.contentEditable = 'false';
    span.textContent = label;
    return span;
  };
}

function decorate(doc: PMNode): { numbering: DocNumbering; decorations: DecorationSet } {
  const numbering = numberDoc(doc);
  const decorations: Decoration[] = [];
  for (const l of numbering.labels) {
    // Article labels open their first 款; heading, 项 and 目 labels open the block itself.
    const at = l.kind === 'article' ? l.pos + 2 : l.pos + 1;
    decorations.push(Decoration.widget(at, labelWidget(l.label, l.kind), { side: -1, key: `${l.kind}:${l.label}`, ignoreSelection: true }));
    if (l.kind === 'article') {
      const node = doc.nodeAt(l.pos);
      if (node) decorations.push(Decoration.node(l.pos, l.pos + node.nodeSize, { 'data-label': l.label }));
    }
  }
  doc.descendants((node, pos) => {
    if (node.type.name === 'article_ref') {
      const label = numbering.articleLabels.get(node.attrs.target) ?? '第?条';
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-label': label, title: label }));
    }
  });
  return { numbering, decorations: DecorationSet.create(doc, decorations) };
}

/// Shows the derived numbers (第X章, 第X条, （一）, 1.) in front of their blocks and the current
/// label of every cross-reference; recomputed on every change so renumbering is instant.
export function numberingPlugin(): Plugin {
  return new Plugin({
    key: numberingKey,
    state: {
      init: (_, state) => decorate(state.doc),
      apply: (tr, value, _old, state) => (tr.docChanged ? decorate(state.doc) : value),
    },
    props: {
      decorations: (state) => numberingKey.getState(state)?.decorations,
    },
  });
}
