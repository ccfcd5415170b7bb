import type { Filters } from './searchPlan';
import { statement, type SearchStore } from './searchStore';

/// The indexed versions a filter keeps, as SQL over `search_versions AS v` with its parameters.
function allowedVersions(filters: Filters): { from: string; params: string[] } {
  const where: string[] = [];
  const params: string[] = [];
  let from = 'search_versions AS v';
  if (filters.kinds) {
    from += ' CROSS JOIN regulations AS r ON r.id = v.regulation_id';
    where.push('r.kind IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filters.kinds));
  }
  if (filters.regulationIds) {
    where.push('v.regulation_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filters.regulationIds));
  }
  return { from: where.length ? `${from} WHERE ${where.join(' AND ')}` : from, params };
}

/// How many indexed articles the restrictions of `filters` (regulation ids, kinds) keep: what a
/// plan weighs reading them one by one against walking the postings.
export function countAllowedArticles(store: SearchStore, filters: Filters): number {
  const { from, params } = allowedVersions(filters);
  return statement<{ n: number | null }>(store, `SELECT sum(v.articles) AS n FROM ${from}`).get(...params)?.n ?? 0;
}

/// The ids of the indexed articles the restrictions of `filters` keep, read from
/// `search_versions` (no article row is touched).
export function allowedArticleIds(store: SearchStore, filters: Filters): number[] {
  const { from, params } = allowedVersions(filters);
  return statement<{ ids: string }>(store, `SELECT v.article_ids AS ids FROM ${from}`)
    .all(...params)
    .flatMap((r) => JSON.parse(r.ids) as number[]);
}

/// The articles the restrictions of `filters` keep as a byte map over article ids (1 = kept),
/// `maxArticleId + 1` bytes, and how many they are: what SQL checks on a posting with
/// `substr(map, article_id + 1, 1)`, without reading the article's row. One query over
/// `search_versions`; the id lists are parsed straight into the map.
export function allowedArticleMap(store: SearchStore, filters: Filters, maxArticleId: number): { map: Buffer; count: number } {
  const { from, params } = allowedVersions(filters);
  const map = Buffer.alloc(maxArticleId + 1);
  let count = 0;
  for (const { ids } of statement<{ ids: string }>(store, `SELECT v.article_ids AS ids FROM ${from}`).iterate(...params)) {
    for (const id of JSON.parse(ids) as number[]) {
      if (id > maxArticleId || map[id] === 1) continue;
      map[id] = 1;
      count++;
    }
  }
  return { map, count };
}
