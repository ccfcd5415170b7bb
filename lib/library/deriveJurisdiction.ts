import type { JurisdictionLevel, RegulationKind } from '@/lib/shared/vocabulary';

/// Municipalities directly under the central government: a city's name, a province's rank.
const municipalities = new Set(['北京市', '上海市', '天津市', '重庆市']);

/// The level of a place named at the start of a title (`region`); a title naming no place is a
/// national text (the library's local texts all begin with their place).
export function levelOfRegion(region: string | null): JurisdictionLevel {
  if (!region) return 'national';
  if (municipalities.has(region) || /(省|自治区)$/.test(region)) return 'province';
  if (/(市|自治州|经济特区)$/.test(region)) return 'city';
  return 'other';
}

/// The kind of a national text, from its title and the bodies in its header lines: a 司法解释 of
/// the Supreme People's Court or Procuratorate, a 法律 (a title ending in 法), a 行政法规 (an
/// 条例 or a text of the State Council), else a 部门规章 (办法, 规定 … of a ministry).
export function nationalKindOf(title: string, bodies: string): RegulationKind {
  if (/最高人民(法院|检察院)/.test(title + bodies) || /解释$/.test(title)) return 'judicial_interpretation';
  if (/法典?$/.test(title.replace(/（[^）]*）$/, ''))) return 'law';
  if (/国务院/.test(bodies) || /条例$/.test(title)) return 'administrative_regulation';
  return 'department_rule';
}

/// The body that issued a national text, from a promulgation line such as
/// "国家市场监督管理总局令第56号公布" (the order number is dropped).
export function issuingBodyOf(promulgation: string | undefined): string | null {
  return promulgation?.replace(/令?第[\d一二三四五六七八九十百零〇]+号$/, '').trim() || null;
}
