import { itemLabel, subitemLabel } from './labels';
import type { Item, Paragraph, ParseWarning, RegulationEvent, RegulationText, Subitem } from './model';
import { numberText, type NumberedArticle } from './numberText';

/// Structure counts of a text; `paragraphs` counts 款 over all articles.
export interface ParseCounts {
  parts: number;
  chapters: number;
  sections: number;
  articles: number;
  paragraphs: number;
  items: number;
  subitems: number;
}

/// A part, chapter or section in the outline, with the articles it spans (null when empty).
export interface OutlineEntry {
  kind: 'part' | 'chapter' | 'section';
  number: number;
  label: string;
  heading: string;
  eid: string;
  /// The enclosing part's number, when the text has parts.
  part?: number;
  /// The enclosing chapter's number, for a section.
  chapter?: number;
  firstArticle: number | null;
  lastArticle: number | null;
  articles: number;
}

/// A sub-item (目) with its derived label; `subitems` is the （1） level under it.
export interface SubitemJson {
  eid: string;
  label: string;
  text: string;
  subitems: SubitemJson[];
}

/// An item (项) with its derived label.
export interface ItemJson {
  eid: string;
  label: string;
  text: string;
  subitems: SubitemJson[];
}

/// A paragraph (款); the first paragraph's text excludes the article label.
export interface ParagraphJson {
  eid: string;
  text: string;
  items: ItemJson[];
  subitems: SubitemJson[];
}

/// An article with its derived number and label.
export interface ArticleJson {
  number: number;
  sub?: number;
  label: string;
  eid: string;
  part?: number;
  chapter?: number;
  section?: number;
  paragraphs: ParagraphJson[];
}

/// The `parse` JSON of PRODUCT.md: what `lawbench parse FILE` prints.
export interface ParseJson {
  title: string;
  info: string[];
  counts: ParseCounts;
  outline: OutlineEntry[];
  articles: ArticleJson[];
  events: RegulationEvent[];
  warnings: ParseWarning[];
}

/// Turns a parsed text into the `parse` JSON, with every number and label derived from position.
export function toParseJson(doc: RegulationText): ParseJson {
  const numbering = numberText(doc.body);
  const articles = numbering.articles.map(articleJson);
  const outline: OutlineEntry[] = numbering.headings.map((h) => ({
    kind: h.kind,
    number: h.number,
    label: h.label,
    heading: h.node.heading,
    eid: h.node.eid,
    ...(h.part !== undefined ? { part: h.part } : {}),
    ...(h.chapter !== undefined ? { chapter: h.chapter } : {}),
    firstArticle: h.firstArticle?.number ?? null,
    lastArticle: h.lastArticle?.number ?? null,
    articles: h.firstArticle && h.lastArticle ? h.lastArticle.index - h.firstArticle.index + 1 : 0,
  }));
  const paragraphs = articles.flatMap((a) => a.paragraphs);
  const items = paragraphs.flatMap((p) => p.items);
  const subitems = [...paragraphs.flatMap((p) => p.subitems), ...items.flatMap((i) => i.subitems)];
  const count = (kind: OutlineEntry['kind']) => outline.filter((o) => o.kind === kind).length;
  return {
    title: doc.title,
    info: doc.info,
    counts: {
      parts: count('part'),
      chapters: count('chapter'),
      sections: count('section'),
      articles: articles.length,
      paragraphs: paragraphs.length,
      items: items.length,
      subitems: countSubitems(subitems),
    },
    outline,
    articles,
    events: doc.events,
    warnings: doc.warnings,
  };
}

function articleJson(numbered: NumberedArticle): ArticleJson {
  const { article, number, sub, label, part, chapter, section } = numbered;
  return {
    number,
    ...(sub !== undefined ? { sub } : {}),
    label,
    eid: article.eid,
    ...(part !== undefined ? { part } : {}),
    ...(chapter !== undefined ? { chapter } : {}),
    ...(section !== undefined ? { section } : {}),
    paragraphs: article.paragraphs.map(paragraphJson),
  };
}

function paragraphJson(paragraph: Paragraph): ParagraphJson {
  return {
    eid: paragraph.eid,
    text: paragraph.text,
    items: paragraph.items.map((item: Item, i) => ({
      eid: item.eid,
      label: itemLabel(i + 1),
      text: item.text,
      subitems: item.subitems.map((s, k) => subitemJson(s, k, 'dot')),
    })),
    subitems: paragraph.subitems.map((s, k) => subitemJson(s, k, 'dot')),
  };
}

function subitemJson(subitem: Subitem, index: number, level: 'dot' | 'paren'): SubitemJson {
  return {
    eid: subitem.eid,
    label: subitemLabel(index + 1, subitem.style ?? level),
    text: subitem.text,
    subitems: subitem.subitems.map((s, k) => subitemJson(s, k, 'paren')),
  };
}

function countSubitems(subitems: SubitemJson[]): number {
  return subitems.reduce((n, s) => n + 1 + countSubitems(s.subitems), 0);
}
