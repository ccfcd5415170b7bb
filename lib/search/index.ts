/// lib/search: full-text search over the articles of the published library. CJK text is indexed
/// as overlapping character bigrams plus single characters, latin/digit runs as words, with a
/// precomputed score per (token, article) so that a page of results is read from the front of
/// one B-tree range instead of ranking every match. See README.md in this folder.
export { tokenizeForIndex, analyzeText, foldText, indexedLength, type AnalyzedText } from './tokenize';
export { queryTerms, type QueryTerm } from './queryTerms';
export { findTermOccurrences, countTermOccurrences } from './findTermOccurrences';
export { scoreToken, inverseDocumentFrequency, K1, B, TYPICAL_LENGTH, SCORE_SCALE } from './scoreToken';
export { indexVersion, indexVersions, indexVersionsOn, type IndexReport } from './indexVersion';
export { unindexVersion, unindexVersionOn } from './unindexVersion';
export { pruneSearchIndex, pruneSearchIndexOn } from './pruneSearchIndex';
export { searchArticles, searchArticlesOn, searchArticlesSchema, type SearchArticlesInput, type SearchHit, type SearchResult } from './searchArticles';
export { MAX_QUERY_LENGTH, MAX_CANDIDATES, MAX_OFFSET, MAX_RANKED_TERMS, MAX_RANKED_CANDIDATES, MAX_RANKED_POSTINGS } from './limits';
export { groupHitsByRegulation, type RegulationHits } from './groupHitsByRegulation';
export { makeSnippet, type Snippet } from './makeSnippet';
export { likeScanSearch, type LikeScanHit } from './likeScanSearch';
export { applySearchIndexChange, applySearchIndexChangeOn, type SearchIndexChange } from './applySearchIndexChange';
export { indexedVersionsOf } from './indexedVersionsOf';
export { readQuestion, QUESTION_LIMIT, type QuestionReading, type QuestionTerm } from './readQuestion';
export { rankArticles, rankArticlesOn, rankArticlesSchema, type RankArticlesInput, type WeightedTerm } from './rankArticles';
export { rankExhaustively } from './rankExhaustively';
export { PostingCache, configurePostingCache, postingCacheOptionsFromEnv, preloadPostingCache, type PostingCacheOptions } from './postingCache';
export { type RankStats } from './rankPostings';
export { answerQuery, answerQuerySchema, rankingTerms, type AnswerQueryInput, type AnswerResult } from './answerQuery';
