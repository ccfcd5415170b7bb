import { describe, expect, it } from 'vitest';
import { sqlCountable } from './scoreWordPostings';

describe('sqlCountable: when SQLite may take the driver bigram’s count as the word’s', () => {
  it('allows a word that holds its driver once, cannot overlap itself, and no bigram can straddle', () => {
    expect(sqlCountable('养犬人', '犬人')).toBe(true);
    expect(sqlCountable('物业服务企业', '服务')).toBe(true);
    expect(sqlCountable('甲法院乙', '法院')).toBe(true);
  });

  it('refuses a driver of one character, or of one character twice (哈哈 occurs twice in 哈哈哈)', () => {
    expect(sqlCountable('犬只', '犬')).toBe(false);
    expect(sqlCountable('哈哈笑', '哈哈')).toBe(false);
    // split() sees 哈哈 once in 甲哈哈哈乙, but the bigram occurs there twice.
    expect(sqlCountable('甲哈哈哈乙', '哈哈')).toBe(false);
  });

  it('refuses a word whose start is also its end, so that two occurrences can overlap', () => {
    // 法院法 occurs twice in 法院法院法, which replace() removes only once.
    expect(sqlCountable('法院法', '法院')).toBe(false);
    expect(sqlCountable('人民代表人民', '代表')).toBe(false);
  });

  it('refuses a word that holds its driver twice', () => {
    expect(sqlCountable('人民代表人民法院', '人民')).toBe(false);
  });

  it('refuses a word that starts with the driver’s second character or ends with its first', () => {
    // In 法院法院外 the bigram 法院 straddles the start of 院法院外; in 甲法院乙法院 the end of 甲法院乙法.
    expect(sqlCountable('院法院外', '法院')).toBe(false);
    expect(sqlCountable('甲法院乙法', '法院')).toBe(false);
  });
});
