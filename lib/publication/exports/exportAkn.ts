import { createHash } from 'node:crypto';
import {
  findCitations, type ArticleJson, type CitationRef, type ItemJson, type OutlineEntry, type ParagraphJson, type SubitemJson,
} from '@/lib/legal-text';
import { AppError } from '@/lib/errors';
import { escapeXml, isIsoDate } from '@/lib/shared';
import { aknRegion } from './aknRegion';
import type { ExportableVersion, LifecycleEvent, LifecycleEventKind } from './exportModel';
import { eventWord } from '../eventWord';
import { exportTree, type ExportNode } from './exportTree';

const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';
const LAWBENCH = 'lawbench';
const ORIGINAL = 'original';

/// An Akoma Ntoso 3.0 document of one version of a regulation, valid against the OASIS schema.
///
/// - IRIs: work `/akn/cn-{region}/act/{year}/{number}` (region in pinyin, `local` when unknown;
///   year of the first adoption; number of the first text's 公告, or the first 8 hex digits of the SHA-256 of the
///   regulation id), expression `{work}/zho@{date}` (date the version took effect, else was
///   promulgated, else adopted), manifestation `{expression}.akn` with `/!main.xml` as its file.
/// - eIds follow the naming convention from the numbers (`chp_1__sec_2__art_12__para_2__point_3`,
///   `art_12-1` for 第十二条之一); wIds are the stored eids, which stay with a provision when it
///   is renumbered.
/// - Citations of the same text's provisions (本条例第十二条, 第二款, 前款, 前条 …) become
///   `<ref href="#eId">`; citations of other acts stay text.
export function exportAkn(v: ExportableVersion): string {
  const identity = aknIdentity(v);
  const references = new References(identity.region);
  const meta = metaXml(v, identity, references);
  const act = el('act', { name: v.regulation.kind, contains: v.version.seq > 1 ? 'singleVersion' : undefined }, lines(
    meta,
    prefaceXml(v),
    bodyXml(v),
  ));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${el('akomaNtoso', { xmlns: AKN_NAMESPACE }, lines(act))}\n`;
}

// ——— identity ———

interface NamedDate {
  /// What the date is, as the FRBRdate `name`.
  name: string;
  date: string;
}

interface AknIdentity {
  region: string;
  work: string;
  expression: string;
  number: string;
  workDate: NamedDate;
  expressionDate: NamedDate;
}

function aknIdentity(v: ExportableVersion): AknIdentity {
  const { adoptedOn, promulgatedOn, effectiveOn } = v.version;
  const fallback = fallbackDate(v);
  // The work is dated by the first adoption of the regulation, so every version shares its IRI.
  const adopted = v.events.find((e) => e.kind === 'adopted' && (e.versionSeq ?? 1) === 1)?.on ?? null;
  const workDate = firstDate([['adoption', adopted], ['adoption', adoptedOn], ['promulgation', promulgatedOn], ['entryIntoForce', effectiveOn]]) ?? fallback;
  const expressionDate = firstDate([['entryIntoForce', effectiveOn], ['promulgation', promulgatedOn], ['adoption', adoptedOn]]) ?? fallback;
  const region = aknRegion(v.regulation.region);
  const first = v.regulation.workNumber ?? (v.version.seq === 1 ? v.notice?.number : null);
  const number = first ? String(first) : shortId(v.regulation.id);
  const work = `/akn/cn-${region}/act/${workDate.date.slice(0, 4)}/${number}`;
  return { region, work, expression: `${work}/zho@${expressionDate.date}`, number, workDate, expressionDate };
}

function firstDate(candidates: Array<[string, string | null]>): NamedDate | null {
  const found = candidates.find(([, date]) => date !== null && isIsoDate(date));
  return found ? { name: found[0], date: found[1] as string } : null;
}

/// A version without any date of its own is dated by its events, then by the text's header.
function fallbackDate(v: ExportableVersion): NamedDate {
  const own = v.events.filter((e) => e.versionSeq === v.version.seq);
  const dates = [...own.map((e) => e.on), ...v.events.map((e) => e.on), ...v.text.events.map((e) => e.date ?? '')];
  const date = dates.find(isIsoDate);
  if (!date) throw new AppError('internal', `exportAkn: version ${v.version.id} has no date`);
  return { name: 'event', date };
}

/// The first 8 hex digits of the SHA-256 of the regulation id: an ASCII number for the IRI.
function shortId(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 8);
}

// ——— meta ———

const ROLE_WORDS = { author: '制定机关', approver: '批准机关', editor: '编制' } as const;

/// The `<references>` of the document: every organisation, event kind and role the metadata
/// refers to, declared once with an eId.
class References {
  private organizations = new Map<string, string>();
  private events = new Set<LifecycleEventKind>();
  private roles = new Set<keyof typeof ROLE_WORDS>();

  constructor(private region: string) {}

  organization(name: string): string {
    const known = this.organizations.get(name);
    if (known) return known;
    const eId = `org_${this.organizations.size + 1}`;
    this.organizations.set(name, eId);
    return eId;
  }

  event(kind: LifecycleEventKind): string {
    this.events.add(kind);
    return `event_${kind}`;
  }

  role(role: keyof typeof ROLE_WORDS): string {
    this.roles.add(role);
    return role;
  }

  toXml(title: string, work: string): string {
    const tlc = (name: string, eId: string, href: string, showAs: string) => el(name, { eId, href, showAs });
    return el('references', { source: `#${LAWBENCH}` }, lines(
      tlc('original', ORIGINAL, work, title),
      tlc('TLCOrganization', LAWBENCH, '/akn/ontology/organization/lawbench', 'Lawbench'),
      ...[...this.organizations].map(([name, eId]) =>
        tlc('TLCOrganization', eId, `/akn/ontology/organization/cn-${this.region}/${encodeURIComponent(name)}`, name)),
      ...[...this.events].map((kind) => tlc('TLCEvent', `event_${kind}`, `/akn/ontology/event/${kind}`, eventWord(kind))),
      ...[...this.roles].map((role) => tlc('TLCRole', role, `/akn/ontology/role/${role}`, ROLE_WORDS[role])),
    ));
  }
}

function metaXml(v: ExportableVersion, id: AknIdentity, refs: References): string {
  const identification = identificationXml(v, id, refs);
  const lifecycle = lifecycleXml(v.events, refs);
  return el('meta', {}, lines(identification, publicationXml(v), lifecycle, refs.toXml(v.regulation.title, id.work)));
}

function identificationXml(v: ExportableVersion, id: AknIdentity, refs: References): string {
  const author = v.regulation.enactingBody ?? v.notice?.body ?? v.events.find((e) => e.body)?.body ?? null;
  const authorRef = author ? `#${refs.organization(author)}` : `#${LAWBENCH}`;
  const authors = [el('FRBRauthor', { href: authorRef, as: `#${refs.role('author')}` })];
  if (v.regulation.approvingBody) {
    authors.push(el('FRBRauthor', { href: `#${refs.organization(v.regulation.approvingBody)}`, as: `#${refs.role('approver')}` }));
  }
  const work = el('FRBRWork', {}, lines(
    el('FRBRthis', { value: `${id.work}/!main` }),
    el('FRBRuri', { value: id.work }),
    el('FRBRalias', { value: v.regulation.title, name: 'title' }),
    el('FRBRdate', { date: id.workDate.date, name: id.workDate.name }),
    ...authors,
    el('FRBRcountry', { value: `cn-${id.region}` }),
    el('FRBRnumber', { value: id.number }),
    el('FRBRprescriptive', { value: 'true' }),
  ));
  const expression = el('FRBRExpression', {}, lines(
    el('FRBRthis', { value: `${id.expression}/!main` }),
    el('FRBRuri', { value: id.expression }),
    el('FRBRdate', { date: id.expressionDate.date, name: id.expressionDate.name }),
    authors[0],
    el('FRBRversionNumber', { value: String(v.version.seq) }),
    el('FRBRlanguage', { language: 'zho' }),
  ));
  const manifestation = el('FRBRManifestation', {}, lines(
    el('FRBRthis', { value: `${id.expression}/!main.xml` }),
    el('FRBRuri', { value: `${id.expression}.akn` }),
    el('FRBRdate', { date: id.expressionDate.date, name: 'expression' }),
    el('FRBRauthor', { href: `#${LAWBENCH}`, as: `#${refs.role('editor')}` }),
    el('FRBRformat', { value: 'application/akn+xml' }),
  ));
  return el('identification', { source: `#${LAWBENCH}` }, lines(work, expression, manifestation));
}

/// The 公告 as the official publication of the version, when it has one and a promulgation date.
function publicationXml(v: ExportableVersion): string {
  const date = v.version.promulgatedOn;
  if (!v.notice || !date || !isIsoDate(date)) return '';
  const name = `${v.notice.body}公告`;
  return el('publication', { date, name, showAs: `${name}第${v.notice.number}号`, number: String(v.notice.number) });
}

/// One `<eventRef>` per dated event; nothing when there is none (the element needs one).
function lifecycleXml(events: LifecycleEvent[], refs: References): string {
  const dated = events.filter((e) => isIsoDate(e.on));
  if (dated.length === 0) return '';
  const eventRefs = dated.map((e, i) => {
    const refersTo = [`#${refs.event(e.kind)}`, ...(e.body ? [`#${refs.organization(e.body)}`] : [])].join(' ');
    return el('eventRef', { eId: `evt_${i + 1}`, date: e.on, source: `#${ORIGINAL}`, type: eventType(e), refersTo });
  });
  return el('lifecycle', { source: `#${LAWBENCH}` }, lines(...eventRefs));
}

/// `repeal` for a repeal, `amendment` for an amendment or revision and for anything that happened
/// to a later version, `generation` for the adoption, approval, promulgation and entry into
/// force of the first text.
function eventType(e: LifecycleEvent): 'generation' | 'amendment' | 'repeal' {
  if (e.kind === 'repealed') return 'repeal';
  if (e.kind === 'amended' || e.kind === 'revised' || (e.versionSeq ?? 1) > 1) return 'amendment';
  return 'generation';
}

// ——— preface ———

/// The 公告 as printed, the title and the 题注 lines.
function prefaceXml(v: ExportableVersion): string {
  const notice = v.notice
    ? el('container', { name: 'promulgation' }, lines(...noticeLines(v.notice.text).map((l) => el('p', {}, text(l)))))
    : '';
  const title = el('longTitle', {}, el('p', {}, el('docTitle', {}, text(v.text.title || v.regulation.title))));
  const info = v.version.infoLines.length
    ? el('container', { name: 'info' }, lines(...v.version.infoLines.map((l) => el('p', {}, text(l)))))
    : '';
  return el('preface', {}, lines(notice, title, info));
}

function noticeLines(notice: string): string[] {
  return notice.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
}

// ——— body ———

/// Where a provision can be pointed at: an article's eId and those of its 款 and 项.
interface ArticleTarget {
  eId: string;
  paragraphs: Array<{ eId: string; items: string[] }>;
}

interface BodyIndex {
  targets: ArticleTarget[];
  /// `12-0` for 第十二条, `12-1` for 第十二条之一 → index in `targets`.
  byNumber: Map<string, number>;
  /// Article object → index in `targets`.
  indexOf: Map<ArticleJson, number>;
}

/// Where a citation stands: the article and the 款 (0-based) whose text holds it.
interface Place {
  article: number;
  paragraph: number;
}

function bodyXml(v: ExportableVersion): string {
  const index = bodyIndex(v.text.articles);
  const nodes = exportTree(v.text);
  const content = nodes.length
    ? nodes.map((n) => nodeXml(n, index))
    : [el('hcontainer', { name: 'emptyBody', eId: 'hcontainer_1' }, el('content', {}, el('p', {})))];
  return el('body', {}, lines(...content));
}

function bodyIndex(articles: ArticleJson[]): BodyIndex {
  const targets = articles.map(articleTarget);
  const byNumber = new Map<string, number>();
  const indexOf = new Map<ArticleJson, number>();
  articles.forEach((a, i) => {
    byNumber.set(`${a.number}-${a.sub ?? 0}`, i);
    indexOf.set(a, i);
  });
  return { targets, byNumber, indexOf };
}

function articleTarget(a: ArticleJson): ArticleTarget {
  const eId = joinIds(containerId(a.part, a.chapter, a.section), `art_${a.number}${a.sub ? `-${a.sub}` : ''}`);
  return {
    eId,
    paragraphs: a.paragraphs.map((p, i) => {
      const paragraph = `${eId}__para_${i + 1}`;
      return { eId: paragraph, items: p.items.map((_, k) => pointId(paragraph, p.subitems.length + k)) };
    }),
  };
}

/// `part_1__chp_2__sec_3`: the eId of the innermost of the given containers (empty for none).
function containerId(part: number | undefined, chapter: number | undefined, section: number | undefined): string {
  return [
    part !== undefined ? `part_${part}` : '',
    chapter !== undefined ? `chp_${chapter}` : '',
    section !== undefined ? `sec_${section}` : '',
  ].reduce(joinIds, '');
}

function headingId(entry: OutlineEntry): string {
  if (entry.kind === 'part') return containerId(entry.number, undefined, undefined);
  if (entry.kind === 'chapter') return containerId(entry.part, entry.number, undefined);
  return containerId(entry.part, entry.chapter, entry.number);
}

function joinIds(prefix: string, id: string): string {
  return prefix && id ? `${prefix}__${id}` : prefix || id;
}

/// The eId of the (index+1)-th point of a container: a 款's 目 come first, then its 项.
function pointId(container: string, index: number): string {
  return `${container}__point_${index + 1}`;
}

/// A wId from a stored eid: only the characters of an XML name; it stays with the provision when
/// the numbers (and so the eIds) change.
function stableId(eid: string): string | undefined {
  const cleaned = eid.replace(/[^A-Za-z0-9_.-]/g, '_');
  if (!cleaned) return undefined;
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

function nodeXml(node: ExportNode, index: BodyIndex): string {
  if (node.kind === 'article') return articleXml(node.article, index);
  const { entry } = node;
  return el(entry.kind, { eId: headingId(entry), wId: stableId(entry.eid) }, lines(
    el('num', {}, text(entry.label)),
    entry.heading ? el('heading', {}, text(entry.heading)) : '',
    ...node.children.map((child) => nodeXml(child, index)),
  ));
}

function articleXml(article: ArticleJson, index: BodyIndex): string {
  const at = index.indexOf.get(article) ?? 0;
  const target = index.targets[at];
  const paragraphs = article.paragraphs.map((p, i) => paragraphXml(p, target.paragraphs[i].eId, { article: at, paragraph: i }, index));
  return el('article', { eId: target.eId, wId: stableId(article.eid) }, lines(el('num', {}, text(article.label)), ...paragraphs));
}

/// A 款: its text as `<content>`, or, when it has 项 or 目, as the `<intro>` of its points.
function paragraphXml(p: ParagraphJson, eId: string, place: Place, index: BodyIndex): string {
  const points = [...p.subitems, ...p.items];
  const ids = { eId, wId: stableId(p.eid) };
  if (points.length === 0) return el('paragraph', ids, contentXml(p.text, place, index));
  return el('paragraph', ids, lines(introXml(p.text, place, index), ...points.map((pt, k) => pointXml(pt, pointId(eId, k), place, index))));
}

/// A 项 or 目 with its label as `<num>`; its own 目 nest as points under it.
function pointXml(point: ItemJson | SubitemJson, eId: string, place: Place, index: BodyIndex): string {
  const num = el('num', {}, text(point.label));
  const ids = { eId, wId: stableId(point.eid) };
  if (point.subitems.length === 0) return el('point', ids, num + contentXml(point.text, place, index));
  const children = point.subitems.map((s, k) => pointXml(s, pointId(eId, k), place, index));
  return el('point', ids, lines(num, introXml(point.text, place, index), ...children));
}

function contentXml(words: string, place: Place, index: BodyIndex): string {
  return el('content', {}, el('p', {}, linkedText(words, place, index)));
}

function introXml(words: string, place: Place, index: BodyIndex): string {
  return words ? el('intro', {}, el('p', {}, linkedText(words, place, index))) : '';
}

/// Escaped text in which each citation of a provision of this text is a `<ref>` to its eId.
function linkedText(words: string, place: Place, index: BodyIndex): string {
  let out = '';
  let from = 0;
  for (const found of findCitations(words)) {
    const target = citationTarget(found.ref, place, index);
    if (!target) continue;
    out += text(words.slice(from, found.start)) + el('ref', { href: `#${target}` }, text(found.text));
    from = found.end;
  }
  return out + text(words.slice(from));
}

/// The eId a citation points at — the deepest of article, 款 and 项 that exists — or null for a
/// citation of another act, of a heading, or of a provision this text does not have.
function citationTarget(ref: CitationRef, place: Place, index: BodyIndex): string | null {
  const cited = citedProvision(ref, place, index);
  if (!cited) return null;
  const article = index.targets[cited.article];
  if (!article) return null;
  const paragraph = citedParagraph(article, cited.paragraph, ref.item);
  if (!paragraph) return article.eId;
  const item = ref.item !== undefined ? paragraph.items[ref.item - 1] : undefined;
  return item ?? paragraph.eId;
}

/// The 款 cited by number; for 第十四条第一项 (an item without its 款), the first 款 that has it.
function citedParagraph(article: ArticleTarget, paragraph: number | undefined, item: number | undefined): ArticleTarget['paragraphs'][number] | undefined {
  if (paragraph !== undefined) return article.paragraphs[paragraph - 1];
  return item !== undefined ? article.paragraphs.find((p) => p.items.length >= item) : undefined;
}

/// The article (index) and 款 (1-based) a citation names, read against where it stands.
function citedProvision(ref: CitationRef, place: Place, index: BodyIndex): { article: number; paragraph?: number } | null {
  if (ref.regulation !== undefined) return null;
  switch (ref.relative) {
    case 'this-article':
      return { article: place.article, paragraph: ref.paragraph };
    case 'previous-article':
      return place.article > 0 ? { article: place.article - 1, paragraph: ref.paragraph } : null;
    case 'this-paragraph':
      return { article: place.article, paragraph: place.paragraph + 1 };
    case 'previous-paragraph':
      return place.paragraph > 0 ? { article: place.article, paragraph: place.paragraph } : null;
    case undefined:
      break;
    default:
      return null;
  }
  if (ref.article !== undefined) {
    const article = index.byNumber.get(`${ref.article}-${ref.articleSub ?? 0}`);
    return article === undefined ? null : { article, paragraph: ref.paragraph };
  }
  // 第二款 / 第（一）项 without an article: of the article (and 款) the citation stands in.
  if (ref.self || ref.part !== undefined || ref.chapter !== undefined || ref.section !== undefined) return null;
  if (ref.paragraph !== undefined) return { article: place.article, paragraph: ref.paragraph };
  return ref.item !== undefined ? { article: place.article, paragraph: place.paragraph + 1 } : null;
}

// ——— XML ———

type Attributes = Record<string, string | undefined>;

/// An element; `content` is XML already (escape text with `text`). Without content it is empty.
function el(name: string, attributes: Attributes, content = ''): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  return content ? `<${name}${attrs}>${content}</${name}>` : `<${name}${attrs}/>`;
}

/// Block children, one per line (empty parts left out).
function lines(...parts: string[]): string {
  const kept = parts.filter((p) => p !== '');
  return kept.length ? `\n${kept.join('\n')}\n` : '';
}

/// Text safe as XML content: the special characters escaped, characters XML cannot carry dropped.
function text(words: string): string {
  return escapeXml(words);
}
