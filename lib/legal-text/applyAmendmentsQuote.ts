import { buildTree, type BodyUnit } from './buildTree';
import { classifyLine } from './classifyLine';
import type { Article, Item, Paragraph, Subitem } from './model';

/// Reads the quoted text of a 修改决定 (one line per 款, 项 and 目, as `articleText` writes an
/// article) into 款 with their 项 and 目, using the parser's own line classes and tree builder.
/// `eidOf(k)` names the k-th 款 (from 0); 项 and 目 are named under it. Returns null when the
/// quote holds no words or a line a 款 cannot hold (a 第X条 or a 第X章 heading).
export function applyAmendmentsQuote(quote: string, eidOf: (k: number) => string): Paragraph[] | null {
  const lines = quote.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return null;
  const units: BodyUnit[] = [];
  for (const [k, raw] of lines.entries()) {
    const cls = classifyLine(raw);
    if (cls.kind === 'heading' || cls.kind === 'article' || cls.kind === 'marker' || cls.kind === 'otherHeading') return null;
    if (k === 0) {
      // The first line opens the article; a quote that starts with a 项 gets an empty first 款.
      units.push({ kind: 'article', line: 1, number: 1, text: cls.kind === 'text' ? cls.text : '' });
      if (cls.kind === 'text') continue;
    }
    if (cls.kind === 'item' || cls.kind === 'subitem') units.push({ ...cls, line: k + 1 });
    else if (cls.kind === 'text') units.push({ kind: 'text', line: k + 1, text: cls.text });
  }
  const article = buildTree(units).body[0] as Article;
  return article.paragraphs.map((p, k) => renameParagraph(p, eidOf(k)));
}

/// Reads the quote of one or more 项 (each with its 目) into 项; the first may be written without
/// its label (将第四条第（二）项修改为：“……”), and the labels written are dropped, numbers coming
/// from position. `eidOf(k)` names the k-th 项. Null when the quote holds anything but 项.
export function applyAmendmentsQuoteItems(quote: string, eidOf: (k: number) => string): Item[] | null {
  const lines = quote.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return null;
  const labelled = classifyLine(lines[0]).kind === 'item' ? lines : [`（一）${lines[0].trim()}`, ...lines.slice(1)];
  const paragraphs = applyAmendmentsQuote(labelled.join('\n'), () => '');
  // The first line is a 项 (labelled above when it was not), so the first 款 has no words of its
  // own and its 目 go under that 项: it holds 项 only. A line of plain words opens a second 款.
  if (paragraphs?.length !== 1) return null;
  return paragraphs[0].items.map((item, i) => renameItem(item, eidOf(i)));
}

/// Gives a 款 and everything under it eids derived from `eid`.
function renameParagraph(p: Paragraph, eid: string): Paragraph {
  return {
    ...p,
    eid,
    subitems: p.subitems.map((s, k) => renameSubitem(s, `${eid}__subitem_${k + 1}`)),
    items: p.items.map((item, i) => renameItem(item, `${eid}__item_${i + 1}`)),
  };
}

function renameItem(item: Item, eid: string): Item {
  return { ...item, eid, subitems: item.subitems.map((s, k) => renameSubitem(s, `${eid}__subitem_${k + 1}`)) };
}

function renameSubitem(s: Subitem, eid: string): Subitem {
  return { ...s, eid, subitems: s.subitems.map((c, k) => renameSubitem(c, `${eid}__subitem_${k + 1}`)) };
}
