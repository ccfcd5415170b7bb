/// The longest query accepted, in characters after trimming.
export const MAX_QUERY_LENGTH = 200;

/// How many candidate articles one search checks at most before it returns the best found so
/// far (`exact: false`): a bound on the time a pathological query can take.
export const MAX_CANDIDATES = 100_000;

/// The deepest result a search pages to (`offset + limit`).
export const MAX_OFFSET = 1000;

/// The most terms one ranked search (`rankArticles`) weighs; beyond it the lowest-weight, then
/// most common, are dropped (`exact: false`).
export const MAX_RANKED_TERMS = 32;

/// The most candidate articles one ranked search accumulates scores for; past it no new article
/// is taken in (`exact: false`), which bounds its memory and time.
export const MAX_RANKED_CANDIDATES = 250_000;

/// The most postings one ranked search reads into JavaScript while it collects candidates;
/// the lists not reached by then count at their ceiling and the result says `exact: false`.
export const MAX_RANKED_POSTINGS = 2_000_000;
