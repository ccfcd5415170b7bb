/// The structure of a regulation's text. Nothing here stores a label as typed text: 第X条,
/// （三）, 2. and the chapter numbers are computed from position (see `numberText`). The one
/// number kept is an article's printed number where the source skips ahead (an excerpt). What
/// is stored is identity (`eid`) and content.

/// 目: a sub-item, numbered 1. 2. …; `subitems` holds the rarer level written （1）（2）… under it.
export interface Subitem {
  kind: 'subitem';
  /// Stable id, e.g. `art_3__para_1__item_2__subitem_1`.
  eid: string;
  text: string;
  /// Set when a first-level sub-item was written （1） in the source rather than 1.
  style?: 'paren';
  subitems: Subitem[];
}

/// 项: an item of a paragraph, numbered （一）（二）…
export interface Item {
  kind: 'item';
  /// Stable id, e.g. `art_3__para_2__item_1`.
  eid: string;
  text: string;
  subitems: Subitem[];
}

/// 款: an unnumbered paragraph of an article; the first one follows the article label.
export interface Paragraph {
  kind: 'paragraph';
  /// Stable id, e.g. `art_3__para_2`.
  eid: string;
  text: string;
  /// Sub-items written directly under the paragraph, without an item around them.
  subitems: Subitem[];
  items: Item[];
}

/// An article's number as written: 第十二条 is `{ number: 12 }`, 第十二条之一 `{ number: 12, sub: 1 }`.
export interface ArticleNumber {
  number: number;
  sub?: number;
}

/// 条: the unit of versioning, comments and citations.
export interface Article {
  kind: 'article';
  /// Stable id taken from the number the article had when it was parsed (`art_12`,
  /// `art_12_1` for 第十二条之一); it does not change when the article is renumbered.
  eid: string;
  /// An article inserted by amendment (第十二条之一): it shares the previous article's number.
  inserted?: true;
  /// The number printed in the source where it skips ahead of the one before (an excerpt that
  /// holds only some articles of a law, or a text that kept its numbers after deleting some):
  /// numbering follows it from this article on instead of counting on (see `numberText`).
  printed?: ArticleNumber;
  paragraphs: Paragraph[];
}

/// 节: a section heading inside a chapter.
export interface Section {
  kind: 'section';
  eid: string;
  /// The words after 第X节, e.g. 一般规定 (may be empty).
  heading: string;
  children: Article[];
}

/// 章: a chapter heading.
export interface Chapter {
  kind: 'chapter';
  eid: string;
  /// The words after 第X章, e.g. 总则 (may be empty).
  heading: string;
  children: Array<Section | Article>;
}

/// 编: a part, the largest heading, used only by long codes.
export interface Part {
  kind: 'part';
  eid: string;
  heading: string;
  children: Array<Chapter | Section | Article>;
}

/// Any unit that can stand at the top of the body.
export type BodyNode = Part | Chapter | Section | Article;

/// Any heading unit.
export type HeadingNode = Part | Chapter | Section;

/// What happened to the text on a date, as read from the header lines.
export type RegulationEventKind = 'adopted' | 'approved' | 'amended' | 'revised' | 'effective' | 'other';

/// One event from the header ("2017年6月28日 日照市…会议通过").
export interface RegulationEvent {
  kind: RegulationEventKind;
  /// YYYY-MM-DD when the line gives a full date.
  date?: string;
  /// The body that acted, e.g. 日照市第十八届人民代表大会常务委员会第二次会议.
  body?: string;
  /// The decision named in the line, e.g. 《关于修改〈…〉的决定》.
  decision?: string;
  /// The verb the kind was read from (通过, 批准, 修正, 修订, 施行, 公布 …).
  verb?: string;
  /// The header line the event was read from.
  raw: string;
}

/// Why a part of the input could not be placed cleanly; the parse still succeeds.
export type ParseWarningCode =
  | 'missing_title'
  | 'stray_text'
  | 'unrecognized_heading'
  | 'section_outside_chapter'
  | 'item_outside_article'
  | 'subitem_outside_article'
  | 'empty_heading'
  | 'part_number_gap'
  | 'part_number_repeat'
  | 'chapter_number_gap'
  | 'chapter_number_repeat'
  | 'section_number_gap'
  | 'section_number_repeat'
  | 'article_number_gap'
  | 'article_number_repeat'
  | 'item_number_gap'
  | 'item_number_repeat'
  | 'subitem_number_gap'
  | 'subitem_number_repeat';

/// A problem found while parsing, with the 1-based line of the input it was found on.
export interface ParseWarning {
  line: number;
  code: ParseWarningCode;
  /// A sentence in Chinese for the person who pasted the text.
  message: string;
  /// The offending line's text, when it was left out of the structure.
  text?: string;
}

/// A whole regulation: title, header lines, the events read from them, and the body tree.
export interface RegulationText {
  title: string;
  /// Header lines as written (dates, adopting and approving bodies), one per line.
  info: string[];
  events: RegulationEvent[];
  body: BodyNode[];
  warnings: ParseWarning[];
}
