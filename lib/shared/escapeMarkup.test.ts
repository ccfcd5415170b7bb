import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeXml } from './escapeMarkup';

describe('escapeHtml', () => {
  it('escapes the five significant characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });
});

describe('escapeXml', () => {
  it('escapes markup and drops characters XML 1.0 cannot carry, keeping tabs, new lines and astral characters', () => {
    expect(escapeXml('a<b>&"c"\u0000\u0008\u000B\uFFFE')).toBe('a&#60;b&#62;&#38;&#34;c&#34;');
    expect(escapeXml('第一条\t甲\n乙\r𠀀')).toBe('第一条\t甲\n乙\r𠀀');
  });

  it('drops a lone surrogate but not a pair', () => {
    expect(escapeXml('x\uD800y\uDC00z')).toBe('xyz');
    expect(escapeXml('\uD83D\uDE00')).toBe('\uD83D\uDE00');
  });
});
