import { Fragment, Slice, type Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import { parseRegulation, toParseJson } from '@/lib/legal-text';
import { structureToDraft } from './structureToDraft';

const articleLine = /(^|\n)\s*第[零〇一二两三四五六七八九十百千]+条(之[一二三四五六七八九十]+)?[\s\u3000]/;

/// The structural blocks (headings and articles) of pasted plain legal text, or null when the
/// text has no article lines and should be pasted as ordinary text.
export function legalTextToBlocks(text: string): PMNode[] | null {
  if (!articleLine.test(text)) return null;
  // The parser takes the first line for a title; a placeholder keeps the pasted lines as body.
  const json = toParseJson(parseRegulation(`粘贴\n\n${text}`, { format: 'txt' }));
  if (json.articles.length === 0) return null;
  const doc = structureToDraft(json);
  const blocks: PMNode[] = [];
  doc.forEach((n) => {
    if (n.type.name !== 'title') blocks.push(n);
  });
  return blocks;
}

/// Pasting plain legal text (第一条 …, 第一章 …, （一）…) inserts structure, not one long line.
export function pasteLegalTextPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('pasteLegalText'),
    props: {
      handlePaste(view, event) {
        const text = event.clipboardData?.getData('text/plain');
        const html = event.clipboardData?.getData('text/html');
        // Copies from the editor itself carry structure already (HTML with data-eid).
        if (!text || (html && html.includes('data-eid'))) return false;
        const blocks = legalTextToBlocks(text);
        if (!blocks) return false;
        view.dispatch(view.state.tr.replaceSelection(new Slice(Fragment.from(blocks), 0, 0)).scrollIntoView());
        return true;
      },
    },
  });
}
