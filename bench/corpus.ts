import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseRegulation, toParseJson, type ParseJson } from '@/lib/legal-text';

/// The dev split of the corpus, kept in the repository (testdata/corpus/README.md).
export const CORPUS = path.resolve(process.cwd(), 'testdata/corpus');

/// The file names of the dev texts, sorted; fails plainly when the corpus is missing.
export function devFiles(): string[] {
  if (!existsSync(CORPUS)) throw new Error(`corpus not found at ${CORPUS}`);
  return readdirSync(path.join(CORPUS, 'dev')).filter((f) => f.endsWith('.md')).sort();
}

/// A corpus file (path relative to the corpus folder) parsed into the `parse` JSON.
export function loadCorpusText(file: string): ParseJson {
  return toParseJson(parseRegulation(readFileSync(path.join(CORPUS, file), 'utf8')));
}

/// Every article of the dev texts, in file order: the pool synthetic texts are drawn from.
export function devArticles(): ParseJson['articles'] {
  return devFiles().flatMap((f) => loadCorpusText(`dev/${f}`).articles);
}
