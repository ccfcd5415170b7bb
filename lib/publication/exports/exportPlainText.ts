import { paragraphTexts, type ArticleJson, type OutlineEntry } from '@/lib/legal-text';
import type { ExportableVersion } from './exportModel';
import { exportTree, flattenTree } from './exportTree';

const SPACE = '\u3000';
const TOC_TITLE = '目录';

/// The official text of a version as plain UTF-8 text: the 公告 first when there is one, then
/// the title, the 题注 lines as given, the 目录 (only when the text has chapters), and the body —
/// `第一章　总则` headings and `第一条　…` articles with each further 款, 项 and 目 on its own
/// line. Blocks are separated by a blank line; the text ends with a newline.
export function exportPlainText(v: ExportableVersion): string {
  const blocks: string[] = [];
  if (v.notice) blocks.push(v.notice.text.trim());
  blocks.push(titleBlock(v));
  if (hasChapters(v.text.outline)) blocks.push(tableOfContents(v.text.outline));
  blocks.push(...bodyBlocks(v));
  return `${blocks.filter((b) => b !== '').join('\n\n')}\n`;
}

function titleBlock(v: ExportableVersion): string {
  const title = v.text.title || v.regulation.title;
  return [title, ...v.version.infoLines].join('\n');
}

function hasChapters(outline: OutlineEntry[]): boolean {
  return outline.some((o) => o.kind === 'chapter');
}

/// 目录 and one line per part, chapter and section, each level indented by a full-width space.
function tableOfContents(outline: OutlineEntry[]): string {
  const hasParts = outline.some((o) => o.kind === 'part');
  const depth = { part: 0, chapter: hasParts ? 1 : 0, section: hasParts ? 2 : 1 };
  return [TOC_TITLE, ...outline.map((o) => `${SPACE.repeat(depth[o.kind])}${headingLine(o)}`)].join('\n');
}

function bodyBlocks(v: ExportableVersion): string[] {
  return flattenTree(exportTree(v.text)).map((node) => (node.kind === 'heading' ? headingLine(node.entry) : articleBlock(node.article)));
}

function headingLine(entry: OutlineEntry): string {
  return entry.heading ? `${entry.label}${SPACE}${entry.heading}` : entry.label;
}

/// `第X条　` and the first 款, then every further 款 with its 项 and 目, one per line.
function articleBlock(article: ArticleJson): string {
  const [first = '', ...rest] = paragraphTexts(article);
  return [`${article.label}${SPACE}${first}`, ...rest].join('\n');
}
