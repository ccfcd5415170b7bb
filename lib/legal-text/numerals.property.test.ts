import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fromChineseNumeral, toChineseNumeral } from './numerals';

/// Fixed seeds: a failure replays exactly; fast-check prints the shrunk counterexample.
const RUNS = { seed: 0x5eed_2101, numRuns: 400 };

const LIMIT = 99_999;

/// The spellings `fromChineseNumeral` documents besides the one `toChineseNumeral` writes:
/// 〇 for 零, 两 for 二, 一十 spelled out where the writer drops the 一 (十二 → 一十二) and the 一
/// dropped where the writer keeps it (一百一十 → 一百十, 一千零一十 → 一千零十), and, up to four
/// digits, digit-by-digit forms (二〇二〇) that do not start with a zero. Everything else a reader
/// of statutes would call malformed (二百零零, 一百一 for 101, 零五) must come back null.
function isLegitimateSpelling(s: string, n: number): boolean {
  if (!Number.isInteger(n) || n < 1 || n > 99_999_999) return false;
  const plain = s.replace(/〇/g, '零').replace(/两/g, '二');
  if (/^[零一二三四五六七八九]{1,4}$/.test(plain) && !plain.startsWith('零')) {
    return Number(Array.from(plain, (ch) => '零一二三四五六七八九'.indexOf(ch)).join('')) === n;
  }
  // 一十 and 十 are one spelling wherever 十 opens the numeral or follows 百, 千, 万 or 零.
  const dropOne = (t: string) => t.replace(/(^|[百千万零])一十/g, '$1十');
  return dropOne(plain) === dropOne(toChineseNumeral(n));
}

describe('Chinese numerals, every number 0…99,999', () => {
  it('writes every number from 1 to 99,999 in a way that reads back to it', () => {
    const wrong: number[] = [];
    for (let n = 1; n <= LIMIT; n++) if (fromChineseNumeral(toChineseNumeral(n)) !== n) wrong.push(n);
    expect(wrong).toEqual([]);
  });

  it('gives every number its own spelling (no two numbers share one)', () => {
    const seen = new Map<string, number>();
    const clashes: [number, number][] = [];
    for (let n = 1; n <= LIMIT; n++) {
      const s = toChineseNumeral(n);
      const other = seen.get(s);
      if (other !== undefined) clashes.push([other, n]);
      seen.set(s, n);
    }
    expect(clashes).toEqual([]);
  });

  it('has no numeral for 0: writing it throws and 零 alone is not read', () => {
    expect(() => toChineseNumeral(0)).toThrow(RangeError);
    expect(fromChineseNumeral('零')).toBeNull();
    expect(fromChineseNumeral('〇')).toBeNull();
  });

  it('follows the 十 / 一十 conventions: 十 only at the very start, 一十 after 百, 千, 零 and in the 万 group', () => {
    const wrong: string[] = [];
    for (let n = 1; n <= LIMIT; n++) {
      const s = toChineseNumeral(n);
      // The 一 is dropped exactly when 十 opens the numeral (十, 十二, 十万, 十一万).
      if (/[^一二三四五六七八九]十/.test(s) || (s.startsWith('一十'))) wrong.push(s);
      if (/零零|零$|^零/.test(s)) wrong.push(s);
    }
    expect(wrong).toEqual([]);
    expect([10, 12, 110, 1010, 10_010, 100_000 - 1].map(toChineseNumeral)).toEqual(['十', '十二', '一百一十', '一千零一十', '一万零一十', '九万九千九百九十九']);
  });

  it('reads every number from 1 to 99,999 written with 〇, 两 and a spelled-out 一十', () => {
    const wrong: string[] = [];
    for (let n = 1; n <= LIMIT; n++) {
      const s = toChineseNumeral(n);
      const variants = [s.replace(/零/g, '〇'), s.replace(/二/g, '两'), s.replace(/^十/, '一十'), s.replace(/([百千零])一十/g, '$1十')];
      for (const v of variants) if (fromChineseNumeral(v) !== n) wrong.push(v);
    }
    expect(wrong).toEqual([]);
  });

  it('reads the digit-by-digit form of every number from 1 to 9,999', () => {
    const wrong: string[] = [];
    for (let n = 1; n <= 9_999; n++) {
      const s = Array.from(String(n), (d) => '〇一二三四五六七八九'[Number(d)]).join('');
      if (fromChineseNumeral(s) !== n) wrong.push(s);
    }
    expect(wrong).toEqual([]);
  });
});

const numeral = fc.integer({ min: 1, max: LIMIT }).map(toChineseNumeral);
const withUnit = numeral.filter((s) => /[十百千万]/.test(s));
const stray = fc.constantFrom('a', '1', '第', '条', ' ', '\u3000', '、', '.', '（', '亿', '壹', '廿');

describe('malformed Chinese numerals', () => {
  test.prop([numeral, stray, fc.nat()], RUNS)('are rejected when a stray character is put anywhere in them', (s, ch, at) => {
    const i = at % (s.length + 1);
    expect(fromChineseNumeral(s.slice(0, i) + ch + s.slice(i))).toBeNull();
  });

  test.prop([numeral, fc.constantFrom('零', '〇')], RUNS)('are rejected when they start with 零', (s, zero) => {
    expect(fromChineseNumeral(zero + s)).toBeNull();
  });

  test.prop([withUnit, fc.constantFrom('零', '〇', '零零')], RUNS)('are rejected when they end with 零 after a unit', (s, zero) => {
    expect(fromChineseNumeral(s + zero)).toBeNull();
  });

  test.prop([numeral, fc.nat()], RUNS)('are rejected with a unit written twice in a row (十十, 百百, 万万)', (s, at) => {
    const units = Array.from(s).flatMap((ch, i) => ('十百千万'.includes(ch) ? [i] : []));
    fc.pre(units.length > 0);
    const i = units[at % units.length];
    expect(fromChineseNumeral(s.slice(0, i + 1) + s.slice(i))).toBeNull();
  });

  test.prop([numeral.filter((s) => s.includes('零'))], RUNS)('are rejected with 零 doubled (二百零零五, 一万零零一)', (s) => {
    expect(fromChineseNumeral(s.replace('零', '零零'))).toBeNull();
  });

  test.prop([numeral.filter((s) => s.includes('零')), fc.constantFrom('百', '千', '万')], RUNS)('are rejected with 百, 千 or 万 right after 零', (s, unit) => {
    expect(fromChineseNumeral(s.replace('零', `零${unit}`))).toBeNull();
  });

  test.prop([numeral, fc.nat(), fc.constantFrom(...'零〇一二两三四五六七八九十百千万')], RUNS)(
    'are rejected, or read as the number they spell, after a character is inserted, deleted or replaced',
    (s, at, ch) => {
      const i = at % (s.length + 1);
      for (const mutated of [s.slice(0, i) + ch + s.slice(i), s.slice(0, i) + s.slice(i + 1), s.slice(0, i) + ch + s.slice(i + 1)]) {
        const n = fromChineseNumeral(mutated);
        if (n !== null) expect(isLegitimateSpelling(mutated, n), `${mutated} read as ${n}`).toBe(true);
      }
    },
  );

  test.prop([fc.string({ unit: fc.constantFrom(...'零〇一二两三四五六七八九十百千万'), minLength: 1, maxLength: 9 })], { ...RUNS, numRuns: 2000 })(
    'are rejected unless they are a legitimate spelling of the number read (random strings of numeral characters)',
    (s) => {
      const n = fromChineseNumeral(s);
      if (n !== null) expect(isLegitimateSpelling(s, n), `${s} read as ${n}`).toBe(true);
    },
  );

  it.each([
    ['十十', null], ['万万', null], ['二百零零', null], ['二百零', null], ['零五', null], ['〇五', null], ['零十', null],
    ['一百一', null], ['二千三', null], ['一万一', null], ['一万零零一', null], ['一万零二千', null], ['一千零五十零', null],
    ['一百零十', null], ['一千五十', null], ['一千零五百', null], ['十零', null], ['二十零五', null], ['一万十', null],
    // Legitimate variants stay readable.
    ['一百十', 110], ['一千零十', 1010], ['一万零十', 10_010], ['一十万', 100_000], ['两万两千', 22_000], ['二〇二〇', 2020],
  ])('reads %s as %s', (s, n) => {
    expect(fromChineseNumeral(s)).toBe(n);
  });
});
