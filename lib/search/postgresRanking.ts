import { sql, type SQL } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { MICRO, planRankedTerms, termPointsInText, type RankedTerm } from './planRankedTerms';
import { array, conditions, hitsOf, indexedArticleCount, run, tokenRows } from './postgresSearch';
import { rankArticlesSchema, type RankArticlesInput } from './prepareRanking';
import { queryTerms } from './queryTerms';
import { resolveFiltersOn } from './resolveFilters';
import { parseSearchInput } from './searchOptions';
import type { Filters } from './searchPlan';
import type { SearchResult } from './searchResult';
import { foldText, indexedLength } from './tokenize';

/// `rankArticles` on PostgreSQL, ranked exhaustively: every posting of every one-token term is
/// turned into points and summed per article by the database, and the best `offset + limit` are
/// read with the number of matching articles (exact). The points, sums and ties are those of
/// `rankArticles` (millionths; ties by article id), so both engines give the same pages; what
/// the SQLite walk saves by stopping early (README.md, "Ranked retrieval") is not done here yet,
/// so the cost grows with the postings of the terms (measured in `npm run bench -- search`).
export async function rankOnPostgres(engine: Engine, input: RankArticlesInput): Promise<SearchResult> {
  const parsed = parseSearchInput(rankArticlesSchema, input);
  const none: SearchResult = { total: 0, exact: true, hits: [] };
  const n = await indexedArticleCount(engine);
  if (n <= 0) return none;
  const dictionary = await tokenRows(engine, [...new Set(parsed.terms.flatMap((t) => queryTerms(t.text).flatMap((q) => q.tokens)))]);
  const { terms, dropped } = planRankedTerms((token) => dictionary.get(token), parsed.terms, n);
  if (terms.length === 0) return none;
  const filters = await resolveFiltersOn(engine, parsed, input.where);
  if (filters.regulationIds?.length === 0) return none;

  const single = terms.filter((t) => t.exact);
  const counted = await countedPoints(engine, terms.filter((t) => !t.exact), filters);
  const { join, where } = conditions(filters, [], null);
  const rows = await run<{ id: string; points: string; total: string }>(
    engine,
    sql`with points as (
        select p.article_id as id, ${termPointsSql(sql`u.f`, sql`p.score`)} as points
          from unnest(${array(single.map((t) => t.driver.id), 'int8')}, ${array(single.map((t) => t.factor), 'float8')}) as u(t, f)
          join search_postings as p on p.token_id = u.t
        union all
        select * from unnest(${array(counted.ids, 'int8')}, ${array(counted.points, 'int8')})
      ), summed as (select id, sum(points) as points from points group by id)
      select s.id, s.points, count(*) over () as total
        from summed as s join regulation_articles as a on a.id = s.id${join}${where.length ? sql` where ${sql.join(where, sql` and `)}` : sql``}
        order by s.points desc, s.id limit ${parsed.offset + parsed.limit}`,
  );
  const top = rows.slice(parsed.offset).map((r) => ({ articleId: Number(r.id), score: Number(r.points) / MICRO }));
  const hits = await hitsOf(engine, top, terms.map((t) => t.term));
  return { total: Number(rows[0]?.total ?? 0), exact: dropped === 0, hits };
}

/// `termPoints` in SQL, for a stored score above 0: the factor times the score rounded half up
/// (JavaScript's Math.round is floor(x + 0.5); PostgreSQL's round() of a float rounds half to
/// even), at least 1.
export function termPointsSql(factor: SQL, score: SQL): SQL {
  return sql`greatest(1, floor(${factor} * ${score} + 0.5))::int8`;
}

/// The points of the terms longer than one token (a word with latin letters beside CJK, say),
/// counted in the text of each article its driver token's postings lead to.
async function countedPoints(engine: Engine, terms: RankedTerm[], filters: Filters): Promise<{ ids: number[]; points: number[] }> {
  const ids: number[] = [];
  const points: number[] = [];
  for (const term of terms) {
    const { join, where } = conditions(filters, term.instr ? [term.instr] : [], null);
    const rows = await run<{ id: string; text: string }>(
      engine,
      sql`select a.id, a.text from search_postings as p join regulation_articles as a on a.id = p.article_id${join}
        where ${sql.join([sql`p.token_id = ${term.driver.id}`, ...where], sql` and `)}`,
    );
    for (const row of rows) {
      const earned = termPointsInText(term, foldText(row.text), indexedLength(row.text));
      if (earned > 0) {
        ids.push(Number(row.id));
        points.push(earned);
      }
    }
  }
  return { ids, points };
}
