import type { ArticleJson, OutlineEntry, ParseJson } from '@/lib/legal-text';

/// A part, chapter or section of the body with what it holds, in document order.
export interface ExportHeading {
  kind: 'heading';
  entry: OutlineEntry;
  children: ExportNode[];
}

/// An article in its place in the body.
export interface ExportArticle {
  kind: 'article';
  article: ArticleJson;
}

/// A unit of the body as the exporters walk it.
export type ExportNode = ExportHeading | ExportArticle;

interface Placed {
  node: ExportNode;
  /// Index of the first article at or after the node in document order.
  position: number;
  /// Order among nodes with the same position: headings (in outline order) before articles.
  rank: number;
}

const ROOT = containerKey(undefined, undefined, undefined);

/// The body of a `parse` JSON as a tree in document order: the parts, chapters and sections of
/// `outline`, each holding its sub-headings and articles (placed by the part, chapter and section
/// numbers every article carries); articles outside any heading stand at the top.
export function exportTree(text: ParseJson): ExportNode[] {
  const positions = headingPositions(text);
  const children = new Map<string, Placed[]>([[ROOT, []]]);
  text.outline.forEach((entry, i) => {
    const node: ExportHeading = { kind: 'heading', entry, children: [] };
    childrenOf(children, parentKey(entry)).push({ node, position: positions[i], rank: i });
    children.set(ownKey(entry), []);
  });
  text.articles.forEach((article, index) => {
    const key = containerKey(article.part, article.chapter, article.section);
    const siblings = children.get(key) ?? childrenOf(children, ROOT);
    siblings.push({ node: { kind: 'article', article }, position: index, rank: text.outline.length + index });
  });
  return arrange(children, ROOT);
}

/// Every node of the tree in document order (each heading before what it holds).
export function flattenTree(nodes: ExportNode[]): ExportNode[] {
  return nodes.flatMap((n) => (n.kind === 'heading' ? [n, ...flattenTree(n.children)] : [n]));
}

function arrange(children: Map<string, Placed[]>, key: string): ExportNode[] {
  const placed = [...(children.get(key) ?? [])].sort((a, b) => a.position - b.position || a.rank - b.rank);
  return placed.map(({ node }) => {
    if (node.kind === 'heading') node.children = arrange(children, ownKey(node.entry));
    return node;
  });
}

function childrenOf(children: Map<string, Placed[]>, key: string): Placed[] {
  const list = children.get(key) ?? children.get(ROOT);
  if (!list) throw new Error('exportTree: the root list is missing');
  return list;
}

/// For each outline entry, the index of its first article; an empty heading takes the position of
/// the entry after it (or the end of the text), so it keeps its place between its neighbours.
/// (The `parse` JSON cannot say whether an empty section stood before or after articles of its
/// chapter outside any section; the parser never puts such articles after a section.)
function headingPositions(text: ParseJson): number[] {
  const first = new Map<string, number>();
  text.articles.forEach((a, index) => {
    for (const key of ancestorKeys(a)) if (!first.has(key)) first.set(key, index);
  });
  const positions = new Array<number>(text.outline.length);
  for (let i = text.outline.length - 1; i >= 0; i--) {
    positions[i] = first.get(ownKey(text.outline[i])) ?? (i + 1 < text.outline.length ? positions[i + 1] : text.articles.length);
  }
  return positions;
}

function ancestorKeys(a: ArticleJson): string[] {
  const keys: string[] = [];
  if (a.part !== undefined) keys.push(containerKey(a.part, undefined, undefined));
  if (a.chapter !== undefined) keys.push(containerKey(a.part, a.chapter, undefined));
  if (a.section !== undefined) keys.push(containerKey(a.part, a.chapter, a.section));
  return keys;
}

function ownKey(entry: OutlineEntry): string {
  if (entry.kind === 'part') return containerKey(entry.number, undefined, undefined);
  if (entry.kind === 'chapter') return containerKey(entry.part, entry.number, undefined);
  return containerKey(entry.part, entry.chapter, entry.number);
}

function parentKey(entry: OutlineEntry): string {
  if (entry.kind === 'part') return ROOT;
  if (entry.kind === 'chapter') return containerKey(entry.part, undefined, undefined);
  return containerKey(entry.part, entry.chapter, undefined);
}

function containerKey(part: number | undefined, chapter: number | undefined, section: number | undefined): string {
  return `${part ?? ''}/${chapter ?? ''}/${section ?? ''}`;
}
