import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { hashArticles, inSearchTransaction, knownTokenId, searchStore, tokenIdFor } from './searchStore';

// The token-id cache of lib/search on SQLite: an id reaches it only once its row is committed,
// and an id whose row was rolled back is never handed out again.

const fresh = freshDatabase();
afterAll(() => fresh.cleanup());
const store = searchStore(fresh.db);
const rowId = (token: string) => (fresh.db.$client.prepare('SELECT id FROM search_tokens WHERE token = ?').get(token) as { id: number } | undefined)?.id;

describe('searchStore', () => {
  it('is one store per connection', () => {
    expect(searchStore(fresh.db)).toBe(store);
  });

  it('hands out the id of a committed row, and caches it only after the commit', () => {
    const id = inSearchTransaction(store, (pending) => {
      const made = tokenIdFor(store, '提交', pending);
      expect(tokenIdFor(store, '提交', pending)).toBe(made);
      expect(store.tokenIds.has('提交')).toBe(false);
      return made;
    });
    expect(id).toBe(rowId('提交'));
    expect(store.tokenIds.get('提交')).toBe(id);
    expect(store.pending).toBeNull();
  });

  it('forgets an id whose row a failed inner level rolled back, and stores the token again', () => {
    const id = inSearchTransaction(store, (pending) => {
      tokenIdFor(store, '先留', pending);
      expect(() =>
        inSearchTransaction(store, (inner) => {
          tokenIdFor(store, '回滚', inner);
          throw new Error('the inner level fails');
        }),
      ).toThrow('the inner level fails');
      expect(pending.has('先留')).toBe(true);
      expect(pending.has('回滚')).toBe(false);
      return tokenIdFor(store, '回滚', pending);
    });
    expect(id).toBe(rowId('回滚'));
    expect(store.tokenIds.get('回滚')).toBe(id);
    expect(store.tokenIds.get('先留')).toBe(rowId('先留'));
  });

  it('caches nothing from a transaction that failed as a whole', () => {
    expect(() =>
      inSearchTransaction(store, (pending) => {
        tokenIdFor(store, '全败', pending);
        throw new Error('the whole transaction fails');
      }),
    ).toThrow();
    expect(rowId('全败')).toBeUndefined();
    expect(store.tokenIds.has('全败')).toBe(false);
    expect(store.pending).toBeNull();
  });

  it('caches nothing an inner level committed when the outer one then fails', () => {
    expect(() =>
      inSearchTransaction(store, () => {
        inSearchTransaction(store, (inner) => tokenIdFor(store, '内成', inner));
        throw new Error('the outer level fails');
      }),
    ).toThrow();
    expect(rowId('内成')).toBeUndefined();
    expect(store.tokenIds.has('内成')).toBe(false);
  });

  it('caches nothing stored inside a transaction it does not own, which may yet fail', () => {
    // As when a bill is published: the index is written inside the publication's transaction.
    expect(() =>
      fresh.db.$client.transaction(() => {
        inSearchTransaction(store, (pending) => tokenIdFor(store, '外层', pending));
        throw new Error('the publication fails');
      })(),
    ).toThrow('the publication fails');
    expect(rowId('外层')).toBeUndefined();
    expect(store.tokenIds.has('外层')).toBe(false);
  });

  it('looks up a known token without adding one, caching what it read outside a transaction', () => {
    expect(knownTokenId(store, '没有')).toBeUndefined();
    expect(rowId('没有')).toBeUndefined();
    fresh.db.$client.prepare('INSERT INTO search_tokens (token) VALUES (?)').run('别处');
    expect(knownTokenId(store, '别处')).toBe(rowId('别处'));
    expect(store.tokenIds.get('别处')).toBe(rowId('别处'));
    // Inside a transaction it may yet roll back: held in pending, cached at the commit.
    fresh.db.$client.prepare('INSERT INTO search_tokens (token) VALUES (?)').run('事中');
    inSearchTransaction(store, () => {
      expect(knownTokenId(store, '事中')).toBe(rowId('事中'));
      expect(store.tokenIds.has('事中')).toBe(false);
    });
    expect(store.tokenIds.get('事中')).toBe(rowId('事中'));
  });

  it('hashes every character of the ids and texts, in order', () => {
    const base = hashArticles([{ id: 12, text: '第一条' }, { id: 13, text: '第二条' }]);
    expect(hashArticles([{ id: 12, text: '第一条' }, { id: 13, text: '第二条' }])).toBe(base);
    for (const other of [
      [{ id: 12, text: '第一条' }, { id: 14, text: '第二条' }],
      [{ id: 13, text: '第一条' }, { id: 12, text: '第二条' }],
      [{ id: 12, text: '第一条' }, { id: 13, text: '第二款' }],
      [{ id: 1, text: '2第一条' }, { id: 13, text: '第二条' }],
      [{ id: 12, text: '第一条' }],
    ]) expect(hashArticles(other), JSON.stringify(other)).not.toBe(base);
  });
});
