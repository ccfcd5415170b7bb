import { Failure } from './applyAmendmentsPhrase';
import { chapterLabel } from './labels';
import type { Article, BodyNode, Chapter } from './model';

/// Puts a new chapter, holding `added`, into a body without 编: right after `anchor` (the
/// articles after it in its chapter coming under the new one, after `added`), or, without an
/// anchor, before the `number`-th chapter (last, for one more than there are). The chapter must
/// come out numbered `number`. Returns the article the added ones follow in document order
/// (undefined: they come first).
export function insertChapter(
  body: BodyNode[], containerOf: Map<Article, BodyNode[]>, chapter: Chapter, number: number, anchor: Article | undefined, added: Article[],
): Article | undefined {
  if (body.some((n) => n.kind === 'part')) throw new Failure('heading_not_found', '有编的文本不能这样增加章');
  const chapters = body.filter((n): n is Chapter => n.kind === 'chapter');
  const home = anchor && chapters.find((c) => c.children.includes(anchor));
  if (anchor && !home) throw new Failure('heading_not_found', '该条不直接在章下（不在章中，或在节中），不能在其后增加一章');
  const at = home ? body.indexOf(home) + 1 : number <= chapters.length ? body.indexOf(chapters[number - 1]) : body.length;
  const numbered = body.slice(0, at).filter((n) => n.kind === 'chapter').length + 1;
  if (numbered !== number) throw new Failure('position_out_of_range', `增加的章将是${chapterLabel(numbered)}，而不是${chapterLabel(number)}`);
  const previous = anchor ?? lastArticle(body.slice(0, at));
  const moving = home ? home.children.splice(home.children.indexOf(anchor!) + 1) : [];
  chapter.children.push(...added, ...moving);
  for (const node of chapter.children) if (node.kind === 'article') containerOf.set(node, chapter.children as BodyNode[]);
  body.splice(at, 0, chapter);
  return previous;
}

/// Takes a chapter out of the body and returns its articles, which go with it.
export function removeChapter(body: BodyNode[], chapter: Chapter): Article[] {
  const parent = parentOf(body, chapter);
  if (!parent) throw new Failure('heading_not_found', '该章已删去');
  parent.splice(parent.indexOf(chapter), 1);
  return articlesIn(chapter.children);
}

function parentOf(nodes: BodyNode[], node: BodyNode): BodyNode[] | undefined {
  if (nodes.includes(node)) return nodes;
  for (const n of nodes) {
    const found = n.kind === 'part' ? parentOf(n.children as BodyNode[], node) : undefined;
    if (found) return found;
  }
  return undefined;
}

function articlesIn(nodes: BodyNode[]): Article[] {
  return nodes.flatMap((n) => (n.kind === 'article' ? [n] : articlesIn(n.children as BodyNode[])));
}

function lastArticle(nodes: BodyNode[]): Article | undefined {
  return articlesIn(nodes).at(-1);
}
