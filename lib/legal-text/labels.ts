import { CHINESE_NUMERAL_CHARS, fromChineseNumeral, toChineseNumeral } from './numerals';

/// 第十二条, or 第十二条之一 for an article inserted after 第十二条 by an amendment.
export function articleLabel(n: number, sub?: number): string {
  return `第${toChineseNumeral(n)}条${sub ? `之${toChineseNumeral(sub)}` : ''}`;
}

/// 第三编: the label of a part.
export function partLabel(n: number): string {
  return `第${toChineseNumeral(n)}编`;
}

/// 第三章: the label of a chapter.
export function chapterLabel(n: number): string {
  return `第${toChineseNumeral(n)}章`;
}

/// 第三节: the label of a section.
export function sectionLabel(n: number): string {
  return `第${toChineseNumeral(n)}节`;
}

/// 第二款: how a paragraph is named when cited (paragraphs carry no label in the text).
export function paragraphLabel(n: number): string {
  return `第${toChineseNumeral(n)}款`;
}

/// （三）: the label that starts an item (项).
export function itemLabel(n: number): string {
  return `（${toChineseNumeral(n)}）`;
}

/// `2.` for a sub-item (目); `（2）` for the deeper level written under a sub-item, or for
/// sub-items that were written with brackets in the source.
export function subitemLabel(n: number, style: 'dot' | 'paren' = 'dot'): string {
  return style === 'paren' ? `（${n}）` : `${n}.`;
}

const ARTICLE_LABEL = new RegExp(
  `^第([${CHINESE_NUMERAL_CHARS}]+)条(?:之([${CHINESE_NUMERAL_CHARS}]+))?$`,
);

/// Reads 第十二条 / 第十二条之一 back into numbers; null when the text is not an article label.
export function parseArticleLabel(label: string): { number: number; sub?: number } | null {
  const m = ARTICLE_LABEL.exec(label.trim());
  if (!m) return null;
  const number = fromChineseNumeral(m[1]);
  if (number === null) return null;
  if (m[2] === undefined) return { number };
  const sub = fromChineseNumeral(m[2]);
  return sub === null ? null : { number, sub };
}
