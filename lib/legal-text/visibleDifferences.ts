import type { ArticleJson, OutlineEntry, ParseJson, SubitemJson } from './toParseJson';

function subitemsShown(subitems: SubitemJson[]): string {
  return subitems.map((s) => `${s.label}${s.text}[${subitemsShown(s.subitems)}]`).join('|');
}

/// What a reader sees of an article: its label, the part, chapter and section it stands in, and
/// every 款, 项 and 目 with their labels, with no ids.
export function articleAsShown(a: ArticleJson): string {
  return [
    `${a.label}@${a.part ?? ''}/${a.chapter ?? ''}/${a.section ?? ''}`,
    ...a.paragraphs.map((p) => [p.text, subitemsShown(p.subitems), ...p.items.map((i) => `${i.label}${i.text}[${subitemsShown(i.subitems)}]`)].join('\n')),
  ].join('\n¶');
}

/// The articles (by label, in order) where two texts read differently: article by article at the
/// same position (words, numbering and the heading each stands under), plus every article one of
/// them has beyond the other's end, plus the first article under a heading whose words differ.
/// Empty when a reader could not tell them apart.
export function visibleDifferences(a: ParseJson, b: ParseJson): string[] {
  const out: string[] = [];
  const headings = (t: ParseJson) => t.outline.map((o) => `${o.kind}${o.label}${o.heading}`);
  const [ha, hb] = [headings(a), headings(b)];
  for (let i = 0; i < Math.max(ha.length, hb.length); i++) {
    const first = a.outline[i] ? firstUnder(a, a.outline[i]) : firstUnder(b, b.outline[i]);
    if (ha[i] !== hb[i] && first) out.push(first.label);
  }
  const n = Math.max(a.articles.length, b.articles.length);
  for (let i = 0; i < n; i++) {
    const x = a.articles[i];
    const y = b.articles[i];
    if (!x || !y || articleAsShown(x) !== articleAsShown(y)) out.push((x ?? y)!.label);
  }
  const position = (label: string) => Math.max(a.articles.findIndex((x) => x.label === label), b.articles.findIndex((x) => x.label === label));
  return [...new Set(out)].sort((x, y) => position(x) - position(y));
}

/// The first article standing under a part, chapter or section of the outline, found by the
/// numbers of what encloses it (chapters restart in each part, sections in each chapter).
function firstUnder(t: ParseJson, o: OutlineEntry): ArticleJson | undefined {
  return t.articles.find((x) => x[o.kind] === o.number && (o.kind === 'part' || x.part === o.part) && (o.kind !== 'section' || x.chapter === o.chapter));
}
