import { makeSnippet } from './makeSnippet';
import type { QueryTerm } from './queryTerms';
import type { SearchHit } from './searchResult';
import { statement, type SearchStore } from './searchStore';

/// A ranked article as a search returns it: its regulation, version, eid and number, the score
/// (rounded to four decimals) and a snippet with every occurrence of `terms` marked. Undefined
/// when the article no longer exists (its postings outlived it, see pruneSearchIndex).
export function loadHit(store: SearchStore, articleId: number, score: number, terms: readonly QueryTerm[]): SearchHit | undefined {
  const row = statement<{ regulationId: string; regulationTitle: string; versionId: string; eid: string; number: number; sub: number; text: string }>(
    store,
    'SELECT a.regulation_id AS regulationId, r.title AS regulationTitle, a.version_id AS versionId, a.eid, a.number, a.sub, a.text' +
      ' FROM regulation_articles AS a JOIN regulations AS r ON r.id = a.regulation_id WHERE a.id = ?',
  ).get(articleId);
  return row && toHit({ articleId, ...row }, score, terms);
}

/// An article row with its regulation's title, as a hit.
export type HitRow = Omit<SearchHit, 'score' | 'snippet' | 'highlights'> & { text: string };

/// A hit from its article row: the score rounded to four decimals, a snippet with every
/// occurrence of `terms` marked.
export function toHit({ text, ...rest }: HitRow, score: number, terms: readonly QueryTerm[]): SearchHit {
  return { ...rest, score: Math.round(score * 10_000) / 10_000, ...makeSnippet(text, terms) };
}
