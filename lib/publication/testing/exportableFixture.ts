import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseRegulation, toParseJson, type ParseJson, type RegulationEvent } from '@/lib/legal-text';
import { chineseDate, type VersionChange } from '@/lib/shared';
import { AKN_REGION_CODES } from '../exports/aknRegion';
import type { ExportableVersion, LifecycleEvent, LifecycleEventKind, PromulgationNotice } from '../exports/exportModel';

/// What a test may set on a fixture; `regulation` and `version` are merged field by field.
export interface ExportableOverrides {
  regulation?: Partial<ExportableVersion['regulation']>;
  version?: Partial<ExportableVersion['version']>;
  text?: ParseJson;
  notice?: PromulgationNotice | null;
  events?: LifecycleEvent[];
}

const corpusDir = path.resolve(process.cwd(), 'testdata/corpus');

/// An ExportableVersion of a text of the corpus (`dev/reg-005-rizhao.md`, or a bare file name of
/// `dev/`), parsed with `parseRegulation` + `toParseJson`. What the database would hold is read
/// from the text: the region from the title or the first acting body, the enacting and approving
/// bodies, the dates and events from the header lines, the 题注 in full-width brackets. There is
/// no 公告 unless `overrides.notice` gives one (see `sampleNotice`).
export function exportableFromCorpus(file: string, overrides: ExportableOverrides = {}): ExportableVersion {
  const relative = file.includes('/') ? file : `dev/${file}`;
  const text = overrides.text ?? toParseJson(parseRegulation(readFileSync(path.join(corpusDir, relative), 'utf8')));
  const stem = relative.replace(/\.md$/, '');
  const dated = text.events.filter((e) => e.date).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  const changes = dated.filter((e) => e.kind === 'amended' || e.kind === 'revised');
  const lastChange = changes[changes.length - 1];
  const adoption = lastChange ?? dated.find((e) => e.kind === 'adopted');
  return {
    regulation: {
      id: `corpus:${stem}`,
      slug: stem.replace(/[^A-Za-z0-9]+/g, '-'),
      title: text.title,
      kind: 'local_regulation',
      region: regionOf(text),
      enactingBody: standingBody(dated.find((e) => e.kind === 'adopted')),
      approvingBody: standingBody(dated.find((e) => e.kind === 'approved')),
      ...overrides.regulation,
    },
    version: {
      id: `corpus:${stem}@${changes.length + 1}`,
      seq: changes.length + 1,
      change: changeOf(lastChange),
      adoptedOn: adoption?.date ?? null,
      approvedOn: lastOf(dated, 'approved')?.date ?? null,
      promulgatedOn: dated.find((e) => e.kind === 'other' && e.verb === '公布')?.date ?? null,
      effectiveOn: lastOf(dated, 'effective')?.date ?? null,
      infoLines: text.info.map(bracketed),
      ...overrides.version,
    },
    text,
    notice: overrides.notice ?? null,
    events: overrides.events ?? lifecycleEvents(dated),
  };
}

/// A 公告 as a standing committee prints it, for the version `v`: title line, number line, the
/// sentence of promulgation, the body and the date.
export function sampleNotice(v: ExportableVersion, number = 1): PromulgationNotice {
  const body = v.regulation.enactingBody ?? `${v.regulation.region ?? '示例市'}人民代表大会常务委员会`;
  const when = (iso: string | null) => (iso ? chineseDate(iso) : '');
  const sentence = [
    `《${v.regulation.title}》已由${body}于${when(v.version.adoptedOn)}通过`,
    v.version.approvedOn ? `，${v.regulation.approvingBody ?? '省人民代表大会常务委员会'}于${when(v.version.approvedOn)}批准` : '',
    `，现予公布，${v.version.effectiveOn ? `自${when(v.version.effectiveOn)}起施行` : '自公布之日起施行'}。`,
  ].join('');
  const text = [`${body}公告`, `第${number}号`, sentence, body, when(v.version.promulgatedOn ?? v.version.approvedOn ?? v.version.adoptedOn)];
  return { number, body, text: text.filter((l) => l !== '').join('\n') };
}

/// The region whose name starts the title (日照市城市管理条例) or, failing that, the body that
/// acted first (深圳市第一届人民代表大会… for 深圳经济特区…); null for a national text.
function regionOf(text: ParseJson): string | null {
  const names = Object.keys(AKN_REGION_CODES);
  const firstBody = text.events.find((e) => e.body)?.body ?? '';
  return names.find((n) => text.title.startsWith(n)) ?? names.find((n) => firstBody.startsWith(n)) ?? null;
}

/// 日照市第十八届人民代表大会常务委员会第二次会议 → 日照市人民代表大会常务委员会.
function standingBody(event: RegulationEvent | undefined): string | null {
  if (!event?.body) return null;
  const body = event.body.replace(/第[零〇一二三四五六七八九十百\d]+届/g, '').replace(/第[零〇一二三四五六七八九十百\d]+次会议.*$/, '').trim();
  return body || null;
}

function changeOf(event: RegulationEvent | undefined): VersionChange {
  if (!event) return 'original';
  return event.kind === 'revised' ? 'revision' : 'amendment';
}

function lastOf(events: RegulationEvent[], kind: RegulationEvent['kind']): RegulationEvent | undefined {
  return [...events].reverse().find((e) => e.kind === kind);
}

/// （…） around a header line, whatever brackets the source kept of its own.
function bracketed(line: string): string {
  return `（${line.trim().replace(/^[（(]/, '').replace(/[）)]$/, '')}）`;
}

const EVENT_KINDS: Partial<Record<RegulationEvent['kind'], LifecycleEventKind>> = {
  adopted: 'adopted', approved: 'approved', amended: 'amended', revised: 'revised', effective: 'effective',
};

/// The header's dated events as publication records them; a version begins with each amendment.
function lifecycleEvents(dated: RegulationEvent[]): LifecycleEvent[] {
  let seq = 1;
  return dated.flatMap((e) => {
    const kind = e.kind === 'other' ? (e.verb === '公布' ? 'promulgated' : undefined) : EVENT_KINDS[e.kind];
    if (!kind || !e.date) return [];
    if (kind === 'amended' || kind === 'revised') seq++;
    return [{ kind, on: e.date, body: standingBody(e), versionSeq: seq }];
  });
}
