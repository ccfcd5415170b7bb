import { describe, expect, it } from 'vitest';
import { bigramProfile, profileSimilarity } from './textSimilarity';

const similarity = (a: string, b: string) => profileSimilarity(bigramProfile(a), bigramProfile(b));

describe('bigramProfile', () => {
  it('counts the pairs of neighbouring characters, spaces and line breaks left out', () => {
    expect(bigramProfile('本条例 自公布\n之日起施行。').size).toBe(11);
    expect(bigramProfile('施行').size).toBe(1);
    expect(bigramProfile('施').size).toBe(0);
    expect(bigramProfile('').size).toBe(0);
  });
});

describe('profileSimilarity', () => {
  it('is twice the shared character pairs over the pairs of both texts', () => {
    // 本条例自公布之日起施行。 and 本办法自公布之日起施行。 have 11 pairs each; the 8 from 自公 to 行。 are shared.
    expect(similarity('本条例自公布之日起施行。', '本办法自公布之日起施行。')).toBe(16 / 22);
    expect(similarity('本条例自公布之日起施行。', '本条例自公布之日起施行。')).toBe(1);
  });

  it('is 0 for texts that share no pair of neighbouring characters, even when they share characters', () => {
    expect(similarity('罚款', '警告')).toBe(0);
    expect(similarity('犬只', '只犬')).toBe(0);
  });

  it('counts a repeated pair only as often as both texts hold it', () => {
    // 登记登记 holds 登记 twice and 记登 once; 登记 holds 登记 once: one pair shared of 3 + 1.
    expect(similarity('登记登记', '登记')).toBe(0.5);
    expect(similarity('登记', '登记登记')).toBe(0.5);
  });

  it('ignores spaces and line breaks, as pasted text has them where the original has none', () => {
    expect(similarity('本条例自公布之日起施行。', '本条例 自公布之日\n起施行。')).toBe(1);
  });

  it('takes two texts without any pair of characters as alike, and either of them as unlike any longer text', () => {
    expect(similarity('', '　\n')).toBe(1);
    expect(similarity('', '施行')).toBe(0);
    expect(similarity('本条例自公布之日起施行。', '')).toBe(0);
  });
});
