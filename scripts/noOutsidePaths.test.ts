import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOutsidePaths, formatOutsidePath } from './findOutsidePaths';

const repo = path.resolve(import.meta.dirname, '..');

/// The files of the repository: tracked, plus new ones not yet added that .gitignore does not
/// hide (so a reference is caught before the commit). Files deleted in the work tree are skipped.
function repositoryFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...new Set(out.split('\0').filter(Boolean))].filter((f) => existsSync(path.join(repo, f)) && statSync(path.join(repo, f)).isFile());
}

/// Text only: a file with a NUL byte is binary (fonts, images, archives).
function readText(file: string): string | null {
  const bytes = readFileSync(path.join(repo, file));
  return bytes.includes(0) ? null : bytes.toString('utf8');
}

// Built from parts, so that this file does not report itself.
const UP = '..';
const SHARED = 'shared';
const siblingCorpus = `${UP}/${SHARED}/corpus`;

describe('paths outside the repository', () => {
  it('does not refer to any path outside the repository from a tracked text file', () => {
    const files = repositoryFiles();
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => {
      const text = readText(file);
      return text === null ? [] : findOutsidePaths(file, text);
    });
    expect(found.map(formatOutsidePath)).toEqual([]);
  });

  it('does report a sibling corpus folder, the shared data by absolute path and a climb above the root, each at its line', () => {
    const sample = [
      "import { readFileSync } from 'node:fs';",
      `const corpusDir = path.resolve(process.cwd(), '${siblingCorpus}');`,
      `const questions = '/work/${SHARED}/questions/set.json';`,
      `const texts = '/mnt/${SHARED}/corpus/dev';`,
      `const up = path.join(process.cwd(), '${UP}', 'elsewhere');`,
      `const beside = path.resolve(import.meta.dirname, '${UP}/${UP}/${UP}/data');`,
      `const url = new URL('${UP}/${UP}/${UP}/x.json', import.meta.url);`,
      `See ${siblingCorpus}/dev for the texts.`,
    ].join('\n');
    const found = findOutsidePaths('lib/legal-text/sample.test.ts', sample);
    expect(found.map((f) => [f.line, f.match])).toEqual([
      [2, siblingCorpus],
      [3, `/work/${SHARED}`],
      [4, `/${SHARED}/corpus`],
      [5, `join(process.cwd(), '${UP}', 'elsewhere'`],
      [6, `resolve(import.meta.dirname, '${UP}/${UP}/${UP}/data'`],
      [7, `new URL('${UP}/${UP}/${UP}/x.json', import.meta.url)`],
      [8, `${siblingCorpus}/dev`],
    ]);
    expect(formatOutsidePath(found[0])).toBe(`lib/legal-text/sample.test.ts:2: a folder beside the repository: ${siblingCorpus}`);
  });

  it('does not report paths that stay inside the repository', () => {
    const sample = [
      `import { formatDate } from '${UP}/${SHARED}/dates';`,
      "const corpusDir = path.resolve(process.cwd(), 'testdata/corpus');",
      `const repo = path.resolve(import.meta.dirname, '${UP}');`,
      "const root = fileURLToPath(new URL('.', import.meta.url));",
      "const tmp = path.join(os.tmpdir(), 'lawbench');",
    ].join('\n');
    expect(findOutsidePaths('lib/library/feed.ts', sample)).toEqual([]);
  });
});
