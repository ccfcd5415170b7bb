/// The vocabulary of consolidation: the operations a 修改决定 is read into, the problems that
/// stop one of them from being applied, and what `consolidateText` returns. Article, 款 and 项
/// numbers in an operation are those of the text being amended (before the decision), except
/// `position` of an added or moved article, which is the number it has in the consolidated text.

import type { ParseJson } from './toParseJson';

/// Where a phrase operation looks: a whole article, one of its 款, or one 项 of a 款 (a 项 without
/// `paragraph`: of the one 款 of the article that has items).
export interface PhraseScope {
  article: number;
  paragraph?: number;
  item?: number;
}

/// One operation read from a sentence of a decision clause.
export type AmendmentOperation =
  /// 将第X条修改为：“……”
  | { kind: 'replaceArticle'; article: number; text: string }
  /// 将第X条第Y款修改为：“……”
  | { kind: 'replaceParagraph'; article: number; paragraph: number; text: string }
  /// 删去第X条
  | { kind: 'deleteArticle'; article: number }
  /// 删去第X条第Y款
  | { kind: 'deleteParagraph'; article: number; paragraph: number }
  /// 删去第X条第Y款第（Z）项
  | { kind: 'deleteItem'; article: number; paragraph: number; item: number }
  /// 增加一条，作为第N条：“……” (`after` set for 在第X条后增加一条，作为第N条)
  | { kind: 'addArticle'; position: number; after?: number; text: string }
  /// 在第X条中增加一款，作为第Y款：“……” (Y counted in the amended article)
  | { kind: 'addParagraph'; article: number; paragraph: number; text: string }
  /// 将第X条（第Y款）中的“甲”修改为“乙”
  | { kind: 'replacePhrase'; scope: PhraseScope; phrase: string; replacement: string }
  /// 将第X条中的“甲”删去 / 删去第X条中的“甲”
  | { kind: 'deletePhrase'; scope: PhraseScope; phrase: string }
  /// 在第X条中的“甲”后（前）增加“乙”
  | { kind: 'insertPhrase'; scope: PhraseScope; anchor: string; side: 'after' | 'before'; text: string }
  /// 第X条改为第Y条
  | { kind: 'moveArticle'; article: number; position: number }
  /// 将第X章的章名修改为“……” (also 编名, and 第X章第Y节的节名)
  | { kind: 'renameHeading'; heading: 'part' | 'chapter' | 'section'; part?: number; chapter?: number; section?: number; name: string }
  /// 此外，对条文顺序作相应调整: a note that numbering follows; nothing to do.
  | { kind: 'renumberNote' }
  /// 将第X条第Y款第（Z）项修改为：“（Z）……” (the quote may hold several 项: 修改为两项); without
  /// `paragraph` (将第X条第（Z）项修改为) the 项 is one of the 款 of the article that has items.
  | { kind: 'replaceItem'; article: number; paragraph?: number; item: number; text: string }
  /// 在第X条第Y款中增加一项，作为第（Z）项 (Z counted in the amended 款; `after` set for 在第X条第Y款
  /// 第（W）项后增加一项; no `paragraph`: the 款 of the article that has items).
  | { kind: 'addItem'; article: number; paragraph?: number; item: number; after?: number; text: string }
  /// 删去第X条第（Z）项: a 项 of the one 款 of the article that has items.
  | { kind: 'deleteArticleItem'; article: number; item: number }
  /// 将第X条、第Y条中的“甲”修改为“乙”, 将本条例中的“甲”（统一）修改为“乙”, 将第X条中的“甲”统一修改为“乙”:
  /// every occurrence in every scope, each scope holding one at least (`'text'`: every article of
  /// the text, which must hold one at least).
  | { kind: 'replacePhraseThroughout'; scopes: PhraseScope[] | 'text'; phrase: string; replacement: string }
  /// 将第X条、第Y条中的“甲”删去, 将本条例中的“甲”删去 (as replacePhraseThroughout).
  | { kind: 'deletePhraseThroughout'; scopes: PhraseScope[] | 'text'; phrase: string }
  /// 在第X条、第Y条中的“甲”后增加“乙” (as replacePhraseThroughout).
  | { kind: 'insertPhraseThroughout'; scopes: PhraseScope[] | 'text'; anchor: string; side: 'after' | 'before'; text: string }
  /// 增加一条，作为第X条之Y (also 在第X条后增加一条，作为第X条之Y): placed after 第X条 and the 之一 …
  /// already after it, numbered without renumbering the articles that follow.
  | { kind: 'addSubArticle'; after: number; sub: number; text: string }
  /// 增加一章，作为第X章：“第X章　名称\n第Y条　……” (or 章名为“名称”, the articles quoted or added by
  /// the sentences that follow in the clause: 增加两条，分别作为第Y条、第Y+1条). `after` set for
  /// 在第N条后增加一章: the articles after 第N条 in its chapter come under the new one, after those
  /// added; without it the chapter comes before the X-th. `position` is the number the first
  /// added article is given (checked once the text is numbered). Only in a text without 编.
  | { kind: 'addChapter'; chapter: number; name: string; after?: number; articles: string[]; position?: number }
  /// 删去第X章: the chapter with its articles.
  | { kind: 'deleteChapter'; chapter: number; part?: number };

/// An operation with the clause it came from: `clause` is the clause's number (1 for 一、, 0 for
/// text outside any numbered clause) and `sentence` the words it was read from.
export type Operation = AmendmentOperation & { clause: number; sentence: string };

/// Why an operation (or a line of the decision) could not be used.
export type ConsolidationProblemCode =
  /// A sentence in none of the supported forms.
  | 'unparseable_sentence'
  /// A line after the clauses that is not a closing sentence.
  | 'unrecognized_text'
  /// The decision names a regulation other than the text's title.
  | 'title_mismatch'
  | 'article_not_found'
  | 'paragraph_not_found'
  | 'item_not_found'
  | 'heading_not_found'
  /// A chapter label that names more than one chapter (chapter numbers restart in each 编).
  | 'heading_ambiguous'
  | 'phrase_not_found'
  /// The quoted phrase occurs more than once where it is looked for.
  | 'phrase_ambiguous'
  /// The phrase change would rewrite a 项 or 目 label, which is derived from position.
  | 'label_changed'
  /// 作为第N条 names a number the consolidated text cannot have.
  | 'position_out_of_range'
  /// The quoted text holds no words, or structure a 款 cannot hold (a 第X条 or 第X章 line).
  | 'bad_quoted_text';

/// A clause or line of the decision that was not applied, and why; nothing is guessed.
export interface ConsolidationProblem {
  code: ConsolidationProblemCode;
  clause: number;
  /// The sentence or line concerned, as written in the decision.
  text: string;
  /// The whole clause the sentence belongs to ('' for a line outside the clauses).
  clauseText: string;
  /// A sentence in Chinese for the person reading the report.
  message: string;
}

/// A decision read into its parts: every line of it lands in one of them or in `problems`.
export interface ParsedDecision {
  /// e.g. 关于修改《北京市审计条例》的决定 ('' when the first line is already a clause).
  title: string;
  /// The lines between the title and the first clause, e.g. …会议决定对《……》作如下修改：
  preamble: string;
  /// The lines after the last clause (此外，对条文顺序作相应调整。 本决定自……起施行。…).
  closing: string;
  operations: Operation[];
  problems: ConsolidationProblem[];
}

/// What consolidation gives: the consolidated text, the operations applied, and the rest.
export interface ConsolidationResult {
  text: ParseJson;
  applied: Operation[];
  problems: ConsolidationProblem[];
  title: string;
  preamble: string;
  closing: string;
}
