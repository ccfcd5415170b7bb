import { applyAmendmentsBody } from './applyAmendmentsBody';
import { insertChapter, removeChapter } from './applyAmendmentsChapter';
import { editPhrase, editPhraseThroughout, Failure, itemLines, paragraphLines, type Line } from './applyAmendmentsPhrase';
import { applyAmendmentsQuote, applyAmendmentsQuoteItems } from './applyAmendmentsQuote';
import type { ConsolidationProblem, Operation, PhraseScope } from './consolidateModel';
import { articleLabel, itemLabel, paragraphLabel } from './labels';
import type { Article, BodyNode, Chapter, HeadingNode, Item, Paragraph, Subitem } from './model';
import { numberText, type NumberedArticle } from './numberText';
import { toChineseCount } from './numerals';
import { renumberReferences } from './renumberReferences';
import { toParseJson, type ParseJson } from './toParseJson';

/// What applying a decision's operations gives: the consolidated text, the operations applied
/// and those that could not be, each with the reason.
export interface AppliedAmendments {
  text: ParseJson;
  applied: Operation[];
  problems: ConsolidationProblem[];
}

/// Placement of an article that is not where the old text had it.
interface Placement {
  article: Article;
  position: number;
  op: number;
}

/// Applies a decision's operations, in order, to the text they amend, and numbers the result
/// again from position. Article, 款 and 项 numbers in the operations name the provisions of the
/// text before the decision, however earlier operations moved them; `position` of an added or
/// moved article is the number it has in the consolidated text. Surviving articles keep their
/// eids; an added article gets `art_new_1`, `art_new_2` … in the order of the decision (a number
/// already used in the text, say by an earlier consolidation, is skipped), and its 款 are named
/// under it; a new 款 in an existing article gets `<article eid>__para_new_1` …, a new 项
/// `<款 eid>__item_new_1` …, a new chapter `chp_new_1` …. An added or moved article joins the
/// chapter of the article before it (the first article's, when it comes first); the articles of
/// an added chapter stay in it. An operation that cannot be applied is reported and the others
/// still are, and leaves the text as it was: one found wrong only once the text is placed and
/// numbered (an article placed past the end, an added chapter's first article numbered otherwise)
/// is left out and the others applied again without it. Two operations placing an article on
/// the same number (作为第N条) conflict: the later is reported, as an article moved twice is.
export function applyAmendments(text: ParseJson, operations: Operation[]): AppliedAmendments {
  return applyLeavingOut(text, operations, new Map());
}

/// `applyAmendments` with the operations of `left` (by index) left out, reported with their problem.
function applyLeavingOut(text: ParseJson, operations: Operation[], left: Map<number, ConsolidationProblem>): AppliedAmendments {
  const doc = applyAmendmentsBody(text);
  const numbering = numberText(doc.body);
  const byNumber = new Map<number, Article>();
  for (const n of numbering.articles) if (n.sub === undefined) byNumber.set(n.number, n.article);
  const containerOf = new Map<Article, BodyNode[]>();
  const used = new Set<string>();
  collect(doc.body, containerOf, used);
  const originalParagraphs = new Map(numbering.articles.map((n) => [n.article, [...n.article.paragraphs]]));
  const originalItems = new Map<Paragraph, Item[]>();
  for (const paragraphs of originalParagraphs.values()) for (const p of paragraphs) originalItems.set(p, [...p.items]);

  const fresh = (base: string) => {
    let k = 1;
    while (used.has(`${base}${k}`)) k++;
    used.add(`${base}${k}`);
    return `${base}${k}`;
  };
  const deleted = new Set<Article>();
  const anchored = new Map<Article, Article[]>();
  /// Added articles that come before every other (a chapter added as the first).
  const leading: Article[] = [];
  /// Added chapters whose first article must come out with the number the decision gives it.
  const numbered: { index: number; article: Article; position: number }[] = [];
  const pinned: Placement[] = [];
  const ok = new Set<number>();
  /// The numbers added and moved articles are placed on (作为第N条): each by one operation.
  const claimed = new Set<number>();
  const unclaimed = (position: number) => {
    if (claimed.has(position)) throw new Failure('position_out_of_range', `前面的修改已将一条作为${articleLabel(position)}`);
  };
  /// Articles whose words the decision rewrote: it wrote their citations too.
  const touched = new Set<Article>();
  /// In the order of the operations (those left out included, each at its own place).
  const problems: ConsolidationProblem[] = [];

  const article = (n: number): Article => {
    const found = byNumber.get(n);
    if (!found || deleted.has(found)) throw new Failure('article_not_found', `没有${articleLabel(n)}（或已删去）`);
    return found;
  };
  const paragraph = (a: Article, n: number): Paragraph => {
    const found = originalParagraphs.get(a)?.[n - 1];
    if (!found || !a.paragraphs.includes(found)) throw new Failure('paragraph_not_found', `该条没有${paragraphLabel(n)}（或已删去、已改写）`);
    return found;
  };
  const item = (p: Paragraph, n: number): Item => {
    const found = originalItems.get(p)?.[n - 1];
    if (!found || !p.items.includes(found)) throw new Failure('item_not_found', `该款没有第${itemLabel(n)}项（或已删去）`);
    return found;
  };
  const quote = (body: string, eidOf: (k: number) => string): Paragraph[] => {
    const paragraphs = applyAmendmentsQuote(body, eidOf);
    if (!paragraphs) throw new Failure('bad_quoted_text', '引号中的条文为空，或含有条、章等标题行');
    return paragraphs;
  };
  const newArticle = (body: string, inserted = false): Article => {
    const eid = fresh('art_new_');
    return { kind: 'article', eid, ...(inserted ? { inserted: true as const } : {}), paragraphs: quote(body, (k) => `${eid}__para_${k + 1}`) };
  };
  /// The 款 a 项 is cited in: the one named, or, when none is (第十条第（二）项), the one 款 of the
  /// article that has items (its only 款, when none has yet).
  const itemParagraph = (a: Article, n: number | undefined): Paragraph => {
    if (n !== undefined) return paragraph(a, n);
    const live = (originalParagraphs.get(a) ?? []).filter((p) => a.paragraphs.includes(p));
    const listing = live.filter((p) => (originalItems.get(p)?.length ?? 0) > 0);
    if (listing.length > 1) throw new Failure('paragraph_not_found', `该条有${toChineseCount(listing.length)}款列有项，须写明是第几款的项`);
    if (listing.length === 0 && live.length !== 1) throw new Failure('item_not_found', '该条没有列项的款');
    return listing[0] ?? live[0];
  };
  const items = (body: string, eidOf: (k: number) => string): Item[] => {
    const read = applyAmendmentsQuoteItems(body, eidOf);
    if (!read) throw new Failure('bad_quoted_text', '引号中的文字不是一项或几项');
    return read;
  };
  const lines = (scope: PhraseScope): Line[] => {
    const a = article(scope.article);
    if (scope.paragraph === undefined && scope.item === undefined) return a.paragraphs.flatMap(paragraphLines);
    const p = itemParagraph(a, scope.paragraph);
    if (scope.item === undefined) return paragraphLines(p);
    const i = item(p, scope.item);
    return itemLines(i, p.items.indexOf(i));
  };
  /// The lines of each scope of a phrase operation over several scopes, or over the whole text
  /// (the articles of the text before the decision that are still in it).
  const scopeLines = (scopes: PhraseScope[] | 'text') => (scopes === 'text'
    ? [{ name: '全文', lines: numbering.articles.filter((n) => !deleted.has(n.article)).flatMap((n) => n.article.paragraphs.flatMap(paragraphLines)) }]
    : scopes.map((scope) => ({ name: scopeName(scope), lines: lines(scope) })));

  operations.forEach((op, index) => {
    const leaving = left.get(index);
    if (leaving) {
      problems.push(leaving);
      return;
    }
    try {
      switch (op.kind) {
        case 'replaceArticle': {
          const a = article(op.article);
          const old = a.paragraphs;
          a.paragraphs = quote(op.text, (k) => old[k]?.eid ?? fresh(`${a.eid}__para_new_`));
          break;
        }
        case 'replaceParagraph': {
          const a = article(op.article);
          const p = paragraph(a, op.paragraph);
          a.paragraphs.splice(a.paragraphs.indexOf(p), 1, ...quote(op.text, (k) => (k === 0 ? p.eid : fresh(`${a.eid}__para_new_`))));
          break;
        }
        case 'deleteArticle':
          deleted.add(article(op.article));
          break;
        case 'deleteParagraph': {
          const a = article(op.article);
          a.paragraphs.splice(a.paragraphs.indexOf(paragraph(a, op.paragraph)), 1);
          break;
        }
        case 'deleteItem': {
          const p = paragraph(article(op.article), op.paragraph);
          p.items.splice(p.items.indexOf(item(p, op.item)), 1);
          break;
        }
        case 'addArticle': {
          const anchor = op.after === undefined ? undefined : article(op.after);
          unclaimed(op.position);
          const added = newArticle(op.text);
          claimed.add(op.position);
          if (anchor) anchored.set(anchor, [...(anchored.get(anchor) ?? []), added]);
          else {
            pinned.push({ article: added, position: op.position, op: index });
            return;
          }
          break;
        }
        case 'addParagraph': {
          const a = article(op.article);
          if (op.paragraph < 1) throw new Failure('paragraph_not_found', '款从第一款数起，不能增加第零款');
          if (op.paragraph > a.paragraphs.length + 1) throw new Failure('paragraph_not_found', `该条不能增加${paragraphLabel(op.paragraph)}`);
          a.paragraphs.splice(op.paragraph - 1, 0, ...quote(op.text, () => fresh(`${a.eid}__para_new_`)));
          break;
        }
        case 'replacePhrase':
          editPhrase(lines(op.scope), op.phrase, (line, at) => line.slice(0, at) + op.replacement + line.slice(at + op.phrase.length));
          break;
        case 'deletePhrase':
          editPhrase(lines(op.scope), op.phrase, (line, at) => line.slice(0, at) + line.slice(at + op.phrase.length));
          break;
        case 'insertPhrase':
          editPhrase(lines(op.scope), op.anchor, (line, at) => {
            const cut = op.side === 'after' ? at + op.anchor.length : at;
            return line.slice(0, cut) + op.text + line.slice(cut);
          });
          break;
        case 'moveArticle': {
          const a = article(op.article);
          if (pinned.some((p) => p.article === a)) throw new Failure('article_not_found', `${articleLabel(op.article)}已经移动过`);
          unclaimed(op.position);
          claimed.add(op.position);
          pinned.push({ article: a, position: op.position, op: index });
          return;
        }
        case 'renameHeading':
          findHeading(numbering.headings, op).heading = op.name;
          break;
        case 'renumberNote':
          break;
        case 'replaceItem': {
          const p = itemParagraph(article(op.article), op.paragraph);
          const old = item(p, op.item);
          p.items.splice(p.items.indexOf(old), 1, ...items(op.text, (k) => (k === 0 ? old.eid : fresh(`${p.eid}__item_new_`))));
          break;
        }
        case 'addItem': {
          const p = itemParagraph(article(op.article), op.paragraph);
          const at = op.after === undefined ? op.item - 1 : p.items.indexOf(item(p, op.after)) + 1;
          if (op.item < 1) throw new Failure('position_out_of_range', '项从第（一）项数起，不能增加第（零）项');
          if (op.item - 1 !== at || at > p.items.length) throw new Failure('position_out_of_range', `该款不能增加第${itemLabel(op.item)}项`);
          p.items.splice(at, 0, ...items(op.text, () => fresh(`${p.eid}__item_new_`)));
          break;
        }
        case 'deleteArticleItem': {
          const p = itemParagraph(article(op.article), undefined);
          p.items.splice(p.items.indexOf(item(p, op.item)), 1);
          break;
        }
        case 'replacePhraseThroughout':
          editPhraseThroughout(scopeLines(op.scopes), op.phrase, () => op.replacement);
          break;
        case 'deletePhraseThroughout':
          editPhraseThroughout(scopeLines(op.scopes), op.phrase, () => '');
          break;
        case 'insertPhraseThroughout':
          editPhraseThroughout(scopeLines(op.scopes), op.anchor, (a) => (op.side === 'after' ? a + op.text : op.text + a));
          break;
        case 'addSubArticle': {
          // After 第X条 and its 之一, 之二 … (those of the old text, then those added).
          const main = article(op.after);
          const subs = numbering.articles.filter((n) => n.number === op.after && n.sub !== undefined && !deleted.has(n.article)).map((n) => n.article);
          const anchor = subs[subs.length - 1] ?? main;
          const following = anchored.get(anchor) ?? [];
          const inserted = following.filter((a) => a.inserted).length;
          if (op.sub !== subs.length + inserted + 1) throw new Failure('position_out_of_range', `${articleLabel(op.after)}之后应增加的是${articleLabel(op.after, subs.length + inserted + 1)}`);
          anchored.set(anchor, [...following.slice(0, inserted), newArticle(op.text, true), ...following.slice(inserted)]);
          break;
        }
        case 'addChapter': {
          const anchor = op.after === undefined ? undefined : article(op.after);
          if (!anchor && op.articles.length === 0) throw new Failure('bad_quoted_text', '增加的章中没有条文');
          const added = op.articles.map((body) => newArticle(body));
          const chapter: Chapter = { kind: 'chapter', eid: fresh('chp_new_'), heading: op.name, children: [] };
          const previous = insertChapter(doc.body, containerOf, chapter, op.chapter, anchor, added);
          if (previous) anchored.set(previous, [...(anchored.get(previous) ?? []), ...added]);
          else leading.push(...added);
          if (op.position !== undefined && added.length > 0) numbered.push({ index, article: added[0], position: op.position });
          break;
        }
        case 'deleteChapter':
          for (const a of removeChapter(doc.body, findHeading(numbering.headings, { heading: 'chapter', chapter: op.chapter, part: op.part }) as Chapter)) deleted.add(a);
          break;
      }
      ok.add(index);
      const rewritten = 'scope' in op ? op.scope.article : 'article' in op && op.kind !== 'deleteArticle' ? op.article : undefined;
      if (rewritten !== undefined) touched.add(byNumber.get(rewritten)!);
    } catch (error) {
      if (!(error instanceof Failure)) throw error;
      problems.push(problemOf(op, error));
    }
  });

  // The final order: the old articles that stay, each followed by those added after it, then
  // the articles placed by number, in ascending order so each lands on its number. What is found
  // wrong from here on has changed the text: the first such operation is left out and all applied again.
  const late = new Map<number, ConsolidationProblem>();
  const moved = new Set(pinned.map((p) => p.article));
  const order: Article[] = [];
  const follow = (a: Article) => {
    if (!deleted.has(a) && !moved.has(a)) order.push(a);
    (anchored.get(a) ?? []).forEach(follow);
  };
  leading.forEach(follow);
  numbering.articles.forEach((n) => follow(n.article));
  for (const p of [...pinned].sort((x, y) => x.position - y.position || x.op - y.op)) {
    if (p.position > order.length + 1) {
      late.set(p.op, problemOf(operations[p.op], new Failure('position_out_of_range', `修改后只有${order.length + 1}条，不能作为${articleLabel(p.position)}`)));
      continue;
    }
    order.splice(p.position - 1, 0, p.article);
    ok.add(p.op);
  }
  place(doc.body, order, containerOf, new Set([...deleted, ...moved]));
  const renumbered = numberText(doc.body).articles;
  for (const { index, article: a, position } of numbered) {
    const now = renumbered.find((n) => n.article === a);
    if (now?.number === position && now.sub === undefined) continue;
    late.set(index, problemOf(operations[index], new Failure('position_out_of_range', `增加的章的第一条成了${now?.label ?? '（已删去）'}，而不是${articleLabel(position)}`)));
  }
  if (late.size > 0) {
    const first = Math.min(...late.keys());
    return applyLeavingOut(text, operations, new Map([...left, [first, late.get(first)!]]));
  }
  followRenumbering(numbering.articles, renumbered, touched);
  doc.warnings = [];
  return {
    text: toParseJson(doc),
    applied: operations.filter((_, i) => ok.has(i)),
    problems,
  };
}

function problemOf(op: Operation, failure: Failure): ConsolidationProblem {
  return { code: failure.code, clause: op.clause, text: op.sentence, clauseText: op.sentence, message: failure.message };
}

function scopeName(scope: PhraseScope): string {
  return `${articleLabel(scope.article)}${scope.paragraph !== undefined ? paragraphLabel(scope.paragraph) : ''}${scope.item !== undefined ? `第${itemLabel(scope.item)}项` : ''}`;
}

/// Maps each article to the list it is in, and gathers the eids of articles, 款 and 项 (and of
/// the headings), which new ones must not take. The eids of 目 (…__subitem_N) are not gathered:
/// `fresh` only makes eids ending in _new_N, which no 目 has.
function collect(nodes: BodyNode[], containerOf: Map<Article, BodyNode[]>, used: Set<string>): void {
  for (const node of nodes) {
    used.add(node.eid);
    if (node.kind !== 'article') {
      collect(node.children as BodyNode[], containerOf, used);
      continue;
    }
    containerOf.set(node, nodes);
    for (const p of node.paragraphs) {
      used.add(p.eid);
      for (const i of p.items) used.add(i.eid);
    }
  }
}

function findHeading(
  headings: ReturnType<typeof numberText>['headings'], op: { heading: HeadingNode['kind']; part?: number; chapter?: number; section?: number },
): HeadingNode {
  const matches = headings.filter((h) =>
    h.kind === op.heading
    && h.number === (op.heading === 'part' ? op.part : op.heading === 'chapter' ? op.chapter : op.section)
    && (op.part === undefined || op.heading === 'part' || h.part === op.part)
    && (op.heading !== 'section' || op.chapter === undefined || h.chapter === op.chapter));
  if (matches.length === 0) throw new Failure('heading_not_found', '没有这一标题');
  if (matches.length > 1) throw new Failure('heading_ambiguous', '有多个同号的标题，须写明所在的编（章）');
  return matches[0].node;
}

/// Puts the articles into the body in `order`: those that leave their place are taken out, and
/// each article not yet in the body goes in right after the one before it in `order` (before
/// the one after it, when it comes first).
function place(body: BodyNode[], order: Article[], containerOf: Map<Article, BodyNode[]>, leaving: Set<Article>): void {
  for (const a of leaving) {
    const siblings = containerOf.get(a);
    if (!siblings) continue;
    siblings.splice(siblings.indexOf(a), 1);
    containerOf.delete(a);
  }
  const fallback = containerOf.values().next().value ?? body;
  order.forEach((a, j) => {
    if (containerOf.has(a)) return;
    const previous = j > 0 ? order[j - 1] : undefined;
    const next = order.slice(j + 1).find((x) => containerOf.has(x));
    const siblings = previous ? containerOf.get(previous)! : next ? containerOf.get(next)! : fallback;
    const at = previous ? siblings.indexOf(previous) + 1 : next ? siblings.indexOf(next) : siblings.length;
    siblings.splice(at, 0, a);
    containerOf.set(a, siblings);
  });
}

/// Rewrites the citations (依照本条例第十三条) in the articles the decision left alone so that
/// they follow the articles they cite to their new numbers (此外，对条文顺序作相应调整).
function followRenumbering(before: NumberedArticle[], after: NumberedArticle[], touched: Set<Article>): void {
  // Citations of 第X条 name main articles: only those give the old → new numbers. The articles
  // rewritten are every article still in the text, 之一 articles included.
  const now = new Map(after.filter((n) => n.sub === undefined).map((n) => [n.article, n.number]));
  const present = new Set(after.map((n) => n.article));
  const numbers = new Map<number, number>();
  for (const n of before) {
    const number = now.get(n.article);
    if (n.sub === undefined && number !== undefined && number !== n.number) numbers.set(n.number, number);
  }
  if (numbers.size === 0) return;
  const follow = (t: string) => renumberReferences(t, numbers);
  const subitems = (list: Subitem[]) => list.forEach((s) => {
    s.text = follow(s.text);
    subitems(s.subitems);
  });
  for (const { article } of before) {
    if (touched.has(article) || !present.has(article)) continue;
    for (const p of article.paragraphs) {
      p.text = follow(p.text);
      subitems(p.subitems);
      for (const i of p.items) {
        i.text = follow(i.text);
        subitems(i.subitems);
      }
    }
  }
}
