import { describe, expect, it } from 'vitest';
import { schemaMessages } from '@/lib/shared/testing';
import { answerQuerySchema } from './answerQuery';
import { rankArticlesSchema } from './prepareRanking';
import { searchArticlesSchema } from './searchArticles';
import { MAX_QUERY_LENGTH } from './limits';
import { parseSearchInput } from './searchOptions';

// The search boundaries' schemas, field by field: what each takes, and the catalogue key a
// caller (the library page, the API) shows for what it refuses.

const messages = schemaMessages;
const query = { q: '物业' };

describe('the page and restrictions every search takes', () => {
  it('pages 20 results from the first by default', () => {
    expect(searchArticlesSchema.parse(query)).toEqual({ q: '物业', limit: 20, offset: 0 });
  });

  it('takes 1 to 100 results a page, whole numbers only', () => {
    for (const limit of [1, 100]) expect(messages(searchArticlesSchema, { ...query, limit })).toEqual([]);
    for (const limit of [0, 101, 1.5, '10']) expect(messages(searchArticlesSchema, { ...query, limit })).toEqual(['limit_invalid']);
  });

  it('takes an offset from 0, whole numbers only, to at most 1,000 results deep', () => {
    expect(messages(searchArticlesSchema, { ...query, offset: 0 })).toEqual([]);
    for (const offset of [-1, 2.5, 'x']) expect(messages(searchArticlesSchema, { ...query, offset })).toEqual(['offset_invalid']);
    expect(messages(searchArticlesSchema, { ...query, offset: 980, limit: 20 })).toEqual([]);
    expect(messages(searchArticlesSchema, { ...query, offset: 981, limit: 20 })).toEqual(['offset_invalid']);
  });

  it('names the offset as the field at fault when a page reaches too deep', () => {
    expect(() => parseSearchInput(searchArticlesSchema, { ...query, offset: 990, limit: 20 })).toThrow(
      expect.objectContaining({ code: 'validation_failed', message: 'offset_invalid', details: { fields: [{ path: 'offset', message: 'offset_invalid' }] } }),
    );
  });

  it('takes a list of up to 100,000 regulation ids, none empty', () => {
    expect(messages(searchArticlesSchema, { ...query, regulationIds: ['r1', 'r2'] })).toEqual([]);
    expect(messages(searchArticlesSchema, { ...query, regulationIds: 'r1' })).toEqual(['regulation_ids_invalid']);
    expect(messages(searchArticlesSchema, { ...query, regulationIds: Array.from({ length: 100_001 }, (_, i) => `r${i}`) })).toEqual(['regulation_ids_invalid']);
    expect(messages(searchArticlesSchema, { ...query, regulationIds: [''] })).toHaveLength(1);
  });

  it('takes a list of regulation kinds from the vocabulary', () => {
    expect(messages(searchArticlesSchema, { ...query, kinds: ['local_regulation', 'law'] })).toEqual([]);
    expect(messages(searchArticlesSchema, { ...query, kinds: 'law' })).toEqual(['kinds_invalid']);
    expect(messages(searchArticlesSchema, { ...query, kinds: ['statute'] })).toHaveLength(1);
  });

  it('takes one regulation id to search in, not empty', () => {
    expect(messages(searchArticlesSchema, { ...query, regulationId: 'r1' })).toEqual([]);
    expect(messages(searchArticlesSchema, { ...query, regulationId: '' })).toEqual(['regulation_id_invalid']);
    expect(messages(searchArticlesSchema, { ...query, regulationId: 7 })).toEqual(['regulation_id_invalid']);
  });
});

describe('searchArticlesSchema', () => {
  it('trims the query and takes up to 200 characters', () => {
    expect(searchArticlesSchema.parse({ q: '  物业  ' }).q).toBe('物业');
    expect(messages(searchArticlesSchema, { q: ` ${'犬'.repeat(MAX_QUERY_LENGTH)} ` })).toEqual([]);
    expect(messages(searchArticlesSchema, { q: '犬'.repeat(MAX_QUERY_LENGTH + 1) })).toEqual(['query_too_long']);
  });

  it('names a missing or blank query', () => {
    expect(messages(searchArticlesSchema, {})).toEqual(['query_empty']);
    expect(messages(searchArticlesSchema, { q: '   ' })).toEqual(['query_empty']);
  });
});

describe('answerQuerySchema', () => {
  it('trims the question, of any length, and names a missing or blank one', () => {
    expect(answerQuerySchema.parse({ q: '  我可以辞职吗？  ' }).q).toBe('我可以辞职吗？');
    expect(messages(answerQuerySchema, { q: '问'.repeat(1000) })).toEqual([]);
    expect(messages(answerQuerySchema, {})).toEqual(['query_empty']);
    expect(messages(answerQuerySchema, { q: ' ' })).toEqual(['query_empty']);
  });

  it('takes up to 100 expansions to switch off, each of at most 200 characters', () => {
    expect(messages(answerQuerySchema, { ...query, without: ['辞职', '劳动合同'] })).toEqual([]);
    expect(messages(answerQuerySchema, { ...query, without: Array.from({ length: 100 }, (_, i) => `词${i}`) })).toEqual([]);
    expect(messages(answerQuerySchema, { ...query, without: Array.from({ length: 101 }, (_, i) => `词${i}`) })).toEqual(['without_invalid']);
    expect(messages(answerQuerySchema, { ...query, without: '辞职' })).toEqual(['without_invalid']);
    expect(messages(answerQuerySchema, { ...query, without: ['词'.repeat(MAX_QUERY_LENGTH)] })).toEqual([]);
    expect(messages(answerQuerySchema, { ...query, without: ['词'.repeat(MAX_QUERY_LENGTH + 1)] })).toHaveLength(1);
  });

  it('takes the phrase and question modes only', () => {
    expect(messages(answerQuerySchema, { ...query, mode: 'phrase' })).toEqual([]);
    expect(messages(answerQuerySchema, { ...query, mode: 'question' })).toEqual([]);
    expect(messages(answerQuerySchema, { ...query, mode: 'fuzzy' })).toEqual(['mode_invalid']);
  });
});

describe('rankArticlesSchema', () => {
  const term = { text: '物业', weight: 1 };
  it('takes up to 200 words of up to 200 characters, with weights above 0 and at most 100', () => {
    expect(messages(rankArticlesSchema, { terms: [term, { text: '词'.repeat(MAX_QUERY_LENGTH), weight: 100 }] })).toEqual([]);
    expect(messages(rankArticlesSchema, { terms: [{ text: '词'.repeat(MAX_QUERY_LENGTH + 1), weight: 1 }] })).toEqual(['terms_invalid']);
    expect(messages(rankArticlesSchema, { terms: [{ text: 7, weight: 1 }] })).toEqual(['terms_invalid']);
    expect(messages(rankArticlesSchema, { terms: [{ text: '物业', weight: 100.5 }] })).toEqual(['weight_invalid']);
    expect(messages(rankArticlesSchema, { terms: [{ text: '物业', weight: '1' }] })).toEqual(['weight_invalid']);
    expect(messages(rankArticlesSchema, { terms: '物业' })).toEqual(['terms_invalid']);
    const words = (n: number) => Array.from({ length: n }, (_, i) => ({ text: `词${i}`, weight: 1 }));
    expect(messages(rankArticlesSchema, { terms: words(MAX_QUERY_LENGTH) })).toEqual([]);
    expect(messages(rankArticlesSchema, { terms: words(MAX_QUERY_LENGTH + 1) })).toEqual(['terms_invalid']);
  });
});
