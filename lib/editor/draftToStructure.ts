import type { Node as PMNode } from 'prosemirror-model';
import { toParseJson, type Article, type BodyNode, type Chapter, type Item, type Paragraph, type ParseJson, type Part, type Section, type Subitem } from '@/lib/legal-text';
import { numberDoc } from './numberDoc';

function inlineText(node: PMNode, labels: Map<string, string>): string {
  let out = '';
  node.forEach((child) => {
    if (child.isText) out += child.text;
    else if (child.type.name === 'article_ref') out += labels.get(child.attrs.target) ?? '第?条';
  });
  return out;
}

function toArticle(node: PMNode, labels: Map<string, string>): Article {
  const paragraphs: Paragraph[] = [];
  let lastItem: Item | null = null;
  node.forEach((child) => {
    const text = inlineText(child, labels);
    if (child.type.name === 'paragraph' || paragraphs.length === 0) {
      paragraphs.push({ kind: 'paragraph', eid: child.attrs.eid, text: child.type.name === 'paragraph' ? text : '', items: [], subitems: [] });
      lastItem = null;
      if (child.type.name === 'paragraph') return;
    }
    const para = paragraphs[paragraphs.length - 1];
    if (child.type.name === 'item') {
      lastItem = { kind: 'item', eid: child.attrs.eid, text, subitems: [] };
      para.items.push(lastItem);
    } else if (child.type.name === 'subitem') {
      const sub: Subitem = { kind: 'subitem', eid: child.attrs.eid, text, subitems: [] };
      if (lastItem) (lastItem as Item).subitems.push(sub);
      else para.subitems.push(sub);
    }
  });
  return { kind: 'article', eid: node.attrs.eid, paragraphs };
}

/// The structured text of a draft (the same model the parser produces), with cross-references
/// written out under the current numbering.
export function draftToRegulationBody(doc: PMNode): { title: string; body: BodyNode[] } {
  const { articleLabels } = numberDoc(doc);
  const body: BodyNode[] = [];
  let part: Part | null = null;
  let chapter: Chapter | null = null;
  let section: Section | null = null;
  let title = '';
  doc.forEach((node) => {
    const name = node.type.name;
    if (name === 'title') title = node.textContent;
    else if (name === 'part_heading') {
      part = { kind: 'part', eid: node.attrs.eid, heading: node.textContent, children: [] };
      chapter = null;
      section = null;
      body.push(part);
    } else if (name === 'chapter_heading') {
      chapter = { kind: 'chapter', eid: node.attrs.eid, heading: node.textContent, children: [] };
      section = null;
      if (part) (part as Part).children.push(chapter);
      else body.push(chapter);
    } else if (name === 'section_heading') {
      section = { kind: 'section', eid: node.attrs.eid, heading: node.textContent, children: [] };
      if (chapter) (chapter as Chapter).children.push(section);
      else if (part) (part as Part).children.push(section);
      else body.push(section);
    } else if (name === 'article') {
      const article = toArticle(node, articleLabels);
      if (section) (section as Section).children.push(article);
      else if (chapter) (chapter as Chapter).children.push(article);
      else if (part) (part as Part).children.push(article);
      else body.push(article);
    }
  });
  return { title, body };
}

/// A draft as the `parse` JSON of PRODUCT.md (what `GET /api/v1/drafts/{id}` returns).
export function draftToParseJson(doc: PMNode): ParseJson {
  const { title, body } = draftToRegulationBody(doc);
  return toParseJson({ title, info: [], events: [], body, warnings: [] });
}
