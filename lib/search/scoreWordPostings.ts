import { termPoints, termPointsInText, type RankedTerm } from './planRankedTerms';
import { postingRangeSql, type PostingRange } from './postingRange';
import { statement, type SearchStore } from './searchStore';
import { unpackPostings, type PostingBatch } from './unpackPostings';
import { foldText, indexedLength } from './tokenize';

/// Reads driver postings of a multi-token term with the points the term earns in each article (0
/// where the article lacks it). For a CJK word SQLite checks the text: where removing every
/// occurrence of the word leaves no occurrence of the driver bigram (the usual case), the bigram
/// occurs exactly as often as the word, so the driver's stored score is the word's own and the text
/// never reaches JavaScript; other articles (and terms with latin letters or digits) are counted in
/// JavaScript.
export function scoreWordPostings(store: SearchStore, term: RankedTerm, range: PostingRange): PostingBatch {
  const { sql: inner, params } = postingRangeSql(term.driver.id, range);
  const word = term.instr;
  const bySql = word !== null && sqlCountable(word, term.driver.token);
  const state = bySql
    ? "CASE WHEN x.text IS NULL OR instr(x.text, :word) = 0 THEN 0 WHEN instr(replace(x.text, :word, ''), :driver) = 0 THEN 1 ELSE 2 END"
    : word
      ? 'CASE WHEN x.text IS NULL OR instr(x.text, :word) = 0 THEN 0 ELSE 2 END'
      : 'CASE WHEN x.text IS NULL THEN 0 ELSE 2 END';
  // One string of packed integers (posting × 4 + state): the state is computed once per posting
  // and no row object is made.
  const packed = statement<{ packed: string | null }>(
    store,
    `SELECT group_concat((a * 32768 + s) * 4 + state) AS packed FROM (SELECT p.article_id AS a, p.score AS s, ${state} AS state` +
      ` FROM (${inner}) AS p LEFT JOIN regulation_articles AS x ON x.id = p.article_id)`,
  ).get({ ...params, ...(word ? { word } : {}), ...(bySql ? { driver: term.driver.token } : {}) })?.packed;
  const batch = unpackPostings(packed ?? '', true);
  const uneven = new Map<number, number>();
  for (let r = 0; r < batch.n; r++) {
    if (batch.states[r] === 1) {
      batch.points[r] = termPoints(term, batch.scores[r]);
      batch.matched++;
    } else if (batch.states[r] === 2) uneven.set(batch.ids[r], r);
  }
  if (uneven.size > 0) {
    const texts = statement<{ id: number; text: string }>(store, 'SELECT id, text FROM regulation_articles WHERE id IN (SELECT value FROM json_each(?))');
    for (const row of texts.iterate(JSON.stringify([...uneven.keys()]))) {
      const points = termPointsInText(term, foldText(row.text), indexedLength(row.text));
      batch.points[uneven.get(row.id)!] = points;
      if (points > 0) batch.matched++;
    }
  }
  return batch;
}

/// True when SQLite's check is sound for this word and driver bigram `ab`: the word's
/// occurrences cannot overlap (no proper prefix is also a suffix), it holds the bigram once, and
/// no bigram can straddle its edge (it neither starts with b nor ends with a), so that an
/// occurrence of the bigram that survives removing the word was outside every occurrence of it.
export function sqlCountable(word: string, driver: string): boolean {
  const chars = Array.from(word);
  const [a, b] = Array.from(driver);
  if (b === undefined || a === b) return false;
  for (let n = 1; n < chars.length; n++) if (chars.slice(0, n).join('') === chars.slice(chars.length - n).join('')) return false;
  return word.split(driver).length === 2 && chars[0] !== b && chars[chars.length - 1] !== a;
}
