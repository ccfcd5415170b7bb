import { articleLabel, chapterLabel, partLabel, sectionLabel } from './labels';
import type { Article, ArticleNumber, BodyNode, HeadingNode } from './model';

/// An article with the number its position gives it.
export interface NumberedArticle {
  article: Article;
  /// Position among all articles, from 0.
  index: number;
  number: number;
  /// 1 for 第X条之一, 2 for 之二 …
  sub?: number;
  label: string;
  /// Numbers of the enclosing part, chapter and section, when there are any.
  part?: number;
  chapter?: number;
  section?: number;
}

/// A part, chapter or section with the number its position gives it and the articles it spans.
export interface NumberedHeading {
  node: HeadingNode;
  kind: HeadingNode['kind'];
  number: number;
  label: string;
  part?: number;
  chapter?: number;
  firstArticle?: NumberedArticle;
  lastArticle?: NumberedArticle;
}

/// The numbering of a whole body, in document order.
export interface TextNumbering {
  articles: NumberedArticle[];
  headings: NumberedHeading[];
}

interface Context {
  part?: number;
  chapter?: number;
  section?: number;
}

/// Numbers every heading and article from its position: articles run through the whole text
/// (an inserted article takes the previous number with 之一, 之二 …), chapters restart in each
/// part, sections in each chapter. An article whose printed number skips ahead of that count
/// (an excerpt) takes its printed number, and counting goes on from there; a printed number that
/// does not skip ahead is ignored, so numbers only ever rise. This is the only place numbers come
/// from.
export function numberText(body: BodyNode[]): TextNumbering {
  const articles: NumberedArticle[] = [];
  const headings: NumberedHeading[] = [];
  let last: { number: number; sub: number } = { number: 0, sub: 0 };

  const visit = (nodes: BodyNode[], context: Context): void => {
    const counters = { part: 0, chapter: 0, section: 0 };
    for (const node of nodes) {
      if (node.kind === 'article') {
        const counted = node.inserted ? { number: last.number, sub: last.sub + 1 } : { number: last.number + 1, sub: 0 };
        last = node.printed && skipsAhead(counted, node.printed) ? { number: node.printed.number, sub: node.printed.sub ?? 0 } : counted;
        const sub = last.sub || undefined;
        articles.push({ article: node, index: articles.length, number: last.number, sub, label: articleLabel(last.number, sub), ...context });
        continue;
      }
      const number = ++counters[node.kind];
      const heading: NumberedHeading = { node, kind: node.kind, number, label: headingLabel(node.kind, number) };
      if (context.part !== undefined) heading.part = context.part;
      if (node.kind === 'section' && context.chapter !== undefined) heading.chapter = context.chapter;
      headings.push(heading);
      const before = articles.length;
      visit(node.children, { ...context, [node.kind]: number });
      if (articles.length > before) {
        heading.firstArticle = articles[before];
        heading.lastArticle = articles[articles.length - 1];
      }
    }
  };
  visit(body, {});
  return { articles, headings };
}

/// The number counting gives the article after `last`: the next number, or for an inserted
/// article (之一, 之二 …) the same number with the next 之.
export function nextArticleNumber(last: ArticleNumber, inserted: boolean): ArticleNumber {
  return inserted ? { number: last.number, sub: (last.sub ?? 0) + 1 } : { number: last.number + 1 };
}

/// Whether a written number comes after the one counting expects: 第八条 where 第六条 was due,
/// or 第六条之二 where 第六条之一 was.
export function skipsAhead(expected: ArticleNumber, written: ArticleNumber): boolean {
  if (written.number !== expected.number) return written.number > expected.number;
  return (written.sub ?? 0) > (expected.sub ?? 0);
}

/// Whether a text holds only some of its articles: an article's number skips ahead of the one
/// counting gives it (the first is not 第一条, or numbers are missing in between).
export function isExcerpt(articles: readonly ArticleNumber[]): boolean {
  let last: ArticleNumber = { number: 0 };
  for (const a of articles) {
    if (skipsAhead(nextArticleNumber(last, a.sub !== undefined), a)) return true;
    last = a;
  }
  return false;
}

function headingLabel(kind: HeadingNode['kind'], n: number): string {
  if (kind === 'part') return partLabel(n);
  return kind === 'chapter' ? chapterLabel(n) : sectionLabel(n);
}
