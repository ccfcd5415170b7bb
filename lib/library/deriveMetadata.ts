import { articleText, type ParseJson, type RegulationEvent } from '@/lib/legal-text';
import { type JurisdictionLevel, type RegulationKind, type VersionChange } from '@/lib/shared/vocabulary';
import { issuingBodyOf, levelOfRegion, nationalKindOf } from './deriveJurisdiction';

/// What the library records about a text, read from its header events and commencement clause.
export type DerivedMetadata = {
  kind: RegulationKind;
  change: VersionChange;
  region: string | null;
  /// Where the text's authority comes from (national, provincial, a city's, other).
  level: JurisdictionLevel;
  topic: string;
  enactingBody: string | null;
  approvingBody: string | null;
  adoptedOn: string | null;
  approvedOn: string | null;
  promulgatedOn: string | null;
  effectiveOn: string | null;
};

// Topic words, first match wins; the library's topic filter lists these names.
const topics: [RegExp, string][] = [
  [/养犬|犬只/, '养犬管理'],
  [/物业/, '物业管理'],
  [/市容|环境卫生|生活垃圾/, '市容环境'],
  [/文明行为/, '文明行为'],
  [/文物|历史文化|红色资源|名城/, '文化遗产'],
  [/法律援助/, '法律援助'],
  [/法制宣传|法治宣传|普法/, '普法教育'],
  [/生态|污染|海岸带|山体|水|大气|湿地/, '生态环境'],
];

/// The topic of a regulation, from words in its title.
export function topicOf(title: string): string {
  return topics.find(([re]) => re.test(title))?.[1] ?? '其他';
}

// The meeting part ("第三十二次会议") is dropped so that the body names the institution.
const bodyOf = (e: RegulationEvent | undefined) => e?.body?.replace(/第[一二三四五六七八九十百零〇\d]+次(全体)?会议$/, '').trim() || null;

const commencement = /自(\d{4})年(\d{1,2})月(\d{1,2})日起(?:施行|生效)/;

function commencementDate(json: ParseJson): string | null {
  const last = json.articles.at(-1);
  const m = last ? commencement.exec(articleText(last)) : null;
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : null;
}

/// Reads kind, dates and bodies from a parsed text. The version's effective date is an explicit
/// 施行 line, else the date of its latest amendment or revision, else the commencement clause,
/// else the adoption date.
export function deriveMetadata(json: ParseJson): DerivedMetadata {
  const events = json.events;
  const first = (kind: RegulationEvent['kind']) => events.find((e) => e.kind === kind);
  const changes = events.filter((e) => (e.kind === 'amended' || e.kind === 'revised') && e.date);
  const latestChange = changes.at(-1);
  const effective = events.filter((e) => e.kind === 'effective' && e.date).at(-1);
  const adopted = first('adopted');
  const bodies = events.map((e) => e.body ?? '').join(' ');
  const region = /^(.{2,8}?(?:市|省|自治区|自治州|经济特区))/.exec(json.title)?.[1] ?? null;
  const level = levelOfRegion(region);
  const kind = level === 'national' ? nationalKindOf(json.title, bodies) : /人民政府/.test(bodies) && !/人民代表大会/.test(bodies) ? 'government_rule' : 'local_regulation';
  const promulgation = events.find((e) => e.verb === '公布' && e.body);
  const latestDate = latestChange?.date ?? null;
  return {
    kind,
    change: latestChange ? (latestChange.kind === 'revised' ? 'revision' : 'amendment') : 'original',
    region,
    level,
    topic: topicOf(json.title),
    enactingBody: bodyOf(adopted) ?? (level === 'national' ? issuingBodyOf(promulgation?.body) : null),
    approvingBody: bodyOf(first('approved')),
    adoptedOn: adopted?.date ?? null,
    approvedOn: first('approved')?.date ?? null,
    promulgatedOn: events.find((e) => e.verb === '公布' && e.date)?.date ?? null,
    effectiveOn: effective?.date && (!latestDate || effective.date >= latestDate) ? effective.date : (latestDate ?? commencementDate(json) ?? adopted?.date ?? null),
  };
}
