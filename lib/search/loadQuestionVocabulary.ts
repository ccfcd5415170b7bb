import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseThesaurus, type Thesaurus } from './parseThesaurus';

/// The word lists that reading a question needs, kept as data in lib/search/lexicon so that they
/// are reviewed like code and changed without touching it.
export interface QuestionVocabulary {
  /// Legal terms the segmenter must keep whole (用人单位, 解除劳动合同), from legalWords.txt.
  legalWords: string[];
  /// Question words and particles that say nothing about the law (是否, 怎么办, 吗), from stopwords.txt.
  stopwords: ReadonlySet<string>;
  /// Colloquial word → statutory terms, from thesaurus.tsv.
  thesaurus: Thesaurus;
}

/// Where the lists are: the repository's lib/search/lexicon (the app, the tests and the benches all
/// run from the repository root).
const LEXICON_DIR = path.join(process.cwd(), 'lib', 'search', 'lexicon');

/// The vocabulary of lib/search/lexicon, read once per process; `dir` reads another copy (tests).
export const loadQuestionVocabulary = vocabularyLoader();

/// A loader with its own memory of the lexicon folder: the process keeps one
/// (`loadQuestionVocabulary`); a test makes a fresh one to see it read the folder only once.
export function vocabularyLoader(): (dir?: string) => QuestionVocabulary {
  let cached: QuestionVocabulary | null = null;
  return (dir) => {
    if (!dir && cached) return cached;
    const read = (file: string) => readFileSync(path.join(dir ?? LEXICON_DIR, file), 'utf8');
    const vocabulary = {
      legalWords: wordList(read('legalWords.txt')),
      stopwords: new Set(wordList(read('stopwords.txt'))),
      thesaurus: parseThesaurus(read('thesaurus.tsv')),
    };
    if (!dir) cached = vocabulary;
    return vocabulary;
  };
}

/// Words separated by spaces or line breaks; `#` starts a comment; repeats are skipped.
function wordList(text: string): string[] {
  const words = text.split(/\r?\n/).flatMap((line) => line.replace(/#.*$/, '').split(/\s+/)).filter(Boolean);
  return [...new Set(words)];
}
