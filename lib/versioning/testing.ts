import * as Y from 'yjs';
import { prosemirrorToYDoc, updateYFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { EditorState, type Transaction } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { draftSchema } from '@/lib/editor';
import { structureToDraft } from '@/lib/editor';
import { parseRegulation, toParseJson } from '@/lib/legal-text';

/// Test fixtures for versioning: draft documents built from legal text and edited the way the
/// browser editor edits them (a ProseMirror transaction written into Yjs by y-prosemirror).

/// 总则 with 第一条–第二条, 管理 with 第三条 (two 项) and 第四条.
export const sampleText = `测试条例

第一章　总则

第一条　为了测试，制定本条例。

第二条　本条例适用于本市。

第二章　管理

第三条　有关部门应当履行下列职责：
（一）登记；
（二）检查。

第四条　本条例自2025年1月1日起施行。`;

/// The Yjs document a bill created from `text` starts with.
export function draftYDocOf(text: string): Y.Doc {
  return prosemirrorToYDoc(structureToDraft(toParseJson(parseRegulation(text))), 'prosemirror');
}

/// The ProseMirror document of a draft's Yjs document.
export function draftDocOf(doc: Y.Doc): PMNode {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment('prosemirror'), draftSchema);
}

/// Applies a ProseMirror edit to a draft's Yjs document, as the editor's sync plugin would.
export function editDraft(doc: Y.Doc, edit: (state: EditorState) => Transaction): void {
  const state = EditorState.create({ doc: draftDocOf(doc) });
  const next = edit(state).doc;
  updateYFragment(doc, doc.getXmlFragment('prosemirror'), next, { mapping: new Map(), isOMark: new Map() });
}

/// Where an article sits in a draft document: the article node's range and its first 款's text range.
export function articleAt(doc: PMNode, eid: string): { from: number; to: number; textFrom: number; textTo: number } {
  let found: { from: number; to: number; textFrom: number; textTo: number } | null = null;
  doc.forEach((node, offset) => {
    if (found || node.type.name !== 'article' || node.attrs.eid !== eid) return;
    const first = node.firstChild!;
    found = { from: offset, to: offset + node.nodeSize, textFrom: offset + 2, textTo: offset + 2 + first.content.size };
  });
  if (!found) throw new Error(`no article ${eid}`);
  return found;
}
