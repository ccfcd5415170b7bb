/// The ASCII code of each region Lawbench knows, for the country part of an Akoma Ntoso IRI
/// (`/akn/cn-rizhao/…`): the pinyin of the city or province, without tones or spaces. It covers
/// the cities and provinces of the dev corpus and the demo's 东营市.
export const AKN_REGION_CODES: Readonly<Record<string, string>> = {
  东营市: 'dongying',
  日照市: 'rizhao',
  淄博市: 'zibo',
  潍坊市: 'weifang',
  烟台市: 'yantai',
  聊城市: 'liaocheng',
  广州市: 'guangzhou',
  汕头市: 'shantou',
  江门市: 'jiangmen',
  深圳市: 'shenzhen',
  阳江市: 'yangjiang',
  韶关市: 'shaoguan',
  三门峡市: 'sanmenxia',
  安阳市: 'anyang',
  洛阳市: 'luoyang',
  漯河市: 'luohe',
  郑州市: 'zhengzhou',
  嘉兴市: 'jiaxing',
  宁波市: 'ningbo',
  杭州市: 'hangzhou',
  温州市: 'wenzhou',
  舟山市: 'zhoushan',
  北京市: 'beijing',
  上海市: 'shanghai',
  山东省: 'shandong',
  浙江省: 'zhejiang',
};

/// The code used when the region is unknown or not in the table.
export const UNKNOWN_AKN_REGION = 'local';

/// The ASCII region code of a Chinese region name (日照市 → rizhao; 日照 without 市 too), or
/// `local` when the name is missing or not in the table.
export function aknRegion(region: string | null): string {
  const name = region?.trim() ?? '';
  if (!name) return UNKNOWN_AKN_REGION;
  return AKN_REGION_CODES[name] ?? AKN_REGION_CODES[`${name}市`] ?? AKN_REGION_CODES[`${name}省`] ?? UNKNOWN_AKN_REGION;
}
