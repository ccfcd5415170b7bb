import type { RegulationKind } from '@/lib/shared';

/// The body that issues a text's 公告 when the publisher does not name one: the city's people's
/// congress standing committee for a local regulation, its people's government for a rule, read
/// from the city at the start of the title. Null when the title names no city, or for an
/// industry norm (whose issuing body must be named).
export function defaultEnactingBody(kind: RegulationKind, title: string): string | null {
  const city = /^(.{2,8}?(?:市|自治州))/.exec(title)?.[1];
  if (!city || kind === 'industry_norm') return null;
  return kind === 'local_regulation' ? `${city}人民代表大会常务委员会` : `${city}人民政府`;
}
