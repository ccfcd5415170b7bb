export { importRegulation, type ImportOptions, type ImportResult } from './importRegulation';
export { readRegulationFile, maxRegulationFileBytes } from './readRegulationFile';
export { getRegulation, findRegulation, type RegulationAtDate, type VersionSummary } from './getRegulation';
export { getArticle, type ArticleAtDate } from './getArticle';
export { listRegulations, type RegulationFilters, type RegulationListItem } from './listRegulations';
export { libraryQuerySchema, readLibraryQuery, regulationSorts, type LibraryQuery, type RegulationSort } from './libraryQuery';
export { listRecentChanges } from './listRecentChanges';
export { resolveCitationQuery } from './resolveCitationQuery';
export { versionInForce, regulationStatus, type RegulationStatus } from './versionInForce';
export { refreshCurrentVersion } from './refreshCurrentVersion';
export { deriveMetadata, topicOf } from './deriveMetadata';
export { searchLibrary, type LibraryHit, type LibraryHitGroup } from './searchLibrary';
export { buildRegulationFeed } from './buildRegulationFeed';
export { regulationPath, articlePath, parseArticleParam } from './regulationPaths';
export { compareRegulationVersions, type RegulationVersionComparison } from './compareRegulationVersions';
export {
  getRegulationArticleHistory, type ArticleHistoryChange, type RegulationArticleHistory, type RegulationArticleHistoryEntry,
} from './getRegulationArticleHistory';
export { slugFor } from './slugFor';
