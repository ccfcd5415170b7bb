import { describe, expect, it } from 'vitest';
import { libraryQuerySchema, readLibraryQuery } from './libraryQuery';

describe('readLibraryQuery', () => {
  it('keeps the valid fields, typed', () => {
    expect(readLibraryQuery({ q: ' 养犬 ', status: 'in_force', kind: 'local_regulation', year: '2017', sort: 'title', page: '2' })).toEqual({
      q: '养犬', status: 'in_force', kind: 'local_regulation', year: 2017, sort: 'title', page: 2,
    });
  });

  it('drops a malformed or out-of-bounds field instead of failing', () => {
    expect(readLibraryQuery({ q: '犬', status: 'valid', year: '1800', page: '0', sort: 'random', kind: '' })).toEqual({ q: '犬' });
    expect(readLibraryQuery({ page: '10001' })).toEqual({});
  });

  it('takes the first of repeated keys', () => {
    expect(readLibraryQuery({ topic: ['法律援助', '养犬'] })).toEqual({ topic: '法律援助' });
  });
});

describe('libraryQuerySchema', () => {
  it('refuses what the page would drop, so that the API can answer 400', () => {
    expect(libraryQuerySchema.safeParse({ year: '1800' }).success).toBe(false);
    expect(libraryQuerySchema.safeParse({ pageSize: '101' }).success).toBe(false);
    expect(libraryQuerySchema.safeParse({ q: 'x'.repeat(1001) }).success).toBe(false);
    expect(libraryQuerySchema.parse({ year: '2020', pageSize: '100' })).toEqual({ year: 2020, pageSize: 100 });
  });
});
