import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { eidPrefixOf, newEid } from './newEid';

const prefixes = eidPrefixOf;

/// Gives a fresh eid to every unit whose eid is missing or taken by another unit. Of two units
/// with the same eid, the one that already carried it before the change keeps it, so a copy,
/// a paste or the second half of a split gets the new one.
export function fixEids(doc: PMNode, previous: PMNode | null, mapPos: (pos: number) => number, tr: Transaction): boolean {
  const owners = new Map<string, number>();
  previous?.descendants((node, pos) => {
    if (prefixes[node.type.name] && node.attrs.eid) owners.set(node.attrs.eid, mapPos(pos));
    return node.type.name !== 'paragraph' && node.type.name !== 'item' && node.type.name !== 'subitem';
  });
  const seen = new Set<string>();
  const clash: { pos: number; node: PMNode }[] = [];
  doc.descendants((node, pos) => {
    const prefix = prefixes[node.type.name];
    if (!prefix) return true;
    const eid: string = node.attrs.eid;
    const owner = owners.get(eid);
    if (!eid || seen.has(eid) || (owner !== undefined && owner !== pos && doc.nodeAt(owner)?.attrs.eid === eid && doc.nodeAt(owner)?.type === node.type)) clash.push({ pos, node });
    else seen.add(eid);
    return node.type.name === 'article' || node.type.name === 'doc';
  });
  for (const { pos, node } of clash) tr.setNodeMarkup(pos, undefined, { ...node.attrs, eid: newEid(prefixes[node.type.name]) });
  return clash.length > 0;
}

/// The editor plugin around `fixEids`. Changes that arrive from collaborators are left alone:
/// their author's editor has already fixed them.
export function uniqueEidPlugin(isRemote: (tr: Transaction) => boolean = () => false): Plugin {
  return new Plugin({
    key: new PluginKey('uniqueEid'),
    appendTransaction(transactions, oldState, newState) {
      if (!transactions.some((t) => t.docChanged) || transactions.every(isRemote)) return null;
      const tr = newState.tr;
      const mapping = transactions.reduce((m, t) => (m.appendMapping(t.mapping), m), transactions[0].mapping.slice(0, 0));
      return fixEids(newState.doc, oldState.doc, (p) => mapping.map(p, 1), tr) ? tr : null;
    },
  });
}
