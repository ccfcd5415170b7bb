import { itemLabel, subitemLabel } from './labels';
import type { Article, BodyNode, HeadingNode, Item, Paragraph, RegulationText, Subitem } from './model';
import { numberText, type TextNumbering } from './numberText';
import { escapeHtml } from '@/lib/shared/escapeMarkup';

/// The output formats of `renderRegulation`.
export type RenderFormat = 'md' | 'txt' | 'html';

const INFO_END = '<!-- INFO END -->';

/// Renders a parsed text in the given format; every number and label is derived from position.
export function renderRegulation(doc: RegulationText, format: RenderFormat): string {
  if (format === 'html') return renderHtml(doc);
  return format === 'md' ? renderMarkdown(doc) : renderPlainText(doc);
}

/// Markdown in the corpus's style: `# title`, header lines, the INFO END marker, `##` chapters,
/// `###` sections, and one block per article paragraph, item and sub-item.
export function renderMarkdown(doc: RegulationText): string {
  const numbering = numberText(doc.body);
  const hasParts = doc.body.some((n) => n.kind === 'part');
  const hashes = { part: '##', chapter: hasParts ? '###' : '##', section: hasParts ? '####' : '###' };
  const blocks: string[] = [];
  if (doc.title) blocks.push(`# ${doc.title}`);
  blocks.push(...doc.info, INFO_END);
  walkBody(doc.body, numbering, {
    heading: (node, label) => blocks.push(`${hashes[node.kind]} ${joinHeading(label, node.heading, ' ')}`),
    article: (article, label) => blocks.push(...articleLines(article, label, ' ')),
  });
  return `${blocks.join('\n\n')}\n`;
}

/// Plain text as a person would paste it: title, header lines, `第一章　总则` headings and
/// `第一条　…` articles, each unit on its own line with a blank line between units.
export function renderPlainText(doc: RegulationText): string {
  const numbering = numberText(doc.body);
  const blocks: string[] = [];
  if (doc.title) blocks.push(doc.title);
  blocks.push(...doc.info);
  walkBody(doc.body, numbering, {
    heading: (node, label) => blocks.push(joinHeading(label, node.heading, '\u3000')),
    article: (article, label) => blocks.push(...articleLines(article, label, '\u3000')),
  });
  return `${blocks.join('\n\n')}\n`;
}

/// Semantic HTML: `<section class="chapter">` with an `<h2>`, `<article id="{eid}">` with the
/// label in `<span class="article-label">`, items and sub-items as ordered lists. All text is
/// escaped.
export function renderHtml(doc: RegulationText): string {
  const numbering = numberText(doc.body);
  const hasParts = doc.body.some((n) => n.kind === 'part');
  const levels = { part: 2, chapter: hasParts ? 3 : 2, section: hasParts ? 4 : 3 };
  const out: string[] = ['<div class="regulation">'];
  if (doc.title) out.push(`<h1 class="regulation-title">${escapeHtml(doc.title)}</h1>`);
  if (doc.info.length > 0) {
    out.push(`<div class="regulation-info">${doc.info.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</div>`);
  }
  walkBody(doc.body, numbering, {
    heading: (node, label) => {
      const h = `h${levels[node.kind]}`;
      const words = node.heading ? ` ${escapeHtml(node.heading)}` : '';
      out.push(`<section class="${node.kind}" id="${escapeHtml(node.eid)}">`);
      out.push(`<${h}><span class="${node.kind}-label">${label}</span>${words}</${h}>`);
    },
    leave: () => out.push('</section>'),
    article: (article, label) => out.push(articleHtml(article, label)),
  });
  out.push('</div>');
  return `${out.join('\n')}\n`;
}

interface Visitor {
  heading: (node: HeadingNode, label: string) => void;
  leave?: (node: HeadingNode) => void;
  article: (article: Article, label: string) => void;
}

function walkBody(nodes: BodyNode[], numbering: TextNumbering, visitor: Visitor): void {
  const labels = new Map<object, string>();
  for (const a of numbering.articles) labels.set(a.article, a.label);
  for (const h of numbering.headings) labels.set(h.node, h.label);
  const visit = (list: BodyNode[]): void => {
    for (const node of list) {
      const label = labels.get(node) ?? '';
      if (node.kind === 'article') {
        visitor.article(node, label);
        continue;
      }
      visitor.heading(node, label);
      visit(node.children);
      visitor.leave?.(node);
    }
  };
  visit(nodes);
}

function joinHeading(label: string, heading: string, space: string): string {
  return heading ? `${label}${space}${heading}` : label;
}

function articleLines(article: Article, label: string, space: string): string[] {
  const lines: string[] = [];
  article.paragraphs.forEach((paragraph, i) => {
    lines.push(i === 0 ? joinHeading(label, paragraph.text, space) : paragraph.text);
    lines.push(...subitemLines(paragraph.subitems, 'dot'));
    paragraph.items.forEach((item, k) => {
      lines.push(`${itemLabel(k + 1)}${item.text}`);
      lines.push(...subitemLines(item.subitems, 'dot'));
    });
  });
  return lines;
}

function subitemLines(subitems: Subitem[], level: 'dot' | 'paren'): string[] {
  return subitems.flatMap((s, k) => [
    `${subitemLabel(k + 1, s.style ?? level)}${s.text}`,
    ...subitemLines(s.subitems, 'paren'),
  ]);
}

function articleHtml(article: Article, label: string): string {
  const paragraphs = article.paragraphs.map((p, i) => paragraphHtml(p, i === 0 ? label : ''));
  return `<article class="article" id="${escapeHtml(article.eid)}">${paragraphs.join('')}</article>`;
}

function paragraphHtml(paragraph: Paragraph, label: string): string {
  const lead = label ? `<span class="article-label">${label}</span> ` : '';
  return [
    `<p class="paragraph" id="${escapeHtml(paragraph.eid)}">${lead}${escapeHtml(paragraph.text)}</p>`,
    subitemsHtml(paragraph.subitems, 'dot'),
    itemsHtml(paragraph.items),
  ].join('');
}

function itemsHtml(items: Item[]): string {
  if (items.length === 0) return '';
  const lis = items.map(
    (item, k) =>
      `<li class="item" id="${escapeHtml(item.eid)}"><span class="item-label">${itemLabel(k + 1)}</span>` +
      `${escapeHtml(item.text)}${subitemsHtml(item.subitems, 'dot')}</li>`,
  );
  return `<ol class="items">${lis.join('')}</ol>`;
}

function subitemsHtml(subitems: Subitem[], level: 'dot' | 'paren'): string {
  if (subitems.length === 0) return '';
  const lis = subitems.map(
    (s, k) =>
      `<li class="subitem" id="${escapeHtml(s.eid)}"><span class="subitem-label">${subitemLabel(k + 1, s.style ?? level)}</span>` +
      `${escapeHtml(s.text)}${subitemsHtml(s.subitems, 'paren')}</li>`,
  );
  return `<ol class="subitems">${lis.join('')}</ol>`;
}
