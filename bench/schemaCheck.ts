import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import { checkDraftFragment, draftSchema } from '@/lib/editor';
import { schemaProblemsByCopy, schemaProblemsOfUpdate } from '@/collab-server/schemaProblemsOfUpdate';
import { median, printTable, timeRounds } from './report';

const ROUNDS = 31;

/// A draft of `articles` articles (a chapter heading every 20; each a 款 and two 项, one with an
/// article reference), with `edits` single-character edits of history scattered through it.
export function syntheticDraft(articles: number, edits: number): Y.Doc {
  const content: unknown[] = [{ type: 'title', content: [{ type: 'text', text: '某市合成条例' }] }];
  for (let i = 0; i < articles; i++) {
    if (i % 20 === 0) content.push({ type: 'chapter_heading', attrs: { eid: `chp_${i}` }, content: [{ type: 'text', text: '某章' }] });
    content.push({
      type: 'article',
      attrs: { eid: `art_${i}` },
      content: [
        { type: 'paragraph', attrs: { eid: `art_${i}__para_1` }, content: [{ type: 'text', text: '为了规范本市的某项管理活动，保障公民、法人和其他组织的合法权益，根据有关法律、行政法规，结合本市实际，制定本条例。' }] },
        { type: 'item', attrs: { eid: `art_${i}__item_1` }, content: [{ type: 'text', text: '第一项的内容。' }] },
        { type: 'item', attrs: { eid: `art_${i}__item_2` }, content: [{ type: 'text', text: '依照' }, { type: 'article_ref', attrs: { target: 'art_1' } }, { type: 'text', text: '的规定。' }] },
      ],
    });
  }
  const doc = new Y.Doc();
  prosemirrorToYXmlFragment(draftSchema.nodeFromJSON({ type: 'doc', content }), doc.getXmlFragment('prosemirror'));
  const texts: Y.XmlText[] = [];
  const walk = (t: Y.XmlFragment) => t.toArray().forEach((c) => (c instanceof Y.XmlText ? texts.push(c) : c instanceof Y.XmlElement && walk(c)));
  walk(doc.getXmlFragment('prosemirror'));
  for (let i = 0; i < edits; i++) {
    const t = texts[(i * 7919) % texts.length];
    t.insert((i * 31) % (t.length + 1), '字');
    if (i % 3 === 0) t.delete(0, 1);
  }
  return doc;
}

/// The update another client would send for `change` made on its copy of `doc`.
function updateOf(doc: Y.Doc, change: (fragment: Y.XmlFragment) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(client);
  change(client.getXmlFragment('prosemirror'));
  return Y.encodeStateAsUpdate(client, before);
}

const firstText = (fragment: Y.XmlFragment) => ((fragment.get(2) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText;

function pastedArticles(n: number): Y.XmlElement[] {
  return Array.from({ length: n }, (_, i) => {
    const article = new Y.XmlElement('article');
    article.setAttribute('eid', `pasted_${i}`);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.setAttribute('eid', `pasted_${i}__para_1`);
    paragraph.insert(0, [new Y.XmlText('新增条文的内容，由市人民政府另行规定。')]);
    article.insert(0, [paragraph]);
    return article;
  });
}

/// `npx tsx bench/schemaCheck.ts`: what checking an update against the draft's schema costs the
/// collaboration server per update, for drafts of 40 and 1,000 articles (with 3,000 edits of
/// history), beside the baseline of applying it to a copy of the draft and checking the whole
/// copy. Also the whole-draft check (`checkDraftFragment`) alone.
export async function run(): Promise<void> {
  const rows: string[][] = [['draft', 'update', 'screened p50 ms', 'copy + full check p50 ms (baseline)', 'ratio']];
  const figures: Record<string, unknown>[] = [];
  for (const articles of [40, 1000]) {
    const doc = syntheticDraft(articles, articles === 40 ? 300 : 3000);
    const full = median(timeRounds(() => checkDraftFragment(doc.getXmlFragment('prosemirror')), ROUNDS));
    rows.push([`${articles} articles`, 'checkDraftFragment of the whole draft', '', full.toFixed(2), '']);
    figures.push({ articles, update: 'whole draft', fullCheckMs: round(full) });
    const updates: [string, Uint8Array][] = [
      ['one character typed', updateOf(doc, (f) => firstText(f).insert(3, '新'))],
      ['one article pasted', updateOf(doc, (f) => f.insert(3, pastedArticles(1)))],
      ['40 articles pasted', updateOf(doc, (f) => f.insert(3, pastedArticles(40)))],
    ];
    for (const [label, update] of updates) {
      if (schemaProblemsOfUpdate(doc, update).length || schemaProblemsByCopy(doc, update).length) throw new Error(`${label}: a valid update was refused`);
      const screened = median(timeRounds(() => schemaProblemsOfUpdate(doc, update), ROUNDS));
      const copy = median(timeRounds(() => schemaProblemsByCopy(doc, update), articles === 40 ? ROUNDS : 9));
      rows.push([`${articles} articles`, label, screened.toFixed(3), copy.toFixed(2), (screened / copy).toFixed(4)]);
      figures.push({ articles, update: label, screenedMs: round(screened, 4), copyMs: round(copy) });
    }
  }
  printTable(rows, 2);
  console.log(JSON.stringify({ bench: 'schema-check', rounds: ROUNDS, figures }));
}

function round(n: number, digits = 2): number {
  return Math.round(n * 10 ** digits) / 10 ** digits;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  run().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
