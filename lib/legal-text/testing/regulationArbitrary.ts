import { fc } from '@fast-check/vitest';
import type { Article, BodyNode, Chapter, Item, Paragraph, Part, RegulationText, Section, Subitem } from '../model';
import { parseHeaderEvents } from '../parseHeaderEvents';

/// Test support: fast-check arbitraries of valid regulation texts (model.ts), for properties such
/// as parse(render(t)) = t. "Valid" means what a careful drafter would write and the parser
/// accepts without a warning:
/// - the body is articles, then chapters (or parts holding articles, then chapters); a chapter
///   holds articles, then sections; every heading holds at least one article;
/// - numbering is by position (nothing to generate), and an inserted article (之一, 之二 …)
///   never comes first;
/// - every 款, 项 and 目 has text that reads as text, not as a label: it starts with a word, a
///   quotation mark or a bracket round a word, never with 第X条, （一）, 1. or #, and ends as a
///   statute sentence does (。；： possibly followed by a closing ” 」 ’ or ）), so that plain
///   text with blank lines between units is not joined or taken for page furniture;
/// - 目 are written 1. 2. … with （1）（2）… under them, or （1）（2）… alone (then nothing under);
/// - eids are the ones the parser derives from the numbers written (see `withParsedEids`).
/// The texts carry quotes 「」“”‘’ and brackets （）《》〈〉 inside, latin words and digits.

const WORDS = [
  '本市', '养犬', '管理', '人民政府', '主管部门', '应当', '依法', '登记', '物业', '服务', '企业', '业主', '规定', '罚款',
  '责任', '城市', '交通', '噪声', '公共场所', '社区', '居民委员会', '免疫', '证明', '保证金', '听证', '期限', '备案',
  'PM2.5', '5000元', 'ISO9001', '三十日',
];
const HEADINGS = ['总则', '一般规定', '管理', '登记', '法律责任', '附则', '监督检查', '服务与保障', '养犬登记'];
const CITIES = ['示例市', '上海市', '舟山市', '北京市'];

const word = fc.constantFrom(...WORDS);
/// A word to open a text with: CJK, since 1.5000元 after a 目's label 1. reads as 1.5 (and the
/// parser rightly refuses to take 1.5 for a label).
const firstWord = fc.constantFrom(...WORDS.filter((w) => !/^[\dA-Z]/.test(w)));

/// A run of words, some wrapped in quotes or brackets, separated by commas now and then.
const phrase: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      word,
      fc.constantFrom('', '', '', '「」', '“”', '‘’', '（）', '《》', '〈〉'),
      fc.constantFrom('', '', '，', '、'),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) =>
    parts
      .map(([w, wrap, sep]) => (wrap ? `${wrap[0]}${w}${wrap[1]}` : w) + sep)
      .join('')
      .replace(/[，、]$/, ''),
  );

/// The text of a 款, 项 or 目: a phrase that starts with a word (or a quote or bracket round one)
/// and ends with 。；： optionally closed by a quote or bracket (…。” as when a text is quoted).
export const statuteSentence: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', '', '', '“', '「', '《', '（'),
    firstWord,
    phrase,
    fc.constantFrom('。', '。', '；', '：'),
    fc.constantFrom('', '', '', '”', '」', '’', '）'),
  )
  .map(([open, first, rest, end, close]) => {
    const opener = open === '' ? '' : `${open}${first}${{ '“': '”', '「': '」', '《': '》', '（': '）' }[open]}`;
    return `${opener || first}${rest}${end}${close}`;
  });

/// A heading's words: one to three heading words, or none (a bare 第X章).
const headingWords = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...HEADINGS), { minLength: 1, maxLength: 2 }).map((w) => w.join('')) },
  { weight: 1, arbitrary: fc.constant('') },
);

const subitemDraft = (children: boolean): fc.Arbitrary<Subitem> =>
  fc
    .tuple(statuteSentence, children ? fc.array(statuteSentence, { maxLength: 2 }) : fc.constant<string[]>([]))
    .map(([text, under]) => ({
      kind: 'subitem',
      eid: '',
      text,
      subitems: under.map((t) => ({ kind: 'subitem', eid: '', text: t, subitems: [] })),
    }));

/// The 目 of one container: 1. 2. … (each maybe with （1）… under it) or （1）（2）… alone.
const subitems: fc.Arbitrary<Subitem[]> = fc.oneof(
  { weight: 8, arbitrary: fc.constant<Subitem[]>([]) },
  { weight: 2, arbitrary: fc.array(subitemDraft(true), { minLength: 1, maxLength: 3 }) },
  {
    weight: 1,
    arbitrary: fc.array(subitemDraft(false), { minLength: 1, maxLength: 3 }).map((list) => list.map((s) => ({ ...s, style: 'paren' as const }))),
  },
);

const item: fc.Arbitrary<Item> = fc.tuple(statuteSentence, subitems).map(([text, under]) => ({ kind: 'item', eid: '', text, subitems: under }));

const paragraph: fc.Arbitrary<Paragraph> = fc
  .tuple(
    statuteSentence,
    fc.oneof({ weight: 6, arbitrary: fc.constant<Subitem[]>([]) }, { weight: 1, arbitrary: subitems }),
    fc.oneof({ weight: 3, arbitrary: fc.constant<Item[]>([]) }, { weight: 1, arbitrary: fc.array(item, { minLength: 1, maxLength: 4 }) }),
  )
  .map(([text, under, items]) => ({ kind: 'paragraph', eid: '', text, subitems: under, items }));

const article: fc.Arbitrary<Article> = fc
  .tuple(fc.array(paragraph, { minLength: 1, maxLength: 3 }), fc.nat(9))
  .map(([paragraphs, roll]) => (roll === 0 ? { kind: 'article', eid: '', inserted: true, paragraphs } : { kind: 'article', eid: '', paragraphs }));

const articles = (min: number, max: number) => fc.array(article, { minLength: min, maxLength: max });

const section: fc.Arbitrary<Section> = fc
  .tuple(headingWords, articles(1, 3))
  .map(([heading, children]) => ({ kind: 'section', eid: '', heading, children }));

/// A chapter: articles, then sections; at least one article somewhere.
const chapter: fc.Arbitrary<Chapter> = fc
  .tuple(headingWords, articles(0, 3), fc.array(section, { maxLength: 3 }))
  .filter(([, lead, sections]) => lead.length + sections.length > 0)
  .map(([heading, lead, sections]) => ({ kind: 'chapter', eid: '', heading, children: [...lead, ...sections] }));

const part: fc.Arbitrary<Part> = fc
  .tuple(headingWords, articles(0, 1), fc.array(chapter, { minLength: 1, maxLength: 2 }))
  .map(([heading, lead, chapters]) => ({ kind: 'part', eid: '', heading, children: [...lead, ...chapters] }));

const body: fc.Arbitrary<BodyNode[]> = fc.oneof(
  { weight: 2, arbitrary: articles(1, 6) },
  { weight: 3, arbitrary: fc.tuple(articles(0, 2), fc.array(chapter, { minLength: 1, maxLength: 4 })).map(([lead, chapters]) => [...lead, ...chapters]) },
  { weight: 2, arbitrary: fc.tuple(articles(0, 1), fc.array(part, { minLength: 2, maxLength: 3 })).map(([lead, parts]) => [...lead, ...parts]) },
);

/// Header lines as the corpus writes them: a date, the body that acted and its verb.
const infoLine: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 1990, max: 2024 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    fc.constantFrom(...CITIES),
    fc.integer({ min: 1, max: 16 }),
    fc.constantFrom('通过', '批准', '修正', '修订'),
  )
  .map(([y, m, d, city, session, verb]) => `${y}年${m}月${d}日${city}第十五届人民代表大会常务委员会第${session}次会议${verb}`);

/// A whole valid regulation text, eids as the parser gives them and events read from the header
/// lines; no warnings.
export const regulationText: fc.Arbitrary<RegulationText> = fc
  .tuple(fc.constantFrom(...CITIES), fc.constantFrom(...HEADINGS, '养犬管理', '物业管理'), fc.array(infoLine, { maxLength: 3 }), body)
  .map(([city, subject, info, nodes]) => {
    // A copy: fast-check maps the same generated values again while it shrinks.
    const doc: RegulationText = { title: `${city}${subject}条例`, info, events: parseHeaderEvents(info), body: structuredClone(nodes), warnings: [] };
    const first = firstArticle(doc.body);
    if (first) delete first.inserted;
    withParsedEids(doc.body);
    return doc;
  });

function firstArticle(nodes: BodyNode[]): Article | undefined {
  for (const node of nodes) {
    const found = node.kind === 'article' ? node : firstArticle(node.children);
    if (found) return found;
  }
  return undefined;
}

/// Sets every eid as `parseRegulation` derives it from the numbers written: art_12 (art_12_1
/// for 第十二条之一), art_12__para_2, …__item_3, …__subitem_1 (nested …__subitem_1__subitem_2),
/// chp_3 (part_2__chp_3 inside a part), chp_3__sec_1. Headings restart their count in each
/// part (chapters) and chapter (sections); articles run through the whole text.
export function withParsedEids(body: BodyNode[]): BodyNode[] {
  let last = { number: 0, sub: 0 };
  const name = (prefix: string, under: Subitem[]) =>
    under.forEach((s, i) => {
      s.eid = `${prefix}__subitem_${i + 1}`;
      name(s.eid, s.subitems);
    });
  const visit = (nodes: BodyNode[], prefix: string) => {
    const count = { part: 0, chapter: 0, section: 0 };
    for (const node of nodes) {
      if (node.kind === 'article') {
        last = node.inserted ? { number: last.number, sub: last.sub + 1 } : { number: last.number + 1, sub: 0 };
        node.eid = last.sub ? `art_${last.number}_${last.sub}` : `art_${last.number}`;
        node.paragraphs.forEach((p, i) => {
          p.eid = `${node.eid}__para_${i + 1}`;
          name(p.eid, p.subitems);
          p.items.forEach((it, k) => {
            it.eid = `${p.eid}__item_${k + 1}`;
            name(it.eid, it.subitems);
          });
        });
        continue;
      }
      const short = { part: 'part', chapter: 'chp', section: 'sec' }[node.kind];
      node.eid = `${prefix}${short}_${++count[node.kind]}`;
      visit(node.children, `${node.eid}__`);
    }
  };
  visit(body, '');
  return body;
}
