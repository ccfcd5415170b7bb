export { importRegulation, type ImportOptions, type ImportResult } from './importRegulation';
export { readRegulationFile, maxRegulationFileBytes } from './readRegulationFile';
export { getRegulation, readRegulation, findRegulation, findRegulationOn, type RegulationAtDate, type VersionSummary } from './getRegulation';
export { getArticle, readArticle, type ArticleAtDate } from './getArticle';
export { listRegulations, type RegulationFilters, type RegulationListItem } from './listRegulations';
export { libraryQuerySchema, withoutList, readLibraryQuery, regulationSorts, type LibraryQuery, type RegulationSort } from './libraryQuery';
export { listRecentChanges } from './listRecentChanges';
export { resolveCitationQuery } from './resolveCitationQuery';
export { versionInForce, type DatedVersion } from './versionInForce';
export { regulationStatus, datedVersions, outstandingChanges, repealedBy, type RegulationStatus, type LifecycleRow, type OutstandingChange } from './lifecycle';
export { readRegulationEvents, readRegulationEventsOn, readAllRegulationEvents, type VersionDates } from './regulationEvents';
export { refreshCurrentVersion } from './refreshCurrentVersion';
export { deriveMetadata, topicOf } from './deriveMetadata';
export { searchLibrary, type LibraryHit, type LibraryHitGroup, type SearchUnderstanding } from './searchLibrary';
export { buildRegulationFeed } from './buildRegulationFeed';
export { regulationPath, articlePath, parseArticleParam } from './regulationPaths';
export { compareRegulationVersions, type RegulationVersionComparison } from './compareRegulationVersions';
export {
  getRegulationArticleHistory, type ArticleHistoryChange, type RegulationArticleHistory, type RegulationArticleHistoryEntry,
} from './getRegulationArticleHistory';
export { slugFor } from './slugFor';
export { insertRegulationVersionOn, type NewVersion } from './insertRegulationVersion';
export { bumpLibraryGenerationOn, readLibraryGeneration } from './libraryGeneration';
export { readRegulationVersions, type VersionWithText } from './readRegulationVersions';
export { articleChangesAhead, articleChangesAheadOn, type ArticleAhead } from './articleChangesAhead';
export { homeJurisdiction, jurisdictionOf, relationRank, type Jurisdiction, type HomeJurisdiction } from './jurisdictionOf';
export { levelOfRegion } from './deriveJurisdiction';
