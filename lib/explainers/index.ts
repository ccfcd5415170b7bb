// Legal-aid and legal-education content (释义, 普法, 法律援助指南, 问答) in Markdown, its citations
// resolved against the law as in force on its date and checked against the law today, its
// review, and where it shows. It uses the library; the library does not use it.
export { explainerSchema, explainerReviewSchema, maxExplainerBody, type ExplainerInput, type ExplainerReviewInput } from './schemas';
export { createExplainer, updateExplainer } from './saveExplainer';
export { submitExplainer, reviewExplainer, unpublishExplainer } from './reviewExplainer';
export { getExplainer, explainerResolver, openCitations, type ExplainerView } from './getExplainer';
export { listExplainers, explainersCiting, explainersNeedingReview, type ExplainerFilters } from './listExplainers';
export { mayReadExplainer, type ExplainerRow } from './readExplainer';
export { resolveCitations, citationResolver, type ResolvedCitation, type CitationContext } from './resolveCitations';
export { renderMarkdown, plainTextOf } from './renderMarkdown';
export { renderExplainerBody } from './renderExplainer';
export { readExplainerForm } from './readExplainerForm';
export { previewExplainer } from './previewExplainer';
export { buildExplainerFeed } from './buildExplainerFeed';
export { listRevisions, type RevisionEntry } from './listRevisions';
export { searchExplainers, type ContentHit } from './searchExplainers';
export { movedArticles, hasMoved } from './movedArticles';
