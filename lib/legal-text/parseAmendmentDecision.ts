import type { ConsolidationProblem, Operation, ParsedDecision } from './consolidateModel';
import { CHINESE_NUMERAL_CHARS, fromChineseNumeral } from './numerals';
import { readAmendmentSentence } from './parseAmendmentDecisionSentence';
import { CLOSE_QUOTES, OPEN_QUOTES, type Ref } from './parseAmendmentDecisionTokens';

/// A clause opens a line: 一、 (also 一．), （一）, or 1. / 1、 as some sources number them.
export const CLAUSE_START = new RegExp(`^(?:([${CHINESE_NUMERAL_CHARS}]+)[、．.]|[（(]([${CHINESE_NUMERAL_CHARS}]+)[)）]|([0-9０-９]{1,3})[.．、](?![0-9０-９]))\\s*(.*)$`);
/// Sentences of a closing that are read and kept but ask for nothing to be done to the text.
const CLOSING_SENTENCE = /^(?:本决定自.*施行|.*根据本决定作相应(?:的)?修改.*|.*重新公布)$/;

interface Clause {
  number: number;
  text: string;
}

/// Reads the text of a 修改决定 into its title, preamble (…决定对《……》作如下修改：), the
/// operations of its numbered clauses (一、二、… or （一）…, 1. …, each one or more sentences
/// separated by 。 or ；, a sentence taking the provision the one before it was about when it
/// leaves it unsaid) and its closing (此外，对条文顺序作相应调整。本决定自……起施行。…). Every line is accounted
/// for: a sentence in no supported form, or a line after the clauses that is no closing
/// sentence, is returned as a problem rather than dropped.
export function parseAmendmentDecision(text: string): ParsedDecision {
  const lines = withCurlyQuotes(text.replace(/^\ufeff/, '')).split(/\r\n|\r|\n/).map((l) => l.trim());
  const head: string[] = [];
  const clauses: Clause[] = [];
  const tail: string[] = [];
  let depth = 0;
  for (const line of lines) {
    const open = clauses[clauses.length - 1];
    if (depth > 0 && open && tail.length === 0) {
      // A quote that runs over several lines holds several 款 or 项; each line may open with its
      // own “, the last alone closing (as a quote of several paragraphs is punctuated).
      const own = OPEN_QUOTES.includes(line[0] ?? '') && neverCloses(line.slice(1), depth) ? line.slice(1) : line;
      open.text += `\n${own}`;
      depth = Math.max(0, depth + quoteBalance(own));
      continue;
    }
    if (line === '') continue;
    const start = tail.length === 0 ? CLAUSE_START.exec(line) : null;
    const number = start ? clauseNumber(start) : null;
    if (start && number !== null) {
      clauses.push({ number, text: start[4] });
      depth = Math.max(0, quoteBalance(start[4]));
    } else if (clauses.length === 0) head.push(line);
    else if (tail.length === 0 && open && !/[。；;”」]$/.test(open.text)) {
      // A clause wrapped onto the next line of a pasted text.
      open.text += line;
      depth = Math.max(0, depth + quoteBalance(line));
    } else tail.push(line);
  }

  const operations: Operation[] = [];
  const problems: ConsolidationProblem[] = [];
  const [title, ...preamble] = head.length > 0 && !/作如下修改/.test(head[0]) ? head : ['', ...head];
  for (const clause of clauses) {
    let subject: Ref[] | null = null;
    for (const sentence of splitSentences(clause.text)) {
      const read = readAmendmentSentence(sentence, subject);
      subject = read && 'operations' in read ? read.subject : null;
      if (read && 'operations' in read) operations.push(...read.operations.map((op) => ({ ...op, clause: clause.number, sentence })));
      else if (read) problems.push({ ...read, clause: clause.number, text: sentence, clauseText: clause.text });
      else problems.push({ code: 'unparseable_sentence', clause: clause.number, text: sentence, clauseText: clause.text, message: `无法识别的修改句：${sentence}` });
    }
  }
  operations.splice(0, operations.length, ...foldIntoChapters(operations));
  for (const line of tail) {
    for (const sentence of splitSentences(line)) {
      const read = readAmendmentSentence(sentence, null);
      const notes = read && 'operations' in read && read.operations.every((op) => op.kind === 'renumberNote') ? read.operations : [];
      if (notes.length > 0) operations.push(...notes.map((op) => ({ ...op, clause: 0, sentence })));
      else if (!CLOSING_SENTENCE.test(sentence)) {
        problems.push({ code: 'unrecognized_text', clause: 0, text: sentence, clauseText: '', message: `决定末尾无法识别的文字：${sentence}` });
      }
    }
  }
  return { title, preamble: preamble.join('\n'), closing: tail.join('\n'), operations, problems };
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
