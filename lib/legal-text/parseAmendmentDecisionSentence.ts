import { applyAmendmentsQuote, applyAmendmentsQuoteItems } from './applyAmendmentsQuote';
import { classifyLine } from './classifyLine';
import { articleLabel } from './labels';
import type { AmendmentOperation, ConsolidationProblemCode, PhraseScope } from './consolidateModel';
import { CHINESE_NUMERAL_CHARS, fromChineseNumeral, toChineseCount, toChineseNumeral } from './numerals';
import { Q, T, tokenize, type Ref, type Tokens } from './parseAmendmentDecisionTokens';

/// Why a sentence in a supported form still cannot be used: its quote holds another number of
/// 款, 项 or 条 than the sentence says.
export interface SentenceFailure {
  code: ConsolidationProblemCode;
  message: string;
}

/// What a sentence gives: its operations, and the provisions it is about, which the next
/// sentence of the clause may leave unsaid (…，第二款修改为：“……”; …，“丙”修改为“丁”; 其中的).
export interface SentenceReading {
  operations: AmendmentOperation[];
  subject: Ref[] | null;
}

type Reading = AmendmentOperation[] | SentenceFailure | null;

/// A sentence matched by a form, as its reader sees it, group by group.
interface Match {
  /// The provisions of a T group as written (positions: 作为第二款).
  refs(g: number): Ref[] | undefined;
  /// The provisions a sentence acts on: the T group completed by the subject of the sentence
  /// before (第二款 takes its article, 其 is it), or that subject when the group is absent.
  subject(g: number): Ref[] | null;
  quotes(g: number): string[];
  /// The quotes of a group as one text, each adjacent quote (“……”“……”) a line of its own.
  text(g: number): string;
  word(g: number): string | undefined;
  count(g: number): number;
}

type Reader = (m: Match) => Reading;

const N = `[${CHINESE_NUMERAL_CHARS}]+`;
/// Before a quote: ：, also ，即： and 如下： as some decisions write it.
const COLON = '(?:[，,]?即|如下)?[：:]?';
const AS = '[，,]?(?:分别)?(?:作为|列为)(?:该条)?';
const REPLACE = '(?:修改|改|替换)为';
const DELETE = '删[去除]';
const COUNT = '([一二两三四五六七八九十]+)';
const EVERY = '(统一|均|一并|全部|都|分别)?';
const PHRASES = `(${Q}(?:[、和及]?${Q})*)`;
const TEXT = `(${Q}+)`;
/// 第十条中的“甲”, also 第十条中“甲” and 第十条“甲”.
const IN = '(?:中的?|的)?';
const form = (body: string) => new RegExp(`^${body}$`, 'd');

/// Each supported form, written on the sentence's shape (quotes Q, lists of provisions T).
const FORMS: Array<[RegExp, Reader]> = [
  // 将第X条（第Y款）（第（Z）项）修改为：“……”; …，修改为：“……” after 将第X条改为第Y条
  [form(`将?(${T})?${REPLACE}${COLON}${TEXT}`), (m) => replaceText(one(m.subject(1)), m.text(2))],
  // 将第X条第Y款修改为两款，作为第Y款、第Y+1款：“……”“……” (also 修改为两项)
  [form(`将?(${T})?${REPLACE}${COUNT}([款项])${AS}(${T})${COLON}${TEXT}`), (m) => split(one(m.subject(1)), m.count(2), m.word(3)!, m.refs(4)!, m.text(5))],
  // 删去第X条、第Y条; 删去第X条第二款、第三款; 删去第X条第（Z）项; 将第X条删去
  [form(`${DELETE}(${T})`), (m) => deleteAll(m.subject(1))],
  [form(`将(${T})${DELETE}`), (m) => deleteAll(m.subject(1))],
  // （在第X条后）增加一条，作为第Y条：“……”; 增加两条，分别作为…; 作为第X条之一
  [form(`(?:在?(${T})之?后)?增加${COUNT}条${AS}(${T})${COLON}${TEXT}`), (m) =>
    addArticles(m.refs(1) ? one(m.subject(1)) : undefined, m.count(2), m.refs(3)!, m.quotes(4))],
  // 在第X条中增加一款，作为第Y款; 在第X条第Y款后增加一款…; 在第X条第Y款中增加一项，作为第（Z）项; …第（W）项后增加一项
  // (a subject left unsaid lends its article only: …中的“甲”修改为“乙”；增加一款，作为第三款)
  [form(`在?(${T})?(中|之?后)?增加${COUNT}([款项])${AS}(${T})${COLON}${TEXT}`), (m) => {
    const subject = one(m.subject(1));
    if (m.refs(1) && !subject) return null;
    return addParts(m.refs(1) || !subject ? subject : { article: subject.article }, m.word(2), m.count(3), m.word(4)!, m.refs(5)!, m.text(6));
  }],
  // 将第X条（、第Y条 / 本条例）中的“甲”（、“乙”）（统一）修改为“丙”; …，“丙”修改为“丁”
  [form(`将?(?:(${T})${IN})?${PHRASES}${EVERY}${REPLACE}${COLON}${PHRASES}`), (m) =>
    replacePhrases(m.subject(1), m.quotes(2), m.word(3), m.quotes(4))],
  // 将第X条中的“甲”（、“乙”）删去; 删去第X条中的“甲”
  [form(`将?(?:(${T})${IN})?${PHRASES}${EVERY}${DELETE}`), (m) => deletePhrases(m.subject(1), m.quotes(2), m.word(3))],
  [form(`${DELETE}(?:(${T})${IN})?${PHRASES}`), (m) => deletePhrases(m.subject(1), m.quotes(2), undefined)],
  // 在第X条中的“甲”后（前）增加“乙”
  [form(`在?(?:(${T})${IN})?(${Q})之?([前后])面?增加${COLON}(${Q})`), (m) =>
    insertPhrases(m.subject(1), m.quotes(2)[0], m.word(3) === '前' ? 'before' : 'after', m.quotes(4)[0])],
  // 第X条改为第Y条; 将第X条、第Y条分别改为第Z条、第W条
  [form(`将?(${T})(?:分别)?(?:改|调整)为(${T})`), (m) => moves(m.subject(1), m.refs(2)!)],
  // （在第N条后）增加一章，作为第X章：“第X章　名称\n第Y条　……”; …，章名为“名称”
  [form(`(?:在(${T})之?后|在第(${N})章之?后)?增加一章${AS}第(${N})章(${COLON}|[，,]?(?:章名|名称)为${COLON})(${Q}+)`), (m) =>
    addChapter(m.refs(1) ? one(m.subject(1)) : undefined, m.word(2), m.count(3), !m.word(4)!.includes('为'), m.quotes(5))],
  // 删去第X章 (with its articles)
  [form(`${DELETE}(?:第(${N})编)?第(${N})章`), (m) => deleteChapter(m.word(1), m.count(2))],
  // 将第X章的章名（“甲”）修改为“……” (编名, 节名; 名称; the old name, when quoted, is not checked)
  [form(`将(?:第(${N})编)?(?:第(${N})章)?(?:第(${N})节)?的?(编名|章名|节名|名称|标题)?${Q}?${REPLACE}${COLON}(${Q})`), (m) =>
    renameHeading(m.word(1), m.word(2), m.word(3), m.word(4), m.quotes(5)[0])],
  // 此外，对条文顺序作相应调整 (并根据本决定对章节、条文的顺序作相应调整 …)
  [form('(?:此外[，,]?)?(?:并|同时)?(?:根据本决定)?对?(?:部分)?(?:章节和条文|章节、条文|章、节、条|章节|条文|条款)(?:的)?(?:顺序|序号)(?:作|进行)了?相应的?调整'), () => [{ kind: 'renumberNote' }]],
];

/// Reads one sentence of a decision clause (without its closing 。 or ；) into an operation;
/// null when it is in none of the supported forms, a number in it cannot be read, or it reads
/// into several operations (删去第三条、第四条: `parseAmendmentDecision` gives them all).
export function parseAmendmentDecisionSentence(sentence: string): AmendmentOperation | null {
  const read = readAmendmentSentence(sentence, null);
  return read && 'operations' in read && read.operations.length === 1 ? read.operations[0] : null;
}

/// Reads one sentence into its operations. A sentence may join several forms with ， (将第十条
/// 改为第九条，第二款修改为：“……”) or run on after a quote that ends in 。 (…：“……。”删去第五条);
/// the longest run of pieces in one form is read first, and each piece may leave unsaid the
/// provisions the one before it (or, for the first, `subject`: the sentence before) was about.
/// Null when a piece is in no supported form.
export function readAmendmentSentence(sentence: string, subject: Ref[] | null): SentenceReading | SentenceFailure | null {
  const tokens = tokenize(sentence);
  if (!tokens) return null;
  const pieces = piecesOf(tokens);
  if (pieces.length === 0) return null;
  const operations: AmendmentOperation[] = [];
  let about = subject;
  for (let i = 0; i < pieces.length;) {
    let j = pieces.length - 1;
    let read: Reading = null;
    for (; j >= i && !read; j--) read = readPiece(join(pieces.slice(i, j + 1)), about);
    if (!Array.isArray(read)) return read;
    operations.push(...read);
    about = subjectOf(read);
    i = j + 2;
  }
  return { operations, subject: about };
}

function readPiece(piece: Tokens, subject: Ref[] | null): Reading {
  // …，并将其中的“甲”修改为“乙”; …，同时删去第二款.
  const tokens = { ...piece, shape: piece.shape.replace(/^(?:并且?|同时)/, '') };
  for (const [pattern, read] of FORMS) {
    const m = pattern.exec(tokens.shape);
    if (!m) continue;
    const reading = read(matchOf(tokens, m, subject));
    if (reading) return reading;
  }
  return null;
}

interface Piece extends Tokens {
  /// What separated it from the next piece: ，(written back when joined) or nothing.
  separator: string;
}

/// Cuts a sentence at each ， outside quotes, at each 、 after a quote, and after each quote that
/// ends a sentence (。 or ；).
function piecesOf(tokens: Tokens): Piece[] {
  const pieces: Piece[] = [];
  let current: Piece = { shape: '', quotes: [], refs: [], separator: '' };
  let q = 0;
  let t = 0;
  const cut = (separator: string) => {
    pieces.push({ ...current, separator });
    current = { shape: '', quotes: [], refs: [], separator: '' };
  };
  for (const ch of tokens.shape) {
    // ， always; 、 after a quote (…修改为“乙”、“丙”修改为“丁”), to be joined back when it lists.
    if (ch === '，' || ch === ',' || (ch === '、' && current.shape.endsWith(Q))) {
      cut(ch);
      continue;
    }
    current.shape += ch;
    if (ch === T) current.refs.push(tokens.refs[t++]);
    if (ch === Q) {
      const quote = tokens.quotes[q++];
      current.quotes.push(quote);
      if (/[。；;]$/.test(quote)) cut('');
    }
  }
  pieces.push(current);
  return pieces.filter((p) => p.shape !== '');
}

function join(pieces: Piece[]): Tokens {
  return {
    shape: pieces.map((p, k) => p.shape + (k < pieces.length - 1 ? p.separator : '')).join(''),
    quotes: pieces.flatMap((p) => p.quotes),
    refs: pieces.flatMap((p) => p.refs),
  };
}

function matchOf(tokens: Tokens, m: RegExpExecArray, subject: Ref[] | null): Match {
  const before = (mark: string, end: number) => [...tokens.shape.slice(0, end)].filter((c) => c === mark).length;
  const span = (g: number) => m.indices?.[g];
  const refs = (g: number) => {
    const s = span(g);
    return s ? tokens.refs[before(T, s[0])] : undefined;
  };
  const quotes = (g: number) => {
    const s = span(g);
    return s ? tokens.quotes.slice(before(Q, s[0]), before(Q, s[1])) : [];
  };
  return {
    refs,
    subject: (g) => {
      const written = refs(g);
      return written ? complete(written, subject) : subject;
    },
    quotes,
    text: (g) => quotes(g).join('\n'),
    word: (g) => m[g],
    count: (g) => fromChineseNumeral(m[g] ?? '') ?? 0,
  };
}

/// Gives the provisions written without their article (第二款, 第（三）项) the article of the one
/// before them, or of the subject; 其 is the subject. Null when there is none to take.
function complete(refs: Ref[], subject: Ref[] | null): Ref[] | null {
  const out: Ref[] = [];
  for (const ref of refs) {
    if (ref.self) {
      if (!subject) return null;
      out.push(...subject);
      continue;
    }
    if (ref.whole || ref.article !== undefined) {
      out.push(ref);
      continue;
    }
    const from = out[out.length - 1] ?? (subject?.length === 1 ? subject[0] : undefined);
    if (from?.article === undefined) return null;
    out.push({ article: from.article, ...(ref.paragraph === undefined && from.paragraph !== undefined ? { paragraph: from.paragraph } : {}), ...ref });
  }
  return out;
}

/// One provision of the text, named by article (no 之一, not the whole text); null otherwise.
function one(refs: Ref[] | null | undefined): Ref | null {
  if (refs?.length !== 1) return null;
  const [ref] = refs;
  return ref.article !== undefined && ref.sub === undefined && !ref.whole ? ref : null;
}

function failure(message: string): SentenceFailure {
  return { code: 'bad_quoted_text', message };
}

/// 一款, 两项, 三条: a count in the decision's own words.
const counted = (n: number, unit: string) => `${toChineseCount(n)}${unit}`;
/// What the quote holds: 有两款; 没有可作为款的文字 when it reads as none (a heading, say).
const holds = (found: number, unit: string) => (found === 0 ? `没有可作为${unit}的文字` : `有${counted(found, unit)}`);

const paragraphCount = (text: string) => applyAmendmentsQuote(text, () => '')?.length ?? 0;
const itemCount = (text: string) => applyAmendmentsQuoteItems(text, () => '')?.length ?? 0;

function replaceText(ref: Ref | null, text: string): Reading {
  if (!ref) return null;
  const { article, paragraph, item } = ref;
  if (item !== undefined) {
    const n = itemCount(text);
    if (n > 1) return failure(`引号中有${counted(n, '项')}，而决定只修改一项（应写明“修改为${counted(n, '项')}”）`);
    return [{ kind: 'replaceItem', article: article!, ...(paragraph !== undefined ? { paragraph } : {}), item, text }];
  }
  if (paragraph !== undefined) return [{ kind: 'replaceParagraph', article: article!, paragraph, text }];
  return [{ kind: 'replaceArticle', article: article!, text: withoutArticleLabel(text, articleLabel(article!), ...(ref.movedTo !== undefined ? [articleLabel(ref.movedTo)] : [])) }];
}

/// 修改为两款，作为第二款、第三款 (or 两项): the quote must hold as many as the sentence says.
function split(ref: Ref | null, n: number, unit: string, positions: Ref[], text: string): Reading {
  if (!ref || positions.length !== n || n < 1) return null;
  if (unit === '款' ? ref.paragraph === undefined || ref.item !== undefined : ref.item === undefined) return null;
  const found = unit === '款' ? paragraphCount(text) : itemCount(text);
  if (found !== n) return failure(`决定写明修改为${counted(n, unit)}，而引号中${holds(found, unit)}`);
  const { article, paragraph, item } = ref;
  return [unit === '款'
    ? { kind: 'replaceParagraph', article: article!, paragraph: paragraph!, text }
    : { kind: 'replaceItem', article: article!, ...(paragraph !== undefined ? { paragraph } : {}), item: item!, text }];
}

function deleteAll(refs: Ref[] | null): Reading {
  if (!refs || refs.some((r) => r.article === undefined || r.sub !== undefined || r.whole)) return null;
  return refs.map(({ article, paragraph, item }): AmendmentOperation =>
    item !== undefined
      ? paragraph !== undefined ? { kind: 'deleteItem', article: article!, paragraph, item } : { kind: 'deleteArticleItem', article: article!, item }
      : paragraph !== undefined ? { kind: 'deleteParagraph', article: article!, paragraph } : { kind: 'deleteArticle', article: article! });
}

function addArticles(after: Ref | null | undefined, n: number, positions: Ref[], quotes: string[]): Reading {
  if (after === null || (after && (after.paragraph !== undefined || after.item !== undefined))) return null;
  if (positions.length !== n || positions.some((p) => p.article === undefined || p.paragraph !== undefined || p.item !== undefined)) return null;
  const texts = articleTexts(quotes, positions);
  if (!texts) return failure(`决定增加${counted(n, '条')}，引号中的条文不能分成${counted(n, '条')}（多条时每条须写明条号或各用一对引号）`);
  const ops: AmendmentOperation[] = [];
  for (const [k, p] of positions.entries()) {
    if (p.sub !== undefined) {
      if (after && after.article !== p.article) return null;
      ops.push({ kind: 'addSubArticle', after: p.article!, sub: p.sub, text: texts[k] });
    } else ops.push({ kind: 'addArticle', position: p.article!, ...(after ? { after: after.article! } : {}), text: texts[k] });
  }
  return ops;
}

/// 增加一款（一项）: `subject` is the article, or for 后 the 款 (the 项) it follows (one provision,
/// so never a 之一: `one`); without one, the article of the position (增加一款，作为第十条第二款).
function addParts(subject: Ref | null, where: string | undefined, n: number, unit: string, positions: Ref[], text: string): Reading {
  const article = subject?.article ?? positions[0]?.article;
  const level = unit === '款' ? 'paragraph' : 'item';
  const after = where !== undefined && where !== '中';
  if (article === undefined || positions.length !== n || n < 1) return null;
  if (positions.some((p) => p[level] === undefined || (p.article !== undefined && p.article !== article) || (level === 'paragraph' && p.item !== undefined))) return null;
  // 在第X条中 / 在第X条第Y款后 (a 款); 在第X条（第Y款）中 / 在…第（W）项后 (a 项).
  const anchor = level === 'paragraph' ? subject?.paragraph : subject?.item;
  if (subject ? (level === 'paragraph' && subject.item !== undefined) || after !== (anchor !== undefined) : after) return null;
  const found = level === 'paragraph' ? paragraphCount(text) : itemCount(text);
  if (found !== n) return failure(`决定增加${counted(n, unit)}，而引号中${holds(found, unit)}`);
  if (level === 'paragraph') return [{ kind: 'addParagraph', article, paragraph: positions[0].paragraph!, text }];
  const paragraph = subject?.paragraph ?? positions[0].paragraph;
  return [{ kind: 'addItem', article, ...(paragraph !== undefined ? { paragraph } : {}), item: positions[0].item!, ...(anchor !== undefined ? { after: anchor } : {}), text }];
}

function scopesOf(refs: Ref[] | null): PhraseScope[] | 'text' | null {
  if (!refs) return null;
  if (refs.some((r) => r.whole)) return refs.length === 1 ? 'text' : null;
  if (refs.some((r) => r.article === undefined || r.sub !== undefined)) return null;
  return refs.map(({ article, paragraph, item }) => ({ article: article!, ...(paragraph !== undefined ? { paragraph } : {}), ...(item !== undefined ? { item } : {}) }));
}

/// Several scopes, the whole text, or 统一 (均 …) ask for every occurrence.
const throughout = (scopes: PhraseScope[] | 'text', every: string | undefined): boolean =>
  scopes === 'text' || scopes.length > 1 || (every !== undefined && every !== '分别');

function replacePhrases(refs: Ref[] | null, phrases: string[], every: string | undefined, replacements: string[]): Reading {
  const scopes = scopesOf(refs);
  if (!scopes || (replacements.length !== 1 && replacements.length !== phrases.length)) return null;
  return phrases.map((phrase, k): AmendmentOperation => {
    const replacement = replacements.length === 1 ? replacements[0] : replacements[k];
    return throughout(scopes, every) ? { kind: 'replacePhraseThroughout', scopes, phrase, replacement }
      : { kind: 'replacePhrase', scope: (scopes as PhraseScope[])[0], phrase, replacement };
  });
}

function deletePhrases(refs: Ref[] | null, phrases: string[], every: string | undefined): Reading {
  const scopes = scopesOf(refs);
  if (!scopes) return null;
  return phrases.map((phrase): AmendmentOperation => (throughout(scopes, every)
    ? { kind: 'deletePhraseThroughout', scopes, phrase } : { kind: 'deletePhrase', scope: (scopes as PhraseScope[])[0], phrase }));
}

function insertPhrases(refs: Ref[] | null, anchor: string, side: 'after' | 'before', text: string): Reading {
  const scopes = scopesOf(refs);
  if (!scopes) return null;
  return [throughout(scopes, undefined) ? { kind: 'insertPhraseThroughout', scopes, anchor, side, text }
    : { kind: 'insertPhrase', scope: (scopes as PhraseScope[])[0], anchor, side, text }];
}

function moves(from: Ref[] | null, to: Ref[]): Reading {
  const articleOnly = (r: Ref) => r.article !== undefined && r.sub === undefined && r.paragraph === undefined && r.item === undefined && !r.whole;
  if (!from || from.length !== to.length || !from.every(articleOnly) || !to.every(articleOnly)) return null;
  return from.map((r, k) => ({ kind: 'moveArticle', article: r.article!, position: to[k].article! }));
}

/// A chapter quoted with its label (“第五章　名称”, optionally followed by its articles) or, after
/// 章名为, its name alone; the articles are those quoted (labels dropped, numbers consecutive).
/// `after` is the article it follows, undefined when none is said, null when what is said is no
/// one article (在第三条第二款后, 在第三条之一后): refused.
function addChapter(after: Ref | null | undefined, previous: string | undefined, chapter: number, labelled: boolean, quotes: string[]): Reading {
  if (chapter < 1 || after === null || (after && (after.paragraph !== undefined || after.item !== undefined))) return null;
  if (previous !== undefined && fromChineseNumeral(previous) !== chapter - 1) return null;
  const lines = quotes.join('\n').split('\n').filter((l) => l.trim() !== '');
  const first = classifyLine(lines[0] ?? '');
  if (!labelled && (lines.length !== 1 || first.kind !== 'text')) return failure('“章名为”后的引号中只能是章名');
  if (labelled && (first.kind !== 'heading' || first.level !== 'chapter' || first.number !== chapter)) return failure(`引号中应以“第${toChineseNumeral(chapter)}章”的章名开头`);
  const name = first.kind === 'heading' ? first.title : lines[0].trim();
  const rest = lines.slice(1);
  const labels = rest.flatMap((l, k) => {
    const cls = classifyLine(l);
    return cls.kind === 'article' ? [{ k, number: cls.number, sub: cls.sub, text: cls.text }] : [];
  });
  if (rest.length > 0 && (labels[0]?.k !== 0 || labels.some((l, j) => l.sub !== undefined || l.number !== labels[0].number + j))) {
    return failure('章名后应是依次编号的条文（第X条　……）');
  }
  const articles = labels.map((l, j) => [l.text, ...rest.slice(l.k + 1, labels[j + 1]?.k)].filter((t) => t !== '').join('\n'));
  return [{ kind: 'addChapter', chapter, name, ...(after ? { after: after.article! } : {}), articles, ...(labels.length > 0 ? { position: labels[0].number } : {}) }];
}

function deleteChapter(partWord: string | undefined, chapter: number): Reading {
  const part = partWord === undefined ? undefined : fromChineseNumeral(partWord);
  if (part === null || chapter < 1) return null;
  return [{ kind: 'deleteChapter', chapter, ...(part !== undefined ? { part } : {}) }];
}

const HEADING_NAMES: Record<string, 'part' | 'chapter' | 'section' | undefined> = { 编名: 'part', 章名: 'chapter', 节名: 'section' };

function renameHeading(partWord: string | undefined, chapterWord: string | undefined, sectionWord: string | undefined, what: string | undefined, quote: string): Reading {
  const [part, chapter, section] = [partWord, chapterWord, sectionWord].map((w) => (w === undefined ? undefined : fromChineseNumeral(w) ?? NaN));
  if ([part, chapter, section].some((n) => Number.isNaN(n))) return null;
  const last = section !== undefined ? 'section' : chapter !== undefined ? 'chapter' : part !== undefined ? 'part' : undefined;
  const heading = (what !== undefined ? HEADING_NAMES[what] : undefined) ?? last;
  if (heading === undefined || heading !== last) return null;
  // A quote written with its label (“第二章　监督管理”) when no 章名 is said, or even when it is.
  const label = /^第[^章节编]+[编章节][\s\u3000]*/.exec(quote);
  if (what === undefined && !label) return null;
  const name = label ? quote.slice(label[0].length) : quote;
  return [{ kind: 'renameHeading', heading, ...(part !== undefined ? { part } : {}), ...(chapter !== undefined ? { chapter } : {}), ...(section !== undefined ? { section } : {}), name }];
}

/// “第十条　……” as the quote of 将第十条修改为 or 增加一条: a label that is one of the article's
/// own (`own`) is not text; another stays, for the quote to be refused.
function withoutArticleLabel(text: string, ...own: string[]): string {
  const lines = text.split('\n');
  const first = classifyLine(lines[0]);
  if (first.kind !== 'article' || !own.includes(articleLabel(first.number, first.sub))) return text;
  return (first.text === '' ? lines.slice(1) : [first.text, ...lines.slice(1)]).join('\n');
}

/// The texts of the articles `n` added articles are given in: one quote each, or lines that
/// start with their labels (“第十条　……”); null when they cannot be told apart.
function articleTexts(quotes: string[], positions: Ref[]): string[] | null {
  const n = positions.length;
  const lines = quotes.join('\n').split('\n').filter((l) => l.trim() !== '');
  const starts = lines.flatMap((l, k) => (classifyLine(l).kind === 'article' ? [k] : []));
  if (starts.length > 0) {
    if (starts[0] !== 0 || starts.length !== n) return null;
    return starts.map((s, k) => withoutArticleLabel(lines.slice(s, starts[k + 1]).join('\n'), articleLabel(positions[k].article!, positions[k].sub)));
  }
  if (n === 1) return [lines.join('\n')];
  return quotes.length === n ? quotes : null;
}

/// The provisions operations act on, for a next sentence that leaves them unsaid.
function subjectOf(ops: AmendmentOperation[]): Ref[] | null {
  const [op] = ops;
  if (!op) return null;
  if ('scopes' in op) return op.scopes === 'text' ? [{ whole: true }] : op.scopes;
  if ('scope' in op) return [op.scope];
  if (op.kind === 'deleteArticle' || !('article' in op)) return null;
  return [{ article: op.article, ...(op.kind === 'moveArticle' ? { movedTo: op.position } : {}) }];
}
