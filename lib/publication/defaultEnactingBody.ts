import type { RegulationKind } from '@/lib/shared';

/// The body that issues a text's 公告 when the publisher does not name one: the city's people's
/// congress standing committee for a local regulation, its people's government for a rule, read
/// from the city at the start of the title; else the body that made the text before, without the
/// term it sat in (宁波市第十三届人民代表大会常务委员会 issues today as 宁波市人民代表大会常务委员会).
/// Null when neither is known (an industry norm's issuing body must be named).
export function defaultEnactingBody(kind: RegulationKind, title: string, earlierBody?: string | null): string | null {
  const city = /^(.{2,8}?(?:市|自治州))/.exec(title)?.[1];
  if (city && kind !== 'industry_norm') return kind === 'local_regulation' ? `${city}人民代表大会常务委员会` : `${city}人民政府`;
  return earlierBody ? earlierBody.replace(/第[一二三四五六七八九十]+届/, '') : null;
}
