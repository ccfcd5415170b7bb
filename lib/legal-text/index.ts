/// lib/legal-text: the pure model of a regulation's text — structure, Chinese numerals, parser,
/// renderers, the `parse` JSON view and citations. No file system, database or framework code,
/// so the browser editor and the server use the same functions.
export type {
  Article, ArticleNumber, BodyNode, Chapter, HeadingNode, Item, Paragraph, ParseWarning, ParseWarningCode, Part,
  RegulationEvent, RegulationEventKind, RegulationText, Section, Subitem,
} from './model';
export { LegalTextError, type LegalTextErrorCode } from './errors';
export { CHINESE_NUMERAL_CHARS, fromChineseNumeral, toChineseNumeral } from './numerals';
export {
  articleLabel, chapterLabel, itemLabel, paragraphLabel, parseArticleLabel, partLabel, sectionLabel, subitemLabel,
} from './labels';
export { isExcerpt, numberText, type NumberedArticle, type NumberedHeading, type TextNumbering } from './numberText';
export { parseRegulation, type ParseOptions, type TextFormat } from './parse';
export { parseHeaderEvents } from './parseHeaderEvents';
export { decodeText } from './decodeText';
export { parseDocx } from './parseDocx';
export { renderHtml, renderMarkdown, renderPlainText, renderRegulation, type RenderFormat } from './render';
export {
  toParseJson, type ArticleJson, type ItemJson, type OutlineEntry, type ParagraphJson, type ParseCounts, type ParseJson,
  type SubitemJson,
} from './toParseJson';
export {
  findCitations, formatCitation, parseCitation, type CitationRef, type CitationRelative, type FoundCitation,
} from './citation';
export { articleText, paragraphTexts } from './articleText';
export type {
  AmendmentDecision, ArticleChange, ArticleComparison, ArticleSide, ComparisonSummary, DiffToken, TextComparison,
} from './comparison';
export { sideBySide, splitLines, tableRows, tokensToRuns, type MarkedRun, type MarkedSide } from './sideBySide';
export { compareTexts, type ComparableText } from './compareTexts';
export { articleHeadingPath } from './headingPath';
export { wordDiff, keptShare } from './wordDiff';
export { draftAmendmentDecision } from './draftAmendmentDecision';
export { differsOnlyInReferences, renumberReferences } from './renumberReferences';
export { toDiffJson } from './toDiffJson';
export { escapeHtml } from '@/lib/shared/escapeMarkup';
export { bigramProfile, profileSimilarity, type BigramProfile } from './textSimilarity';
export { countChanges } from './countChanges';
export type {
  AmendmentOperation, ConsolidationProblem, ConsolidationProblemCode, ConsolidationResult, Operation, ParsedDecision, PhraseScope,
} from './consolidateModel';
export { parseAmendmentDecision } from './parseAmendmentDecision';
export { parseAmendmentDecisionSentence } from './parseAmendmentDecisionSentence';
export { applyAmendments, type AppliedAmendments } from './applyAmendments';
export { consolidateText } from './consolidateText';
export { applyAmendmentsBody } from './applyAmendmentsBody';
export { renderDecisionText } from './renderDecisionText';
export { visibleDifferences, articleAsShown } from './visibleDifferences';
