import { nextArticleNumber, skipsAhead } from './numberText';
import type { Article, ArticleNumber, BodyNode, Chapter, Item, Paragraph, Part, RegulationText, Section, Subitem } from './model';
import type { ArticleJson, ParagraphJson, ParseJson, SubitemJson } from './toParseJson';

type Container = Part | Chapter | Section;

/// Rebuilds the body tree from the `parse` JSON (the inverse of `toParseJson`, which only
/// derives numbers and labels), so that amendments can be made on the tree and the result
/// numbered again by `numberText`. Articles go into the heading their part, chapter and
/// section numbers name; a heading without articles keeps its place in the outline.
export function applyAmendmentsBody(json: ParseJson): RegulationText {
  const body: BodyNode[] = [];
  const byKey = new Map<string, Container>();
  const key = (part?: number, chapter?: number, section?: number) => `${part ?? 0}:${chapter ?? 0}:${section ?? 0}`;
  // Among the children of one node, its own articles come before its headings (an article after
  // a heading belongs to that heading, so none follows one at its level), articles in text order,
  // headings in outline order.
  const order = new Map<BodyNode, number>();
  json.outline.forEach((entry, k) => {
    const node = { kind: entry.kind, eid: entry.eid, heading: entry.heading, children: [] } as Container;
    const part = entry.kind === 'part' ? entry.number : entry.part;
    const chapter = entry.kind === 'chapter' ? entry.number : entry.kind === 'section' ? entry.chapter : undefined;
    const section = entry.kind === 'section' ? entry.number : undefined;
    byKey.set(key(part, chapter, section), node);
    const parent = entry.kind === 'part' ? undefined
      : entry.kind === 'chapter' ? byKey.get(key(entry.part))
        : byKey.get(key(entry.part, entry.chapter)) ?? byKey.get(key(entry.part));
    (parent?.children as BodyNode[] | undefined ?? body).push(node);
    order.set(node, json.articles.length + k);
  });
  let last: ArticleNumber = { number: 0 };
  json.articles.forEach((a, index) => {
    const article = articleNode(a, last);
    last = a;
    const container = byKey.get(key(a.part, a.chapter, a.section)) ?? byKey.get(key(a.part, a.chapter)) ?? byKey.get(key(a.part));
    (container?.children as BodyNode[] | undefined ?? body).push(article);
    order.set(article, index);
  });
  const sort = (nodes: BodyNode[]) => {
    nodes.sort((x, y) => order.get(x)! - order.get(y)!);
    for (const node of nodes) if (node.kind !== 'article') sort(node.children as BodyNode[]);
  };
  sort(body);
  return { title: json.title, info: json.info, events: json.events, body, warnings: json.warnings };
}

/// The article `a` of the JSON; `last` is the number of the one before it, so that a number the
/// JSON skips ahead to (an excerpt's) is kept as printed.
function articleNode(a: ArticleJson, last: ArticleNumber): Article {
  const inserted = a.sub !== undefined;
  const printed = skipsAhead(nextArticleNumber(last, inserted), a) ? { printed: a.sub ? { number: a.number, sub: a.sub } : { number: a.number } } : {};
  return { kind: 'article', eid: a.eid, ...(inserted ? { inserted: true as const } : {}), ...printed, paragraphs: a.paragraphs.map(paragraphNode) };
}

function paragraphNode(p: ParagraphJson): Paragraph {
  return {
    kind: 'paragraph',
    eid: p.eid,
    text: p.text,
    subitems: p.subitems.map((s) => subitemNode(s, false)),
    items: p.items.map((i): Item => ({ kind: 'item', eid: i.eid, text: i.text, subitems: i.subitems.map((s) => subitemNode(s, false)) })),
  };
}

function subitemNode(s: SubitemJson, nested: boolean): Subitem {
  // At the first level a bracketed label （1） is the source's style; below it, the default.
  const style = !nested && s.label.startsWith('（') ? { style: 'paren' as const } : {};
  return { kind: 'subitem', eid: s.eid, text: s.text, ...style, subitems: s.subitems.map((c) => subitemNode(c, true)) };
}
