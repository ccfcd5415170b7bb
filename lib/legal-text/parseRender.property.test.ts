import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { RegulationText } from './model';
import { parseRegulation } from './parse';
import { renderMarkdown, renderPlainText } from './render';
import { regulationText } from './testing/regulationArbitrary';

const RUNS = { seed: 0x21_0304, numRuns: 300 };

/// What is compared: the whole `RegulationText`, exactly — title, header lines, the body tree
/// with every heading's words, every 款, 项 and 目 text, the 之一 flags, the （1）style of 目 and
/// every eid. Two things are normalised, both in the generator rather than here: the eids are
/// the ones the parser derives from the numbers it reads (`withParsedEids`; a model built in the
/// editor may carry other eids, which no text rendering can carry), and `events` are what
/// `parseHeaderEvents` reads from the header lines (they are derived, not rendered). `warnings`
/// must be empty: a valid text parses cleanly.
const roundTrip = (doc: RegulationText, text: string) => expect(parseRegulation(text)).toEqual(doc);

describe('parse(render(t)) = t for generated regulation texts', () => {
  test.prop([regulationText], RUNS)('through Markdown (# title, INFO END, ## headings)', (doc) => {
    roundTrip(doc, renderMarkdown(doc));
  });

  test.prop([regulationText], RUNS)('through plain text (第一章　总则, 第一条　…, blank lines between units)', (doc) => {
    const text = renderPlainText(doc);
    expect(parseRegulation(text, { format: 'txt' })).toEqual(doc);
    // The format is guessed as plain text when not given.
    roundTrip(doc, text);
  });

  test.prop([regulationText], { ...RUNS, numRuns: 100 })('through plain text with CRLF line ends and a BOM, as Windows saves it', (doc) => {
    roundTrip(doc, `\ufeff${renderPlainText(doc).replace(/\n/g, '\r\n')}`);
  });

  test.prop([regulationText], { ...RUNS, numRuns: 100 })('renders a parsed rendering identically (render is a fixed point)', (doc) => {
    const md = renderMarkdown(doc);
    expect(renderMarkdown(parseRegulation(md))).toBe(md);
    const txt = renderPlainText(doc);
    expect(renderPlainText(parseRegulation(txt))).toBe(txt);
  });

  test.prop([regulationText, fc.integer({ min: 16, max: 40 })], RUNS)('through plain text hard-wrapped as a PDF viewer copies it (no blank lines)', (doc, width) => {
    const lines = renderPlainText(doc).split('\n').filter((l) => l !== '').flatMap((l) => wrap(l, width));
    expect(parseRegulation(lines.join('\n'), { format: 'txt' })).toEqual(doc);
  });
});

/// Closing punctuation that typesetting never puts at the start of a line (避头), and what a
/// line never breaks inside: a run of latin letters and digits (PM2.5, ISO9001).
const NO_LINE_START = /^[，。、；：！？”’」』）》〉]/;
const WORD_RUN = /[A-Za-z0-9.]/;

/// Breaks a line into lines of about `width` characters, as a PDF's text layer has them.
function wrap(line: string, width: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    let cut = width;
    while (cut < rest.length && (NO_LINE_START.test(rest.slice(cut)) || (WORD_RUN.test(rest[cut]) && WORD_RUN.test(rest[cut - 1])))) cut++;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return rest ? [...out, rest] : out;
}
