import { describe, expect, it } from 'vitest';
import { parseArticleLabel } from './labels';

describe('parseArticleLabel', () => {
  it('reads a label pasted with spaces around it, ASCII or ideographic', () => {
    expect(parseArticleLabel(' 第十二条 ')).toEqual({ number: 12 });
    expect(parseArticleLabel('\u3000第十二条之一\u3000')).toEqual({ number: 12, sub: 1 });
  });
});
