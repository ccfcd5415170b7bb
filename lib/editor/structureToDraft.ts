import type { Node as PMNode } from 'prosemirror-model';
import { findCitations, type ArticleJson, type ParseJson, type SubitemJson } from '@/lib/legal-text';
import { draftSchema } from './schema';

type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[]; text?: string };

// A reference to an article of this same text (no other regulation named, not relative)
// becomes an atom pointing at the article's eid; everything after the article part
// (第二款第（三）项) stays as text.
function inline(text: string, eidOf: Map<number, string>): Json[] {
  const out: Json[] = [];
  let at = 0;
  for (const c of findCitations(text)) {
    if (c.ref.regulation || c.ref.relative || !c.ref.article || c.ref.articleSub) continue;
    const target = eidOf.get(c.ref.article);
    const m = /第[零〇一二两三四五六七八九十百千]+条/.exec(c.text);
    if (!target || !m) continue;
    const start = c.start + m.index;
    if (start > at) out.push({ type: 'text', text: text.slice(at, start) });
    out.push({ type: 'article_ref', attrs: { target } });
    at = start + m[0].length;
  }
  if (at < text.length) out.push({ type: 'text', text: text.slice(at) });
  return out;
}

function block(type: string, eid: string, text: string, eidOf: Map<number, string>): Json {
  const content = inline(text, eidOf);
  return content.length ? { type, attrs: { eid }, content } : { type, attrs: { eid } };
}

function subitemBlocks(subs: SubitemJson[], eidOf: Map<number, string>): Json[] {
  // The rare third level （1） is flattened into 目: the editor has two levels under 款.
  return subs.flatMap((s) => [block('subitem', s.eid, s.text, eidOf), ...subitemBlocks(s.subitems, eidOf)]);
}

function articleBlock(a: ArticleJson, eidOf: Map<number, string>): Json {
  return {
    type: 'article',
    attrs: { eid: a.eid },
    content: a.paragraphs.flatMap((p) => [
      block('paragraph', p.eid, p.text, eidOf),
      ...subitemBlocks(p.subitems, eidOf),
      ...p.items.flatMap((i) => [block('item', i.eid, i.text, eidOf), ...subitemBlocks(i.subitems, eidOf)]),
    ]),
  };
}

/// A parsed text as a draft document: headings before the articles they open, every article
/// keeping its eid, and internal references (依照本条例第十二条) turned into article references.
export function structureToDraft(json: ParseJson): PMNode {
  const eidOf = new Map<number, string>(json.articles.filter((a) => !a.sub).map((a) => [a.number, a.eid]));
  const content: Json[] = [{ type: 'title', content: json.title ? [{ type: 'text', text: json.title }] : [] }];
  const headingKind = { part: 'part_heading', chapter: 'chapter_heading', section: 'section_heading' } as const;
  json.articles.forEach((a) => {
    for (const o of json.outline) {
      if (o.firstArticle === a.number && !a.sub) content.push(o.heading ? { type: headingKind[o.kind], attrs: { eid: o.eid }, content: [{ type: 'text', text: o.heading }] } : { type: headingKind[o.kind], attrs: { eid: o.eid } });
    }
    content.push(articleBlock(a, eidOf));
  });
  if (json.articles.length === 0) content.push({ type: 'article', attrs: { eid: 'art_1' }, content: [{ type: 'paragraph', attrs: { eid: 'art_1__para_1' } }] });
  return draftSchema.nodeFromJSON({ type: 'doc', content });
}

/// The text of a new, blank draft: its title, 第一章 总则 and an empty 第一条.
export function blankDraft(title: string): PMNode {
  return draftSchema.nodeFromJSON({
    type: 'doc',
    content: [
      { type: 'title', content: title ? [{ type: 'text', text: title }] : [] },
      { type: 'chapter_heading', attrs: { eid: 'chp_1' }, content: [{ type: 'text', text: '总则' }] },
      { type: 'article', attrs: { eid: 'art_1' }, content: [{ type: 'paragraph', attrs: { eid: 'art_1__para_1' } }] },
    ],
  });
}
