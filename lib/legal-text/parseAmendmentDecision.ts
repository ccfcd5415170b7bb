import type { ConsolidationProblem, Operation, ParsedDecision } from './consolidateModel';
import { CHINESE_NUMERAL_CHARS, fromChineseNumeral } from './numerals';
import { parseAmendmentDecisionSentence } from './parseAmendmentDecisionSentence';

const CLAUSE_START = new RegExp(`^([${CHINESE_NUMERAL_CHARS}]+)[、．.]\\s*(.*)$`);
/// Sentences of a closing that are read and kept but ask for nothing to be done to the text.
const CLOSING_SENTENCE = /^(?:本决定自.*施行|.*根据本决定作相应(?:的)?修改.*|.*重新公布)$/;

interface Clause {
  number: number;
  text: string;
}

/// Reads the text of a 修改决定 into its title, preamble (…决定对《……》作如下修改：), the
/// operations of its numbered clauses (一、二、…, each one or more sentences separated by 。 or
/// ；) and its closing (此外，对条文顺序作相应调整。本决定自……起施行。…). Every line is accounted
/// for: a sentence in no supported form, or a line after the clauses that is no closing
/// sentence, is returned as a problem rather than dropped.
export function parseAmendmentDecision(text: string): ParsedDecision {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/).map((l) => l.trim());
  const head: string[] = [];
  const clauses: Clause[] = [];
  const tail: string[] = [];
  let depth = 0;
  for (const line of lines) {
    const open = clauses[clauses.length - 1];
    if (depth > 0 && open && tail.length === 0) {
      // A quote that runs over several lines holds several 款 or 项.
      open.text += `\n${line}`;
      depth = Math.max(0, depth + quoteBalance(line));
      continue;
    }
    if (line === '') continue;
    const start = tail.length === 0 ? CLAUSE_START.exec(line) : null;
    const number = start ? fromChineseNumeral(start[1]) : null;
    if (start && number !== null) {
      clauses.push({ number, text: start[2] });
      depth = Math.max(0, quoteBalance(start[2]));
    } else if (clauses.length === 0) head.push(line);
    else if (tail.length === 0 && open && !/[。；”]$/.test(open.text)) {
      // A clause wrapped onto the next line of a pasted text.
      open.text += line;
      depth = Math.max(0, depth + quoteBalance(line));
    } else tail.push(line);
  }

  const operations: Operation[] = [];
  const problems: ConsolidationProblem[] = [];
  const [title, ...preamble] = head.length > 0 && !/作如下修改/.test(head[0]) ? head : ['', ...head];
  for (const clause of clauses) {
    for (const sentence of splitSentences(clause.text)) {
      const op = parseAmendmentDecisionSentence(sentence);
      if (op) operations.push({ ...op, clause: clause.number, sentence });
      else problems.push({ code: 'unparseable_sentence', clause: clause.number, text: sentence, clauseText: clause.text, message: `无法识别的修改句：${sentence}` });
    }
  }
  for (const line of tail) {
    for (const sentence of splitSentences(line)) {
      const op = parseAmendmentDecisionSentence(sentence);
      if (op?.kind === 'renumberNote') operations.push({ ...op, clause: 0, sentence });
      else if (!CLOSING_SENTENCE.test(sentence)) {
        problems.push({ code: 'unrecognized_text', clause: 0, text: sentence, clauseText: '', message: `决定末尾无法识别的文字：${sentence}` });
      }
    }
  }
  return { title, preamble: preamble.join('\n'), closing: tail.join('\n'), operations, problems };
}

function quoteBalance(text: string): number {
  let n = 0;
  for (const ch of text) {
    if (ch === '“') n++;
    else if (ch === '”') n--;
  }
  return n;
}

/// Splits a clause at every 。 or ； outside quotes; the separators are dropped.
function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '“') depth++;
    else if (ch === '”') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === '。' || ch === '；')) {
      if (current.trim()) sentences.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) sentences.push(current.trim());
  return sentences;
}
