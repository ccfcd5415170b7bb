/// The longest query accepted, in characters after trimming.
export const MAX_QUERY_LENGTH = 200;

/// How many candidate articles one search checks at most before it returns the best found so
/// far (`exact: false`): a bound on the time a pathological query can take.
export const MAX_CANDIDATES = 100_000;

/// The deepest result a search pages to (`offset + limit`).
export const MAX_OFFSET = 1000;
