/// One ranked article.
export interface SearchHit {
  articleId: number;
  regulationId: string;
  regulationTitle: string;
  versionId: string;
  eid: string;
  number: number;
  sub: number;
  /// Σ over query terms of (weight ×) idf × BM25 term factor; comparable within one search only.
  score: number;
  /// About 80 characters of the article around its first match.
  snippet: string;
  /// `[start, end)` offsets of the matches in `snippet` (UTF-16 code units).
  highlights: [number, number][];
}

/// A page of results. `total` counts the matching articles: exactly when `exact`, otherwise an
/// estimate from the share of matches among the postings the search walked before it stopped.
export interface SearchResult {
  total: number | null;
  exact: boolean;
  hits: SearchHit[];
}

