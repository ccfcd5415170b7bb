import { describe, expect, it } from 'vitest';
import { makeSnippet } from './makeSnippet';
import { queryTerms } from './queryTerms';

describe('makeSnippet', () => {
  it('returns a short text whole, every match marked', () => {
    const { snippet, highlights } = makeSnippet('犬只应当登记。犬只应当免疫。', queryTerms('犬只'));
    expect(snippet).toBe('犬只应当登记。犬只应当免疫。');
    expect(highlights).toEqual([[0, 2], [7, 9]]);
  });

  it('cuts a long text around the first match with ellipses and shifted offsets', () => {
    const text = `${'甲'.repeat(100)}养犬人应当遵守规定${'乙'.repeat(100)}`;
    const { snippet, highlights } = makeSnippet(text, queryTerms('养犬'));
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBe(82);
    expect(highlights).toHaveLength(1);
    const [start, end] = highlights[0];
    expect(snippet.slice(start, end)).toBe('养犬');
    expect(start).toBeGreaterThan(10);
  });

  it('marks each term of a multi-word query and merges touching ranges', () => {
    const { snippet, highlights } = makeSnippet('违反本条例规定，由公安机关责令改正，处以罚款。', queryTerms('公安 机关 罚款'));
    expect(highlights.map(([s, e]) => snippet.slice(s, e))).toEqual(['公安机关', '罚款']);
  });

  it('shows line breaks as spaces and matches latin case-insensitively', () => {
    const { snippet, highlights } = makeSnippet('第一款\nPM2.5浓度', queryTerms('pm2'));
    expect(snippet).toBe('第一款 PM2.5浓度');
    expect(highlights).toEqual([[4, 7]]);
  });

  it('does not split a character outside the basic plane', () => {
    const text = `${'𠮷'.repeat(60)}犬${'𠮷'.repeat(60)}`;
    const { snippet } = makeSnippet(text, queryTerms('犬'));
    expect(snippet.replace(/…/g, '')).toMatch(/^(?:[\ud800-\udbff][\udc00-\udfff]|犬)+$/);
  });
});
