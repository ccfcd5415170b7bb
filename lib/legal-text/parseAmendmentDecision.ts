import type { ConsolidationProblem, Operation, ParsedDecision } from './consolidateModel';
import { CHINESE_NUMERAL_CHARS, fromChineseNumeral } from './numerals';
import { readAmendmentSentence } from './parseAmendmentDecisionSentence';
import { CLOSE_QUOTES, OPEN_QUOTES, splitQuotes, type Ref } from './parseAmendmentDecisionTokens';

/// A clause opens a line: 一、 (also 一．), （一）, or 1. / 1、 as some sources number them.
export const CLAUSE_START = new RegExp(`^(?:([${CHINESE_NUMERAL_CHARS}]+)[、．.]|[（(]([${CHINESE_NUMERAL_CHARS}]+)[)）]|([0-9０-９]{1,3})[.．、](?![0-9０-９]))\\s*(.*)$`);
/// Sentences of a closing that are read and kept but ask for nothing to be done to the text.
const CLOSING_SENTENCE = /^(?:本决定自.*施行|.*根据本决定作相应(?:的)?修改.*|.*重新公布)$/;

/// The last line of a preamble: …决定对《……》作如下修改： (also 作以下修改：, 作出如下修改：, 修改如下：,
/// and …会议决定：).
const PREAMBLE_END = /(?:修改(?:如下)?|决定)[：:]$/;

/// A clause of a decision: its number (an unnumbered clause after the preamble is numbered in
/// order: 1, 2, …), its text without its number, and its lines as written.
export interface DecisionClause {
  number: number;
  text: string;
  lines: string[];
}

/// The lines of a 修改决定 sorted into its head (title and preamble), clauses and closing. A
/// clause opens its line with a number (CLAUSE_START). A decision of one amendment often leaves
/// it unnumbered (对《甲条例》作如下修改：\n将第三条……。): after the preamble's last line
/// (PREAMBLE_END) and before any numbered clause, each line that is not a closing sentence is a
/// clause of its own. The closing is every line after the clauses. Blank lines, and lines of
/// separators alone (。 left on a line of its own by a paste, once it ends no wrapped clause), are
/// skipped.
export function splitDecision(text: string): { head: string[]; clauses: DecisionClause[]; tail: string[] } {
  // trim() drops a byte-order mark as well as spaces (full-width ones too).
  const lines = withCurlyQuotes(text).split(/\r\n|\r|\n/).map((l) => l.trim());
  const head: string[] = [];
  const clauses: Array<DecisionClause & { numbered: boolean }> = [];
  const tail: string[] = [];
  let depth = 0;
  let opened = false;
  let unnumbered = 0;
  for (const line of lines) {
    const open = clauses[clauses.length - 1];
    if (depth > 0 && open && tail.length === 0) {
      // A quote that runs over several lines holds several 款 or 项; each line may open with its
      // own “, the last alone closing (as a quote of several paragraphs is punctuated).
      const own = OPEN_QUOTES.includes(line[0] ?? '') && neverCloses(line.slice(1), depth) ? line.slice(1) : line;
      open.text += `\n${own}`;
      open.lines.push(line);
      depth = Math.max(0, depth + quoteBalance(own));
      continue;
    }
    if (line === '') continue;
    const start = tail.length === 0 ? CLAUSE_START.exec(line) : null;
    const number = start ? clauseNumber(start) : null;
    if (start && number !== null) {
      clauses.push({ number, text: start[4], lines: [line], numbered: true });
      depth = Math.max(0, quoteBalance(start[4]));
    } else if (clauses.length === 0 && (!opened || PREAMBLE_END.test(line))) {
      head.push(line);
      opened = PREAMBLE_END.test(line);
    } else if (tail.length === 0 && open && !/[。；;”」]$/.test(open.text)) {
      // A clause wrapped onto the next line of a pasted text.
      open.text += line;
      open.lines.push(line);
      depth = Math.max(0, depth + quoteBalance(line));
    } else if (splitSentences(line).length === 0) {
      // A line of separators alone (。) left by a paste: nothing to read. It neither takes a
      // clause number nor starts the closing (which would turn the clauses after it into text).
    } else if (tail.length === 0 && (!open || !open.numbered) && !isClosing(line)) {
      clauses.push({ number: ++unnumbered, text: line, lines: [line], numbered: false });
      depth = Math.max(0, quoteBalance(line));
    } else tail.push(line);
  }
  return { head, clauses: clauses.map(({ numbered: _n, ...clause }) => clause), tail };
}

/// Reads the text of a 修改决定 into its title, preamble (…决定对《……》作如下修改：), the
/// operations of its clauses (一、二、… or （一）…, 1. …, or unnumbered lines after the preamble:
/// `splitDecision`; each one or more sentences separated by 。 or ；, a sentence taking the
/// provision the one before it was about when it leaves it unsaid) and its closing (此外，对条文
/// 顺序作相应调整。本决定自……起施行。…). Every line is accounted for: a sentence in no supported
/// form, or a line after the clauses that is no closing sentence, is returned as a problem rather
/// than dropped. A sentence that names the regulation it amends (将《乙条例》第三条……) is read
/// only when that is the regulation the decision amends (`regulationOf`); one naming another, or
/// a clause naming none in a decision whose clauses amend several regulations, is reported
/// (`title_mismatch`) and not read.
export function parseAmendmentDecision(text: string): ParsedDecision {
  const { head, clauses, tail } = splitDecision(text);
  const operations: Operation[] = [];
  const problems: ConsolidationProblem[] = [];
  const [title, ...preamble] = head.length > 0 && !PREAMBLE_END.test(head[0]) && !/作如下修改/.test(head[0]) ? head : ['', ...head];
  const own = regulationOf(title, preamble);
  const named = [...new Set(clauses.flatMap((c) => namedIn(c.text)))];
  const several = named.length > 1;
  for (const clause of clauses) {
    let subject: Ref[] | null = null;
    // The regulations the sentences before in the clause named (null: none yet).
    let about: string[] | null = null;
    for (const sentence of splitSentences(clause.text)) {
      const names = namedIn(sentence);
      if (names.length > 0) about = names;
      const mismatch = regulationMismatch(about, names.length > 0, own, several ? named : null);
      if (mismatch) {
        problems.push({ code: 'title_mismatch', clause: clause.number, text: sentence, clauseText: clause.text, message: mismatch });
        subject = null;
        continue;
      }
      const read = readAmendmentSentence(sentence, subject);
      subject = read && 'operations' in read ? read.subject : null;
      if (read && 'operations' in read) operations.push(...read.operations.map((op) => ({ ...op, clause: clause.number, sentence })));
      else if (read) problems.push({ ...read, clause: clause.number, text: sentence, clauseText: clause.text });
      else problems.push({ code: 'unparseable_sentence', clause: clause.number, text: sentence, clauseText: clause.text, message: `无法识别的修改句：${sentence}` });
    }
  }
  operations.splice(0, operations.length, ...foldIntoChapters(operations));
  // An amendment in the preamble (no line ending in 作如下修改： or 决定： before it): reported, not
  // read, as the preamble may still be going on.
  for (const line of preamble) {
    for (const sentence of splitSentences(line).filter(isAmendment)) {
      problems.push({ code: 'unrecognized_text', clause: 0, text: sentence, clauseText: '', message: `未适用决定前言中的修改句：${sentence}` });
    }
  }
  for (const line of tail) {
    for (const sentence of splitSentences(line)) {
      const notes = renumberNotes(sentence);
      if (notes.length > 0) operations.push(...notes);
      else if (!CLOSING_SENTENCE.test(sentence)) {
        problems.push({ code: 'unrecognized_text', clause: 0, text: sentence, clauseText: '', message: `决定末尾无法识别的文字：${sentence}` });
      }
    }
  }
  return { title, preamble: preamble.join('\n'), closing: tail.join('\n'), operations, problems };
}

/// The regulations a sentence or clause names outside its quotes (将《甲条例》第三条……), each once.
export function namedIn(text: string): string[] {
  const shape = splitQuotes(text)?.shape ?? text.split(/[“「]/)[0];
  return [...new Set([...shape.matchAll(/《([^》]+)》/g)].map((m) => m[1]))];
}

/// The regulation a decision amends: the one its preamble's last line names (…对《甲条例》作如下修改：),
/// else the one its title names when it amends one (关于修改《甲条例》的决定, also as published with
/// the body that adopts it before it, 某市人民代表大会常务委员会关于修改《甲条例》的决定, and as a
/// draft, …的决定（草案）); undefined when neither says (关于修改《甲条例》等二部地方性法规的决定).
function regulationOf(title: string, preamble: string[]): string | undefined {
  const last = [...preamble].reverse().find((line) => PREAMBLE_END.test(line));
  const names = last ? namedIn(last) : [];
  if (names.length === 1) return names[0];
  return /关于修改《([^》]+)》的决定(?:（草案）)?$/.exec(title)?.[1];
}

/// Why a sentence is not read for the regulation it amends: it (or, when it names none, the
/// sentence before it in its clause) names another regulation than `own`, or it names none and
/// the clauses of the decision amend `several` regulations; null when it may be read.
function regulationMismatch(about: string[] | null, named: boolean, own: string | undefined, several: string[] | null): string | null {
  const all = several?.map((n) => `《${n}》`).join('');
  if (about === null) return all ? `决定分别修改${all}，该句没有写明修改的是哪一部，未适用` : null;
  if (own === undefined) return all ? `决定分别修改${all}，不能确定要修改的是其中哪一部，未适用` : null;
  const others = about.filter((n) => n !== own);
  if (others.length === 0) return null;
  const which = others.map((n) => `《${n}》`).join('');
  return named ? `该句修改的是${which}，而决定修改的是《${own}》，未适用` : `该句接着修改${which}，而决定修改的是《${own}》，未适用`;
}

/// The renumbering notes a sentence of the closing is (此外，对条文顺序作相应调整), or none.
function renumberNotes(sentence: string): Operation[] {
  const read = readAmendmentSentence(sentence, null);
  return read && 'operations' in read && read.operations.every((op) => op.kind === 'renumberNote')
    ? read.operations.map((op) => ({ ...op, clause: 0, sentence })) : [];
}

/// Whether a sentence reads into operations that change the text.
function isAmendment(sentence: string): boolean {
  const read = readAmendmentSentence(sentence, null);
  return read !== null && 'operations' in read && read.operations.some((op) => op.kind !== 'renumberNote');
}

/// Whether a line is the closing: each of its sentences a closing sentence or a renumbering note
/// (it has one at least: `splitDecision` skips a line of separators alone).
function isClosing(line: string): boolean {
  return splitSentences(line).every((s) => CLOSING_SENTENCE.test(s) || renumberNotes(s).length > 0);
}

/// 增加一章，作为第五章，章名为“……”；增加两条，分别作为第三十条、第三十一条：the articles added
/// after a chapter in its clause, numbered on from it, are its articles.
function foldIntoChapters(operations: Operation[]): Operation[] {
  const out: Operation[] = [];
  for (const op of operations) {
    const last = out[out.length - 1];
    if (op.kind === 'addArticle' && op.after === undefined && last?.kind === 'addChapter' && last.clause === op.clause
      && (last.position === undefined ? last.articles.length === 0 : op.position === last.position + last.articles.length)) {
      out[out.length - 1] = { ...last, articles: [...last.articles, op.text], position: last.position ?? op.position, sentence: last.sentence.endsWith(op.sentence) ? last.sentence : `${last.sentence}；${op.sentence}` };
    } else out.push(op);
  }
  return out;
}

function clauseNumber(start: RegExpExecArray): number | null {
  if (start[3] !== undefined) return Number(start[3].replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
  return fromChineseNumeral(start[1] ?? start[2]);
}

/// A text pasted with straight quotes ("甲") only: they open and close in turn.
function withCurlyQuotes(text: string): string {
  if (/[“”「」]/.test(text) || !text.includes('"')) return text;
  let open = false;
  return text.replace(/"/g, () => ((open = !open) ? '“' : '”'));
}

function quoteBalance(text: string): number {
  let n = 0;
  for (const ch of text) {
    if (OPEN_QUOTES.includes(ch)) n++;
    else if (CLOSE_QUOTES.includes(ch)) n--;
  }
  return n;
}

/// Whether `text`, read inside `depth` open quotes, closes no more quotes than are open.
function neverCloses(text: string, depth: number): boolean {
  let n = depth;
  for (const ch of text) {
    if (OPEN_QUOTES.includes(ch)) n++;
    else if (CLOSE_QUOTES.includes(ch) && --n < 0) return false;
  }
  return true;
}

/// Splits a clause at every 。 or ； (also ;) outside quotes; the separators are dropped.
function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (OPEN_QUOTES.includes(ch)) depth++;
    else if (CLOSE_QUOTES.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === '。' || ch === '；' || ch === ';')) {
      if (current.trim()) sentences.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) sentences.push(current.trim());
  return sentences;
}
