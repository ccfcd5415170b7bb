import type { RegulationEvent, RegulationEventKind } from './model';
import { fromChineseNumeral } from './numerals';

const ARABIC_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;
const CHINESE_DATE = /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/g;
const DECISION = /《[^》]*》/;
const VERBS: Array<[RegExp, RegulationEventKind]> = [
  [/修订/g, 'revised'],
  [/修正/g, 'amended'],
  [/批准/g, 'approved'],
  [/通过/g, 'adopted'],
  [/施行|生效/g, 'effective'],
  [/公布|发布/g, 'other'],
];
const HEADER_WORDS = /(通过|批准|修正|修订|公布|发布|施行|生效|公告|令\s*第|第\s*\d+\s*号)/;
// Header lines are short notes; a long sentence that happens to contain 通过 is body text.
const MAX_HEADER_WITHOUT_DATE = 120;

interface Segment {
  date?: string;
  text: string;
  raw: string;
}

interface DraftEvent extends RegulationEvent {
  converted?: boolean;
}

/// True when a line looks like a header line (a dated event, a promulgation note).
export function isHeaderLine(line: string): boolean {
  if (findDates(line).length > 0) return true;
  return line.length <= MAX_HEADER_WITHOUT_DATE && HEADER_WORDS.test(line);
}

/// Reads the header lines of a regulation into dated events. A line may hold several events
/// (…通过…批准…修正); a later 通过 adopts an amending decision, so it is reported as the
/// amendment it made, and a 批准 that follows it is the approval of that amendment.
export function parseHeaderEvents(lines: string[]): RegulationEvent[] {
  const segments = lines.flatMap(splitSegments);
  const events: DraftEvent[] = [];
  let firstAdoptionSeen = false;
  segments.forEach((segment, index) => {
    const kinds = kindsOf(segment.text);
    const verbs = verbsOf(segment.text);
    kinds.forEach((kind, k) => {
      const event: DraftEvent = describe(segment, kind, verbs[k]);
      if (kind === 'adopted') {
        if (!firstAdoptionSeen) {
          firstAdoptionSeen = true;
        } else if (looksLikeApproval(event, events[events.length - 1])) {
          event.kind = 'approved';
        } else {
          event.kind = nextChangeKind(segments, index);
          event.converted = true;
        }
      }
      const previous = events[events.length - 1];
      const duplicateChange =
        (kind === 'amended' || kind === 'revised') &&
        kinds.includes('approved') &&
        previous?.kind === 'approved' &&
        events[events.length - 2]?.converted === true;
      if (!duplicateChange) events.push(event);
    });
  });
  return events.map((event) => {
    const copy: DraftEvent = { ...event };
    delete copy.converted;
    return copy;
  });
}

function splitSegments(line: string): Segment[] {
  const dates = findDates(line);
  if (dates.length === 0) return [{ text: cleanSegment(line), raw: line }];
  return dates.map((d, i) => ({
    date: d.date,
    text: cleanSegment(line.slice(d.end, i + 1 < dates.length ? dates[i + 1].start : line.length)),
    raw: line,
  }));
}

function findDates(line: string): Array<{ date: string; start: number; end: number }> {
  const found: Array<{ date: string; start: number; end: number }> = [];
  for (const m of line.matchAll(ARABIC_DATE)) {
    found.push({ date: isoDate(Number(m[1]), Number(m[2]), Number(m[3])), start: m.index, end: m.index + m[0].length });
  }
  for (const m of line.matchAll(CHINESE_DATE)) {
    const [y, mo, d] = [fromChineseNumeral(m[1]), fromChineseNumeral(m[2]), fromChineseNumeral(m[3])];
    if (y && mo && d) found.push({ date: isoDate(y, mo, d), start: m.index, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function cleanSegment(text: string): string {
  return text
    .replace(/^[\s\u3000（(，,、]+/, '')
    .replace(/[\s\u3000）)，,。；]*(根据|并经|经)?[\s\u3000）)，,。；]*$/, '');
}

function withoutDecision(text: string): string {
  return text.replace(new RegExp(DECISION.source, 'g'), '');
}

function kindsOf(text: string): RegulationEventKind[] {
  return verbHits(text).map((hit) => hit.kind);
}

function verbsOf(text: string): string[] {
  return verbHits(text).map((hit) => hit.verb);
}

function verbHits(text: string): Array<{ kind: RegulationEventKind; verb: string }> {
  const plain = withoutDecision(text);
  const hits: Array<{ kind: RegulationEventKind; verb: string; at: number }> = [];
  for (const [pattern, kind] of VERBS) {
    for (const m of plain.matchAll(pattern)) {
      if (!hits.some((h) => h.kind === kind)) hits.push({ kind, verb: m[0], at: m.index });
    }
  }
  hits.sort((a, b) => a.at - b.at);
  const changes = hits.some((h) => h.kind === 'amended' || h.kind === 'revised');
  // 修订通过 is one event, a revision.
  const kept = changes ? hits.filter((h) => h.kind !== 'adopted') : hits;
  return kept.length > 0 ? kept : [{ kind: 'other', verb: '' }];
}

function describe(segment: Segment, kind: RegulationEventKind, verb: string): RegulationEvent {
  const body = bodyOf(segment.text);
  const decision = DECISION.exec(segment.text);
  return {
    kind,
    ...(segment.date ? { date: segment.date } : {}),
    ...(body ? { body } : {}),
    ...(decision ? { decision: decision[0] } : {}),
    ...(verb ? { verb } : {}),
    raw: segment.raw,
  };
}

function bodyOf(text: string): string | undefined {
  const meeting = text.indexOf('会议');
  if (meeting >= 0) return text.slice(0, meeting + 2).trim() || undefined;
  const stops = [text.search(DECISION), ...VERBS.map(([p]) => text.search(new RegExp(p.source)))].filter((i) => i >= 0);
  const end = stops.length > 0 ? Math.min(...stops) : text.length;
  const body = text.slice(0, end).replace(/(审议|的)$/, '').trim();
  return body || undefined;
}

function looksLikeApproval(event: RegulationEvent, previous: RegulationEvent | undefined): boolean {
  // A second 通过 by a provincial committee right after the city's adoption is an approval
  // written with the wrong verb.
  return previous?.kind === 'adopted' && /省/.test(event.body ?? '') && !/省/.test(previous.body ?? '');
}

function nextChangeKind(segments: Segment[], index: number): RegulationEventKind {
  for (const segment of segments.slice(index, index + 3)) {
    const kinds = kindsOf(segment.text);
    const change = kinds.find((k) => k === 'amended' || k === 'revised');
    if (change) return change;
  }
  return 'amended';
}
