import { articleLabel, chapterLabel, itemLabel, partLabel, sectionLabel, subitemLabel } from './labels';
import { nextArticleNumber, skipsAhead } from './numberText';
import type {
  Article, BodyNode, Chapter, HeadingNode, Item, Paragraph, ParseWarning, ParseWarningCode, Part, Section, Subitem,
} from './model';

/// One structural line of the body, after wrapped lines have been joined and noise dropped.
export type BodyUnit =
  | { kind: 'heading'; line: number; level: 'part' | 'chapter' | 'section'; number: number; title: string }
  | { kind: 'article'; line: number; number: number; sub?: number; text: string }
  | { kind: 'item'; line: number; number: number; text: string }
  | { kind: 'subitem'; line: number; number: number; style: 'dot' | 'paren'; text: string }
  | { kind: 'text'; line: number; text: string };

const HEADING_LABELS = { part: partLabel, chapter: chapterLabel, section: sectionLabel };
const UNIT_NAMES = { part: '编', chapter: '章', section: '节', item: '项', subitem: '目' };

/// Builds the body tree from the body's units, checking the numbering written in the source
/// against the sequence it should follow and reporting every misplaced or misnumbered unit.
export function buildTree(units: BodyUnit[]): { body: BodyNode[]; warnings: ParseWarning[] } {
  const builder = new TreeBuilder();
  for (const unit of units) builder.add(unit);
  return builder.finish();
}

class TreeBuilder {
  private body: BodyNode[] = [];
  private warnings: ParseWarning[] = [];
  private eids = new Set<string>();
  private headingLines = new Map<HeadingNode, number>();
  private part?: Part;
  private chapter?: Chapter;
  private section?: Section;
  private article?: Article;
  /// The last article before the current heading: lines between a heading and the next article
  /// belong to it, as the corpus's counting rules have them.
  private previousArticle?: Article;
  private item?: Item;
  private subitem?: Subitem;
  private written = { part: 0, chapter: 0, section: 0, article: 0, articleSub: 0 };
  private articleItems = 0;
  private lastItem = 0;
  private lastSubitem = new WeakMap<object, number>();

  add(unit: BodyUnit): void {
    if (unit.kind === 'heading') this.addHeading(unit);
    else if (unit.kind === 'article') this.addArticle(unit);
    else if (unit.kind === 'text') this.addText(unit);
    else if (unit.kind === 'item') this.addItem(unit);
    else this.addSubitem(unit);
  }

  finish(): { body: BodyNode[]; warnings: ParseWarning[] } {
    for (const [node, line] of this.headingLines) {
      if (countArticles(node) === 0) {
        this.warn(line, 'empty_heading', `${UNIT_NAMES[node.kind]}标题“${node.heading}”下没有条文`);
      }
    }
    this.warnings.sort((a, b) => a.line - b.line);
    return { body: this.body, warnings: this.warnings };
  }

  private addHeading(unit: Extract<BodyUnit, { kind: 'heading' }>): void {
    const { level, number, line, title } = unit;
    this.checkSequence(level, line, this.written[level], number, HEADING_LABELS[level]);
    this.written[level] = number;
    if (this.article) this.previousArticle = this.article;
    this.article = undefined;
    if (level === 'part') {
      const part: Part = { kind: 'part', eid: this.uniqueEid(`part_${number}`), heading: title, children: [] };
      this.body.push(part);
      this.part = part;
      this.chapter = undefined;
      this.section = undefined;
      this.written.chapter = 0;
      this.written.section = 0;
      this.headingLines.set(part, line);
      return;
    }
    if (level === 'chapter') {
      const prefix = this.part ? `${this.part.eid}__` : '';
      const chapter: Chapter = { kind: 'chapter', eid: this.uniqueEid(`${prefix}chp_${number}`), heading: title, children: [] };
      (this.part?.children ?? this.body).push(chapter);
      this.chapter = chapter;
      this.section = undefined;
      this.written.section = 0;
      this.headingLines.set(chapter, line);
      return;
    }
    if (!this.chapter) {
      this.warn(line, 'section_outside_chapter', `${sectionLabel(number)}不在任何章之内`);
    }
    const prefix = this.chapter ? `${this.chapter.eid}__` : this.part ? `${this.part.eid}__` : '';
    const section: Section = { kind: 'section', eid: this.uniqueEid(`${prefix}sec_${number}`), heading: title, children: [] };
    (this.chapter?.children ?? this.part?.children ?? this.body).push(section);
    this.section = section;
    this.headingLines.set(section, line);
  }

  private addArticle(unit: Extract<BodyUnit, { kind: 'article' }>): void {
    const ahead = this.checkArticleNumber(unit);
    this.written.article = unit.number;
    this.written.articleSub = unit.sub ?? 0;
    const eid = this.uniqueEid(unit.sub ? `art_${unit.number}_${unit.sub}` : `art_${unit.number}`);
    const article: Article = { kind: 'article', eid, paragraphs: [] };
    if (unit.sub) article.inserted = true;
    // An excerpt keeps the numbers it prints; a number written twice or backwards is counted.
    if (ahead) article.printed = unit.sub ? { number: unit.number, sub: unit.sub } : { number: unit.number };
    article.paragraphs.push(newParagraph(article, unit.text));
    (this.section?.children ?? this.chapter?.children ?? this.part?.children ?? this.body).push(article);
    this.article = article;
    this.previousArticle = undefined;
    this.item = undefined;
    this.subitem = undefined;
    this.articleItems = 0;
    this.lastItem = 0;
  }

  private addText(unit: Extract<BodyUnit, { kind: 'text' }>): void {
    const article = this.article ?? this.adopt(unit, 'stray_text', '条文之外的文字');
    if (!article) return;
    article.paragraphs.push(newParagraph(article, unit.text));
    this.item = undefined;
    this.subitem = undefined;
    this.lastItem = 0;
  }

  private addItem(unit: Extract<BodyUnit, { kind: 'item' }>): void {
    const article = this.article ?? this.adopt(unit, 'item_outside_article', `${itemLabel(unit.number)}不在任何一条之内`);
    if (!article) return;
    const paragraph = lastParagraph(article);
    // Items that carry on after an interrupting line keep counting from the article's last item.
    const previous = this.lastItem === 0 && unit.number !== 1 ? this.articleItems : this.lastItem;
    this.checkSequence('item', unit.line, previous, unit.number, itemLabel);
    const item: Item = { kind: 'item', eid: `${paragraph.eid}__item_${paragraph.items.length + 1}`, text: unit.text, subitems: [] };
    paragraph.items.push(item);
    this.item = item;
    this.subitem = undefined;
    this.lastItem = unit.number;
    this.articleItems = unit.number;
  }

  private addSubitem(unit: Extract<BodyUnit, { kind: 'subitem' }>): void {
    const label = subitemLabel(unit.number, unit.style);
    const article = this.article ?? this.adopt(unit, 'subitem_outside_article', `${label}不在任何一条之内`);
    if (!article) return;
    const nestUnder = unit.style === 'paren' && this.subitem && !this.subitem.style ? this.subitem : undefined;
    const container = nestUnder ?? this.item ?? lastParagraph(article);
    const siblings = container.subitems;
    const previous = this.lastSubitem.get(container) ?? 0;
    this.checkSequence('subitem', unit.line, previous, unit.number, (n) => subitemLabel(n, unit.style));
    this.lastSubitem.set(container, unit.number);
    const subitem: Subitem = {
      kind: 'subitem', eid: `${container.eid}__subitem_${siblings.length + 1}`, text: unit.text, subitems: [],
    };
    if (unit.style === 'paren' && !nestUnder) subitem.style = 'paren';
    siblings.push(subitem);
    if (!nestUnder) this.subitem = subitem;
  }

  /// A line found between a heading and the next article joins the article before the heading
  /// (so nothing is lost and the counts follow the corpus's rules); before any article it is
  /// dropped. Either way it is reported.
  private adopt(unit: Exclude<BodyUnit, { kind: 'heading' | 'article' }>, code: ParseWarningCode, what: string): Article | undefined {
    const previous = this.previousArticle;
    if (!previous) {
      this.warn(unit.line, code, `${what}：出现在第一条之前，未能归入任何一条`, unit.text);
      return undefined;
    }
    const label = articleLabel(this.written.article, this.written.articleSub || undefined);
    this.warn(unit.line, code, `${what}：出现在标题与下一条之间，已并入上一条（${label}）`, unit.text);
    return previous;
  }

  /// Reports a written article number that is not the next one, and says whether it skips ahead.
  private checkArticleNumber(unit: Extract<BodyUnit, { kind: 'article' }>): boolean {
    const last = { number: this.written.article, sub: this.written.articleSub };
    const expected = nextArticleNumber(last, Boolean(unit.sub));
    if (unit.number === expected.number && (unit.sub ?? 0) === (expected.sub ?? 0)) return false;
    const ahead = skipsAhead(expected, unit);
    const label = articleLabel(unit.number, unit.sub);
    if (ahead) {
      const missing = articleLabel(expected.number, expected.sub);
      this.warn(unit.line, 'article_number_gap', `条文序号不连续：${label}之前缺少${missing}，按原文编号保留`);
    } else {
      const previous = last.number > 0 ? articleLabel(last.number, last.sub || undefined) : '开头';
      this.warn(unit.line, 'article_number_repeat', `条文序号重复或倒退：${label}出现在${previous}之后`);
    }
    return ahead;
  }

  private checkSequence(
    kind: 'part' | 'chapter' | 'section' | 'item' | 'subitem',
    line: number,
    previous: number,
    written: number,
    label: (n: number) => string,
  ): void {
    if (written === previous + 1) return;
    const name = UNIT_NAMES[kind];
    if (written > previous + 1) {
      const missing = written - previous > 2 ? `${label(previous + 1)}至${label(written - 1)}` : label(previous + 1);
      this.warn(line, `${kind}_number_gap`, `${name}的序号不连续：${label(written)}之前缺少${missing}`);
    } else {
      const after = previous > 0 ? `出现在${label(previous)}之后` : '不是第一个';
      this.warn(line, `${kind}_number_repeat`, `${name}的序号重复或倒退：${label(written)}${after}`);
    }
  }

  private uniqueEid(base: string): string {
    let eid = base;
    for (let k = 2; this.eids.has(eid); k++) eid = `${base}_dup${k}`;
    this.eids.add(eid);
    return eid;
  }

  private warn(line: number, code: ParseWarningCode, message: string, text?: string): void {
    this.warnings.push(text === undefined ? { line, code, message } : { line, code, message, text });
  }
}

function newParagraph(article: Article, text: string): Paragraph {
  return { kind: 'paragraph', eid: `${article.eid}__para_${article.paragraphs.length + 1}`, text, subitems: [], items: [] };
}

function lastParagraph(article: Article): Paragraph {
  return article.paragraphs[article.paragraphs.length - 1];
}

function countArticles(node: BodyNode): number {
  if (node.kind === 'article') return 1;
  let n = 0;
  for (const child of node.children) n += countArticles(child);
  return n;
}
