import type { Node as PMNode } from 'prosemirror-model';
import { articleLabel, chapterLabel, itemLabel, partLabel, sectionLabel, subitemLabel } from '@/lib/legal-text';

/// A label the editor shows in front of a block, at the block's document position.
export type PositionedLabel = { pos: number; label: string; kind: 'part' | 'chapter' | 'section' | 'article' | 'item' | 'subitem' };

/// One heading or article in the outline sidebar.
export type OutlineLine = { pos: number; kind: 'part' | 'chapter' | 'section' | 'article'; label: string; text: string; eid: string; articles: number };

/// The numbering of a whole draft, derived from order alone.
export type DocNumbering = {
  labels: PositionedLabel[];
  /// eid of every article → its label (第十二条), for cross-references.
  articleLabels: Map<string, string>;
  outline: OutlineLine[];
  counts: { parts: number; chapters: number; sections: number; articles: number; paragraphs: number; items: number; subitems: number };
};

/// Numbers every heading, article, 项 and 目 of a draft from its position: articles run through
/// the whole text, chapters restart in each part and sections in each chapter, 项 in each 款 and
/// 目 in each 项. Nothing typed is trusted.
export function numberDoc(doc: PMNode): DocNumbering {
  const labels: PositionedLabel[] = [];
  const articleLabels = new Map<string, string>();
  const outline: OutlineLine[] = [];
  const counts = { parts: 0, chapters: 0, sections: 0, articles: 0, paragraphs: 0, items: 0, subitems: 0 };
  let chapterInPart = 0;
  let sectionInChapter = 0;
  const headings: OutlineLine[] = [];
  doc.forEach((node, offset) => {
    const pos = offset;
    const name = node.type.name;
    if (name === 'part_heading') {
      counts.parts++;
      chapterInPart = 0;
      sectionInChapter = 0;
      const line: OutlineLine = { pos, kind: 'part', label: partLabel(counts.parts), text: node.textContent, eid: node.attrs.eid, articles: 0 };
      labels.push({ pos, label: line.label, kind: 'part' });
      outline.push(line);
      headings.length = 0;
      headings.push(line);
    } else if (name === 'chapter_heading') {
      counts.chapters++;
      chapterInPart++;
      sectionInChapter = 0;
      const line: OutlineLine = { pos, kind: 'chapter', label: chapterLabel(chapterInPart), text: node.textContent, eid: node.attrs.eid, articles: 0 };
      labels.push({ pos, label: line.label, kind: 'chapter' });
      outline.push(line);
      while (headings.length && headings[headings.length - 1].kind !== 'part') headings.pop();
      headings.push(line);
    } else if (name === 'section_heading') {
      counts.sections++;
      sectionInChapter++;
      const line: OutlineLine = { pos, kind: 'section', label: sectionLabel(sectionInChapter), text: node.textContent, eid: node.attrs.eid, articles: 0 };
      labels.push({ pos, label: line.label, kind: 'section' });
      outline.push(line);
      if (headings.length && headings[headings.length - 1].kind === 'section') headings.pop();
      headings.push(line);
    } else if (name === 'article') {
      counts.articles++;
      const label = articleLabel(counts.articles);
      labels.push({ pos, label, kind: 'article' });
      articleLabels.set(node.attrs.eid, label);
      for (const h of headings) h.articles++;
      const first = node.firstChild?.textContent ?? '';
      outline.push({ pos, kind: 'article', label, text: first.slice(0, 24), eid: node.attrs.eid, articles: 1 });
      let item = 0;
      let sub = 0;
      node.forEach((child, childOffset) => {
        const childPos = pos + 1 + childOffset;
        if (child.type.name === 'paragraph') {
          counts.paragraphs++;
          item = 0;
          sub = 0;
        } else if (child.type.name === 'item') {
          counts.items++;
          item++;
          sub = 0;
          labels.push({ pos: childPos, label: itemLabel(item), kind: 'item' });
        } else if (child.type.name === 'subitem') {
          counts.subitems++;
          sub++;
          labels.push({ pos: childPos, label: subitemLabel(sub), kind: 'subitem' });
        }
      });
    }
  });
  return { labels, articleLabels, outline, counts };
}
