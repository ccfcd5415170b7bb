import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Logger } from '@stryker-mutator/api/logging';
import { Instrumenter } from '@stryker-mutator/instrumenter';
import { listEquivalents, mutantKeys } from './mutation';

// docs/mutation-equivalents.tsv names each equivalent mutant by where it is. When the code moves,
// an entry names no mutant and its mutant is run and counted as surviving again; a mutation run
// says so only at its end, an hour later. Here Stryker's own instrumenter makes the mutants of
// every listed file, as a run would, and each entry must name one of them.
/// A logger that logs nothing: every `is…Enabled` says no, every other method does nothing.
const quiet = new Proxy({}, { get: (_, name) => (String(name).startsWith('is') ? () => false : () => undefined) }) as Logger;

describe('docs/mutation-equivalents.tsv', () => {
  it('names, in every entry, a file of the run and a mutant Stryker makes in it today', { timeout: 120_000 }, async () => {
    const entries = listEquivalents(fs.readFileSync('docs/mutation-equivalents.tsv', 'utf8'));
    const files = [...new Set(entries.map((e) => e.file))];
    expect(files.filter((f) => !fs.existsSync(f))).toEqual([]);
    const instrumenter = new Instrumenter(quiet);
    const { mutants } = await instrumenter.instrument(
      files.map((f) => ({ name: path.resolve(f), content: fs.readFileSync(f, 'utf8'), mutate: true })),
      { plugins: null, excludedMutations: [], ignorers: [] } as never,
    );
    const made = new Set(
      mutants.flatMap((m) => {
        const file = path.relative(process.cwd(), m.fileName).split(path.sep).join('/');
        const { line, column } = m.location.start;
        return mutantKeys(file, { line: line + 1, column: column + 1 }, m.mutatorName, m.replacement);
      }),
    );
    expect(entries.filter((e) => !made.has(e.key)).map((e) => `${e.file}\t${e.at}\t${e.mutator}\t${e.replacement}`)).toEqual([]);
  });
});
