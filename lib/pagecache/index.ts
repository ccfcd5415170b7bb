// The cache of rendered public library pages: kept while the library's change count stays the
// same, so a publication, an import or a repeal (in any process) makes every page fresh again.
export { PageCache, type CachedPage } from './pageCache';
export { withFreshNonce } from './withFreshNonce';
export { isCachedPublicPath, publicPageKey, publicPageCache, libraryGenerationNow } from './publicPages';
