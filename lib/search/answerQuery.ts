import type { SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Engine } from '@/db/engine';
import { MAX_QUERY_LENGTH } from './limits';
import { queryTerms } from './queryTerms';
import { rankArticlesOn } from './rankArticles';
import { readQuestion, type QuestionReading } from './readQuestion';
import { searchArticlesOn } from './searchArticles';
import { parseSearchInput, searchDepthCheck, searchOptionFields } from './searchOptions';
import type { SearchResult } from './searchResult';

/// The input of `answerQuery`, validated: the text (any length, a question is cut by the
/// reader), the page and the restrictions as for `searchArticles`, and the expansions switched off.
export const answerQuerySchema = z
  .object({
    q: z.string({ error: 'query_empty' }).trim().min(1),
    ...searchOptionFields,
    without: z.array(z.string().max(MAX_QUERY_LENGTH), { error: 'without_invalid' }).max(100).optional(),
    mode: z.enum(['phrase', 'question'], { error: 'mode_invalid' }).optional(),
  })
  .refine(...searchDepthCheck);

/// What `answerQuery` takes: what `searchArticles` takes (the text, the page, the restrictions,
/// `where` on `regulations`), the expansions the reader switched off (see `readQuestion`), and
/// `mode` to answer only as a phrase or only as a question (when one search is made of several
/// parts that must agree, as the library's own-texts-first ranking is).
export type AnswerQueryInput = z.input<typeof answerQuerySchema> & { where?: SQL };

/// A page of results and how the query was understood. `phrase`: every term of the query was
/// found as typed (`terms` are those terms); `question`: nothing was, so the query was read as a
/// question and ranked on its words (`terms`: the words searched for, the asker's own first, then
/// the statutory terms the thesaurus added, which `expansions` lists).
export type AnswerResult = SearchResult & {
  mode: 'phrase' | 'question';
  terms: string[];
  expansions: QuestionReading['expansions'];
  /// Set when a question was longer than the reader reads: only the first `limit` characters counted.
  cut?: QuestionReading['cut'];
};

/// Answers what someone typed into the library's search box: as a phrase search when it is found
/// as typed (养犬, 物业服务 企业), otherwise as a question (老板无故辞退我怎么办？) read by
/// `readQuestion` and ranked by `rankArticles`, where an article needs only some of the words.
/// Throws `validation_failed` for an empty query or a bad page, as `searchArticles` does.
export async function answerQuery(engine: Engine, input: AnswerQueryInput): Promise<AnswerResult> {
  const { where, ...rest } = input;
  const { q, without, mode, ...options } = parseSearchInput(answerQuerySchema, rest);

  if (q.length <= MAX_QUERY_LENGTH && mode !== 'question') {
    const phrase = await searchArticlesOn(engine, { ...options, q, where });
    // A later page of a phrase that matches stays a phrase search, even when it is empty.
    const matches = mode === 'phrase' || phrase.hits.length > 0 || (options.offset > 0 && (await searchArticlesOn(engine, { ...options, q, where, limit: 1, offset: 0 })).hits.length > 0);
    if (matches) return { ...phrase, mode: 'phrase', terms: queryTerms(q).map((t) => t.text), expansions: [] };
  }

  const reading = readQuestion(q, { without });
  const understood = { mode: 'question' as const, terms: reading.terms.map((t) => t.text), expansions: reading.expansions, ...(reading.cut ? { cut: reading.cut } : {}) };
  if (reading.terms.length === 0) return { total: 0, exact: true, hits: [], ...understood };
  const ranked = await rankArticlesOn(engine, { ...options, terms: rankingTerms(reading), where });
  return { ...ranked, ...understood };
}

/// The weighted terms a reading is ranked on: each word as its character bigrams (a one-character
/// word as itself), a bigram shared by several words at the highest of their weights. An article
/// then scores for the parts of a compound it shares (劳动合同解除 for 解除劳动合同), and a word
/// split differently from the statute still meets it; the words themselves only decide where the
/// bigrams stop, so that none spans two of the asker's words or a dropped particle.
export function rankingTerms(reading: QuestionReading): { text: string; weight: number }[] {
  const weights = new Map<string, number>();
  for (const { text, weight } of reading.terms) {
    for (const part of bigramsOf(text)) weights.set(part, Math.max(weights.get(part) ?? 0, weight));
  }
  return [...weights].map(([text, weight]) => ({ text, weight }));
}

function bigramsOf(word: string): string[] {
  const chars = Array.from(word);
  if (chars.length <= 2 || !/^\p{Script=Han}+$/u.test(word)) return [word];
  return chars.slice(1).map((ch, i) => chars[i] + ch);
}
