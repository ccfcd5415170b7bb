const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

const DIGIT_VALUES: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

const UNIT_VALUES: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/// The largest number written: statutes stop far below 9999, but a generated text (the parser
/// benchmark's 10 MB document) may go on into 万.
export const MAX_CHINESE_NUMERAL = 99_999_999;

/// The characters a Chinese numeral may be written with, for building patterns.
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万';

/// Writes a number the way statutes number their provisions: 十 (not 一十), 二十一, 一百零一,
/// 一百一十, 一千零五, 二千零二十 (and on past 9999: 一万零一十).
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_CHINESE_NUMERAL) {
    throw new RangeError(`toChineseNumeral: ${n} is outside 1–${MAX_CHINESE_NUMERAL}`);
  }
  const high = Math.floor(n / 10_000);
  const low = n % 10_000;
  if (high === 0) return writeGroup(low, true);
  const rest = low === 0 ? '' : `${low < 1000 ? '零' : ''}${writeGroup(low, false)}`;
  return `${writeGroup(high, true)}万${rest}`;
}

/// Writes a count the way statutes do: 两 for two (两款, 前两款, 修改为两项), every other count as
/// toChineseNumeral writes it (一款, 十二条: never 十两).
export function toChineseCount(n: number): string {
  return n === 2 ? '两' : toChineseNumeral(n);
}

/// Reads a Chinese numeral as found in statutes and pasted text, accepting 〇/零, 两, a
/// spelled-out 一十, and digit-by-digit forms such as 二〇二〇; returns null for anything else.
export function fromChineseNumeral(s: string): number | null {
  if (s === '') return null;
  const wan = s.indexOf('万');
  if (wan < 0) return readGroup(s);
  const left = s.slice(0, wan);
  const right = s.slice(wan + 1);
  // A 零 after 万 stands for an empty 千 place: present exactly when the rest is below 1000.
  const zero = /^[零〇]/.test(right);
  const rest = zero ? right.slice(1) : right;
  // Digit by digit is a form of its own (二〇二〇), never one half of a numeral with 万.
  if (right.includes('万') || (left.length > 1 && allDigits(left)) || (rest.length > 1 && allDigits(rest))) return null;
  const high = readGroup(left);
  if (high === null) return null;
  if (right === '') return high * 10_000;
  const low = readGroup(rest);
  return low === null || zero !== low < 1000 ? null : high * 10_000 + low;
}

function writeGroup(n: number, leading: boolean): string {
  const places: Array<[number, string]> = [[1000, '千'], [100, '百'], [10, '十'], [1, '']];
  let out = '';
  let pendingZero = false;
  for (const [value, unit] of places) {
    const digit = Math.floor(n / value) % 10;
    if (digit === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    // Only a 十 that opens the whole numeral drops its 一 (十二, but 一百一十二, 一万零一十).
    out += value === 10 && out === '' && digit === 1 && leading ? unit : DIGITS[digit] + unit;
  }
  return out;
}

function readGroup(s: string): number | null {
  if (s === '') return null;
  if (allDigits(s)) return readPositional(s);
  let total = 0;
  let digit: number | null = null;
  let lastUnit = 10_000;
  // A 零 stands for skipped places: once, between two written places, with a place skipped.
  let zero = false;
  for (const ch of s) {
    const d = DIGIT_VALUES[ch];
    if (d !== undefined) {
      if (d === 0) {
        if (digit !== null || total === 0 || zero) return null;
        zero = true;
        continue;
      }
      if (digit !== null) return null;
      digit = d;
    } else if (UNIT_VALUES[ch] !== undefined) {
      const unit = UNIT_VALUES[ch];
      if (unit >= lastUnit) return null;
      // A bare 十 stands for 一十 (十二, 一百十); a bare 百 or 千 is not a number.
      if (digit === null && unit !== 10) return null;
      // 一千零五十 skips 百, 一千五十 does not say so, 一百零十 skips nothing.
      if (total > 0 && zero !== unit * 10 < lastUnit) return null;
      total += (digit ?? 1) * unit;
      lastUnit = unit;
      digit = null;
      zero = false;
    } else {
      return null;
    }
  }
  if (digit === null) {
    // 二百零 ends in a 零 that skips to nothing.
    if (zero) return null;
  } else {
    // The last digit counts units: right after 十 or a 零 (一百零一), or alone; 一百一 is not 101.
    if (total > 0 && zero !== lastUnit > 10) return null;
    total += digit;
  }
  return total >= 1 && total <= 9999 ? total : null;
}

function allDigits(s: string): boolean {
  for (const ch of s) if (DIGIT_VALUES[ch] === undefined) return false;
  return true;
}

function readPositional(s: string): number | null {
  // 〇五 or 零一 is no way of writing a number.
  if (s.length > 4 || DIGIT_VALUES[s[0]] === 0) return null;
  let n = 0;
  for (const ch of s) n = n * 10 + DIGIT_VALUES[ch];
  return n >= 1 && n <= 9999 ? n : null;
}
