/// The result of comparing two texts article by article (the `diff` JSON of PRODUCT.md, with
/// fields added for the views and documents built on it). Pure data: `compareTexts` makes it,
/// the 修改对照表, the redline and the 修改决定 read it.

/// How an article fared between the old and the new text.
export type ArticleChange = 'unchanged' | 'renumbered' | 'modified' | 'added' | 'deleted';

/// One run of a word-level difference: `equal` text is in both, `delete` only in the old,
/// `insert` only in the new. Paragraph breaks inside an article are `\n`.
export interface DiffToken {
  op: 'equal' | 'delete' | 'insert';
  text: string;
}

/// One side of an aligned pair: the article as it reads in that text.
export interface ArticleSide {
  number: number;
  sub?: number;
  /// Derived label, e.g. 第十二条 (or 第十二条之一).
  label: string;
  eid: string;
  /// Headings above the article, outermost first, e.g. ['第二章　管理'].
  headingPath: string[];
  /// The article without its label: one line per 款, 项 and 目.
  text: string;
  /// The article's 款, each with its 项 and 目 lines, as in `text` (for 第X款 references).
  paragraphs: string[];
}

/// One row of the comparison: an old article, a new one, or an aligned pair.
export interface ArticleComparison {
  change: ArticleChange;
  /// Old and new article numbers (null when absent), as in the PRODUCT.md `diff` JSON.
  old: number | null;
  new: number | null;
  /// Share of text kept, 0–1 (1 for identical texts); present on aligned pairs.
  similarity?: number;
  /// Word-level difference, present when `change` is `modified`.
  tokens?: DiffToken[];
  /// Set on a modified article whose text changed only because articles it cites were
  /// renumbered (依照本条例第十三条 → 第十四条): a consequence of numbering, not an amendment.
  referencesOnly?: true;
  before?: ArticleSide;
  after?: ArticleSide;
  /// Set when the article now sits under a different chapter (or section) than its neighbours
  /// from the same old chapter went to.
  moved?: { from: string; to: string };
}

/// Counts by kind of change; `moved` counts aligned articles that changed chapter.
export interface ComparisonSummary {
  unchanged: number;
  renumbered: number;
  modified: number;
  added: number;
  deleted: number;
  moved: number;
}

/// A whole comparison. `articles` follows the new text's order, each deleted article placed
/// where it stood in the old text.
export interface TextComparison {
  summary: ComparisonSummary;
  /// `eid` when articles were paired by identity (both texts share lineage), else `content`.
  alignment: 'eid' | 'content';
  oldTitle: string;
  newTitle: string;
  articles: ArticleComparison[];
  /// Parts, chapters and sections whose heading was reworded while they kept their place.
  headings: HeadingChange[];
}

/// A renamed part, chapter or section: 第三章 审计结果 → 第三章 审计结果运用.
export interface HeadingChange {
  kind: 'part' | 'chapter' | 'section';
  /// How the decision names it: 第三章, or 第二章第一节 for a section.
  label: string;
  before: string;
  after: string;
  /// The old number of its first article, to place the clause among the article clauses.
  firstArticle: number | null;
}

/// The 修改决定 generated from a comparison: numbered clauses in statutory phrasing.
export interface AmendmentDecision {
  /// e.g. 关于修改《北京市审计条例》的决定
  title: string;
  /// e.g. 对《北京市审计条例》作如下修改：
  preamble: string;
  /// Each clause already numbered: 一、将第五条第二款修改为：“……”
  clauses: string[];
  /// The closing clauses, one per line: 此外，对条文顺序作相应调整。 (when numbering shifts),
  /// 本决定自……起施行。 and 《……》根据本决定作相应修改，重新公布。 Absent in decisions stored before
  /// the closing clauses were drafted.
  closing?: string;
}
