import MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/// A stretch of one text node that names a provision: `text` is `source.slice(start, end)`.
export interface CitationMatch {
  text: string;
  start: number;
  end: number;
}

/// Where a citation leads: `ok` becomes a link, `unresolved` a marked span with `title` as the reason.
export interface CitationLink {
  href: string;
  title?: string;
  state: 'ok' | 'unresolved';
}

/// How the renderer finds citations in running text and what each one links to; without both,
/// no citation is marked.
export interface RenderMarkdownOptions {
  linkCitation?: (match: CitationMatch) => CitationLink | null;
  findCitations?: (text: string) => CitationMatch[];
}

const citationsKey = 'explainerCitations';

/// Link targets an explainer may point at: the web, mail, and this site's own paths and
/// fragments. `//host` and `/\host` are other sites in disguise, so a path must not start so.
const allowedHref = /^(?:(?:https?:\/\/|mailto:)[^\s]|\/(?![/\\])|#)/i;
const externalHref = /^(?:https?|mailto):/i;
const controlOrSpace = /[\u0000-\u0020\u007F]/;

/// The last line of defence: whatever the Markdown stage let through, only these tags and
/// attributes reach the page. `class` and `title` exist only on the citations built below.
const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'h2', 'h3', 'h4', 'strong', 'em', 'blockquote', 'ul', 'ol', 'li', 'code', 'pre', 'hr',
    'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'span'],
  allowedAttributes: {
    a: ['href', 'title', { name: 'rel', multiple: true, values: ['nofollow', 'noopener'] }],
    span: ['title'],
  },
  allowedClasses: { a: ['cite'], span: ['cite', 'cite--unresolved'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  parseStyleAttributes: false,
};

const md = new MarkdownIt('commonmark', { html: false, xhtmlOut: false, linkify: false, typographer: false }).enable('table');
// Every destination is parsed as a link so that `shapeInline` can refuse it and keep its text;
// markdown-it's own check would leave the whole `[x](javascript:…)` on the page as text.
md.validateLink = () => true;
md.core.ruler.push('explainer_shape', shapeTokens);

/// Explainer Markdown as HTML safe to put into a page: CommonMark plus tables, raw HTML shown
/// as text, images reduced to their alt text, headings kept within h2–h4, links only to the web,
/// mail or this site, and the citations `opts` finds in running text linked or marked.
export function renderMarkdown(body: string, opts: RenderMarkdownOptions = {}): string {
  return sanitizeHtml(md.render(body, { [citationsKey]: opts }), sanitizeOptions);
}

/// The citations `findCitations` reports in the running text of explainer Markdown, in the order
/// `renderMarkdown` asks its `linkCitation` about them (so that they can be resolved, one after
/// another and asynchronously, before rendering).
export function citationsIn(body: string, findCitations: (text: string) => CitationMatch[]): CitationMatch[] {
  const asked: CitationMatch[] = [];
  const linkCitation = (match: CitationMatch) => {
    asked.push(match);
    return null;
  };
  md.parse(body, { [citationsKey]: { findCitations, linkCitation } satisfies RenderMarkdownOptions });
  return asked;
}

/// The text of explainer Markdown without its markup, one block or source line to a line, for
/// search and summaries. It is plain text, not HTML: escape it wherever it is shown.
export function plainTextOf(body: string): string {
  const pieces: string[] = [];
  for (const token of md.parse(body, {})) {
    if (token.type === 'inline') pieces.push(inlineText(token.children ?? []));
    else if (token.type === 'fence' || token.type === 'code_block') pieces.push(token.content);
  }
  return pieces
    .flatMap((piece) => piece.split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

function inlineText(children: Token[]): string {
  return children
    .map((token) => {
      if (token.type === 'text' || token.type === 'code_inline') return token.content;
      if (token.type === 'softbreak' || token.type === 'hardbreak') return '\n';
      return '';
    })
    .join('');
}

/// The core rule: runs after markdown-it has built the inline tokens of every block.
function shapeTokens(state: StateCore): void {
  const opts = state.env[citationsKey] as RenderMarkdownOptions | undefined;
  for (const token of state.tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') token.tag = headingTag(token.tag);
    if (token.type === 'inline' && token.children) {
      token.children = markCitations(keepSafeLinks(withoutImages(token.children)), opts, state);
    }
  }
}

/// h1 belongs to the page that shows the explainer; h5 and h6 are folded into h4.
function headingTag(tag: string): string {
  if (tag === 'h1') return 'h2';
  if (tag === 'h5' || tag === 'h6') return 'h4';
  return tag;
}

/// Images are not shown: each one is replaced by the tokens of its alt text.
function withoutImages(children: Token[]): Token[] {
  return children.flatMap((token) => (token.type === 'image' ? withoutImages(token.children ?? []) : [token]));
}

/// Keeps a link only where its target is allowed, drops its title and marks external ones
/// `nofollow noopener`; a refused link leaves its text, except an autolink, whose text is the
/// refused address itself.
function keepSafeLinks(children: Token[]): Token[] {
  const kept: Token[] = [];
  const open: boolean[] = [];
  let hiding = 0;
  for (const token of children) {
    if (token.type === 'link_open') {
      const href = String(token.attrGet('href') ?? '');
      const allowed = isAllowedHref(href);
      open.push(allowed);
      if (!allowed) {
        if (token.info === 'auto') hiding += 1;
        continue;
      }
      token.attrs = [['href', href]];
      if (externalHref.test(href)) token.attrSet('rel', 'nofollow noopener');
    } else if (token.type === 'link_close') {
      if (!open.pop()) {
        if (token.info === 'auto') hiding -= 1;
        continue;
      }
    } else if (hiding > 0) {
      continue;
    }
    kept.push(token);
  }
  return kept;
}

function isAllowedHref(href: string): boolean {
  return allowedHref.test(href) && !controlOrSpace.test(href);
}

/// Splits each text token outside links at the citations `findCitations` reports and wraps each
/// one as `linkCitation` decides. Code spans are tokens of their own and never reach here.
function markCitations(children: Token[], opts: RenderMarkdownOptions | undefined, state: StateCore): Token[] {
  const find = opts?.findCitations;
  const link = opts?.linkCitation;
  if (!find || !link) return children;
  const out: Token[] = [];
  let linkDepth = 0;
  for (const token of children) {
    if (token.type === 'link_open') linkDepth += 1;
    if (token.type === 'link_close') linkDepth -= 1;
    if (token.type !== 'text' || linkDepth > 0) {
      out.push(token);
      continue;
    }
    const text = token.content;
    let at = 0;
    for (const match of usableMatches(find(text), text.length)) {
      const target = link(match);
      const wrapped = target ? citationTokens(text.slice(match.start, match.end), target, state) : null;
      if (!wrapped) continue;
      if (match.start > at) out.push(textToken(state, text.slice(at, match.start)));
      out.push(...wrapped);
      at = match.end;
    }
    out.push(at === 0 ? token : textToken(state, text.slice(at)));
  }
  return out.filter((token) => token.type !== 'text' || token.content !== '');
}

/// The reported matches in order, without empty, out-of-range or overlapping ones.
function usableMatches(matches: CitationMatch[], length: number): CitationMatch[] {
  const usable: CitationMatch[] = [];
  let end = 0;
  for (const match of [...matches].sort((a, b) => a.start - b.start)) {
    if (!Number.isInteger(match.start) || !Number.isInteger(match.end)) continue;
    if (match.start < end || match.end <= match.start || match.end > length) continue;
    usable.push(match);
    end = match.end;
  }
  return usable;
}

/// `<a class="cite" href title>` or `<span class="cite cite--unresolved" title>` around the
/// source text; null (plain text) when an `ok` citation points somewhere a link may not.
function citationTokens(text: string, target: CitationLink, state: StateCore): Token[] | null {
  const resolved = target.state === 'ok';
  const open = new state.Token('cite_open', resolved ? 'a' : 'span', 1);
  const close = new state.Token('cite_close', resolved ? 'a' : 'span', -1);
  open.attrs = [['class', resolved ? 'cite' : 'cite cite--unresolved']];
  if (resolved) {
    const href = state.md.normalizeLink(target.href);
    if (!isAllowedHref(href)) return null;
    open.attrPush(['href', href]);
  }
  if (target.title) open.attrPush(['title', target.title]);
  if (resolved && externalHref.test(target.href)) open.attrPush(['rel', 'nofollow noopener']);
  return [open, textToken(state, text), close];
}

function textToken(state: StateCore, content: string): Token {
  const token = new state.Token('text', '', 0);
  token.content = content;
  return token;
}
