import type { Engine } from '@/db/engine';
import { isAppError } from '@/lib/errors';
import { articleText, compareTexts, findCitations, formatCitation, parseCitation, wordDiff, type ArticleJson, type CitationRef, type DiffToken } from '@/lib/legal-text';
import { articlePath, readRegulation, regulationPath, slugFor, type RegulationAtDate } from '@/lib/library';
import { todayInChina, type CitationStatus } from '@/lib/shared';

/// A citation in content, resolved against the law as in force on the content's date.
export interface ResolvedCitation {
  /// The words as written, e.g. 《东营市养犬管理条例》第十二条 or 前款.
  text: string;
  /// The standard citation string of what it resolved to.
  citation: string | null;
  regulationId: string | null;
  slug: string | null;
  eid: string | null;
  /// The date the law was read at (the content's date).
  at: string;
  status: CitationStatus;
  /// Where it links to (the provision as in force on `at`); null when unresolved.
  href: string | null;
  /// The cited article's text as in force on `at` (its label first), to show in place.
  quote?: string;
  /// Why nothing was found: no such regulation in the library, no such article, no context.
  reason?: 'regulation_unknown' | 'provision_missing' | 'no_context';
  /// For an amended or repealed provision: since when, and the article's text then and now.
  change?: { on: string; before: string; after: string | null; tokens: DiffToken[] };
}

/// What a piece of content's citations are read against.
export interface CitationContext {
  asOf: string;
  /// The regulations it concerns; the first is the one 本条例 and bare article numbers mean.
  regulationIds: string[];
}

type Comparison = ReturnType<typeof compareTexts>;

/// The regulations resolvers have read, by id or slug, date and today: one set may serve the
/// resolvers of many pieces of content read together.
export type RegulationReads = Map<string, Promise<RegulationAtDate | null>>;
export const regulationReads = (): RegulationReads => new Map();

/// Resolves citations one after another, in the order they are asked for: a relative one (前款,
/// 本条) is read against the last provision resolved before it. Calls made together (without
/// awaiting each) still resolve in the order made. Each regulation is read once per resolver, or
/// once per `cache` shared by several.
export function citationResolver(engine: Engine, ctx: CitationContext, today: string = todayInChina(), cache: RegulationReads = regulationReads()): (text: string, ref?: CitationRef | null) => Promise<ResolvedCitation> {
  const read = (idOrSlug: string, at: string): Promise<RegulationAtDate | null> => {
    const key = `${idOrSlug}@${at}@${today}`;
    let found = cache.get(key);
    if (!found) {
      found = readRegulation(engine, idOrSlug, { at, today }).catch((e: unknown) => {
        if (!isAppError(e)) throw e;
        return null;
      });
      cache.set(key, found);
    }
    return found;
  };
  // The comparison of two texts, made once per pair of versions however many articles are cited.
  const comparisons = new Map<string, Comparison>();
  const compare = (then: RegulationAtDate, now: RegulationAtDate): Comparison => {
    const key = `${then.version.id}>${now.version.id}`;
    let found = comparisons.get(key);
    if (!found) comparisons.set(key, (found = compareTexts(then.text, now.text)));
    return found;
  };
  let last: { regulationId: string; article: ArticleJson; paragraph?: number } | null = null;
  const unresolved = (text: string, reason: ResolvedCitation['reason']): ResolvedCitation => ({ text, citation: null, regulationId: null, slug: null, eid: null, at: ctx.asOf, status: 'unresolved', href: null, reason });

  const resolve = async (text: string, ref: CitationRef | null): Promise<ResolvedCitation> => {
    if (!ref) return unresolved(text, 'provision_missing');
    let regulationId: string | null;
    let number = ref.article;
    let sub = ref.articleSub;
    let paragraph = ref.paragraph;
    if (ref.relative) {
      if (!last) return unresolved(text, 'no_context');
      regulationId = last.regulationId;
      number = last.article.number;
      sub = last.article.sub;
      if (ref.relative === 'previous-article') number = last.article.number - 1;
      // 前款 is the 款 before the one last cited; after a whole article it names nothing certain.
      if (ref.relative === 'previous-paragraph') {
        if (last.paragraph === undefined) return unresolved(text, 'no_context');
        paragraph = last.paragraph - 1;
      }
      if (ref.relative === 'this-paragraph') paragraph = last.paragraph;
    } else if (ref.regulation) {
      regulationId = (await read(slugFor(ref.regulation), ctx.asOf))?.regulation.id ?? null;
      if (!regulationId) return unresolved(text, 'regulation_unknown');
    } else {
      regulationId = ctx.regulationIds[0] ?? null;
      if (!regulationId) return unresolved(text, 'no_context');
    }
    const then = await read(regulationId, ctx.asOf);
    if (!then) return unresolved(text, 'regulation_unknown');
    const base = { text, regulationId, slug: then.regulation.slug, at: ctx.asOf };
    if (number === undefined) {
      // A chapter or the whole regulation: linked to the regulation as it then stood.
      const now = await read(regulationId, today);
      const status: CitationStatus = now?.repealed && now.repealed.on > ctx.asOf ? 'repealed' : 'current';
      return { ...base, citation: `《${then.regulation.title}》`, eid: null, status, href: `${regulationPath(then.regulation.slug)}?at=${ctx.asOf}` };
    }
    const article = then.text.articles.find((a) => a.number === number && (a.sub ?? 0) === (sub ?? 0));
    if (!article || (paragraph !== undefined && (paragraph < 1 || paragraph > article.paragraphs.length))) return unresolved(text, 'provision_missing');
    last = { regulationId, article, paragraph };
    const citation = formatCitation({ ...ref, relative: undefined, self: undefined, regulation: undefined, article: number, articleSub: sub, paragraph }, { title: then.regulation.title });
    const href = `${articlePath(then.regulation.slug, article)}?at=${ctx.asOf}`;
    return { ...base, citation, eid: article.eid, href, quote: `${article.label}　${articleText(article)}`, ...standing(await read(regulationId, today), article, then, compare) };
  };
  // Each call waits for the one before, since a relative citation reads what that one resolved.
  let queue: Promise<unknown> = Promise.resolve();
  return (text, ref = parseCitation(text)) => {
    const next = queue.then(() => resolve(text, ref));
    queue = next.catch(() => undefined);
    return next;
  };
}

/// How an article read on the content's date stands today: repealed with its regulation,
/// amended (changed or deleted by a version in force since), or current. The article is followed
/// into today's text by content (versions imported separately do not share eids); a change that
/// only renumbers its references does not count.
function standing(now: RegulationAtDate | null, article: ArticleJson, then: RegulationAtDate, compare: (then: RegulationAtDate, now: RegulationAtDate) => Comparison): Pick<ResolvedCitation, 'status' | 'change'> {
  if (!now) return { status: 'current' };
  if (now.repealed && now.repealed.on > then.at) return { status: 'repealed', change: { on: now.repealed.on, before: articleText(article), after: null, tokens: [] } };
  if (now.version.id === then.version.id) return { status: 'current' };
  const row = compare(then, now).articles.find((r) => r.before?.eid === article.eid);
  if (!row || row.change === 'unchanged' || row.change === 'renumbered' || row.referencesOnly) return { status: 'current' };
  const before = articleText(article);
  const after = row.after?.text ?? null;
  return { status: 'amended', change: { on: now.version.effectiveOn ?? now.at, before, after, tokens: row.tokens ?? (after === null ? [] : wordDiff(before, after)) } };
}

/// Every citation in a text, resolved in order.
export async function resolveCitations(engine: Engine, text: string, ctx: CitationContext, today: string = todayInChina(), reads?: RegulationReads): Promise<ResolvedCitation[]> {
  const resolve = citationResolver(engine, ctx, today, reads);
  const resolved: ResolvedCitation[] = [];
  for (const f of findCitations(text)) resolved.push(await resolve(f.text, f.ref));
  return resolved;
}
