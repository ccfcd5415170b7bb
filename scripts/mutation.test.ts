import { describe, expect, it } from 'vitest';
import { listEquivalents, mutatedFiles, planMutationRun, readEquivalents, scoreFolders, staleEquivalents } from './mutation';

const mutant = (status: string, line = 1, mutatorName = 'ConditionalExpression', replacement = 'true', column = 1) => ({ status, mutatorName, replacement, location: { start: { line, column } } }) as never;

describe('the mutation score per folder', () => {
  it('counts detected over detected and undetected, leaving out listed equivalents and mutants that did not compile', () => {
    const report = {
      files: {
        'lib/auth/can.ts': { mutants: [mutant('Killed'), mutant('Timeout'), mutant('Survived', 7), mutant('NoCoverage', 9), mutant('CompileError'), mutant('Survived', 12, 'StringLiteral', '""')] },
        'lib/search/x.ts': { mutants: [mutant('Killed'), mutant('Killed'), mutant('Killed'), mutant('Survived')] },
        'lib/shared/y.ts': { mutants: [mutant('Survived')] },
        'lib/auth/testing.ts': { mutants: [mutant('Survived')] },
        'lib/search/testing/corpus.ts': { mutants: [mutant('Survived')] },
      },
    };
    const equivalents = readEquivalents('# path\tline\tmutator\treplacement\treason\nlib/auth/can.ts\t12\tStringLiteral\t""\tthe message is never shown\n');
    const scores = scoreFolders(report, equivalents, ['lib/auth', 'lib/search', 'lib/versioning']);
    // lib/auth: 2 detected of 4 that count (the equivalent and the compile error left out).
    expect(scores['lib/auth']).toEqual({ score: 50, killed: 1, timeout: 1, survived: 1, noCoverage: 1, equivalent: 1, invalid: 1 });
    expect(scores['lib/search'].score).toBe(75);
    expect(scores['lib/versioning'].score).toBeNull();
    expect(scores).not.toHaveProperty('lib/shared');
  });

  it('counts a listed mutant that was not run ("Ignored") as equivalent, and an unlisted one that was not run as invalid', () => {
    const report = { files: { 'lib/auth/can.ts': { mutants: [mutant('Killed'), mutant('Ignored', 12, 'StringLiteral', '""'), mutant('Ignored', 14)] } } };
    const scores = scoreFolders(report, readEquivalents('lib/auth/can.ts\t12\tStringLiteral\t""\tthe message is never shown\n'), ['lib/auth']);
    expect(scores['lib/auth']).toEqual({ score: 100, killed: 1, timeout: 0, survived: 0, noCoverage: 0, equivalent: 1, invalid: 1 });
  });

  it('leaves out only the mutant at the column given, when the line of an equivalent is line:column', () => {
    const report = { files: { 'lib/versioning/a.ts': { mutants: [mutant('Survived', 37, 'ConditionalExpression', 'true', 100), mutant('Survived', 37, 'ConditionalExpression', 'true', 72)] } } };
    const scores = scoreFolders(report, readEquivalents('lib/versioning/a.ts\t37:100\tConditionalExpression\ttrue\tonly stops the loop early\n'), ['lib/versioning']);
    expect(scores['lib/versioning']).toMatchObject({ survived: 1, equivalent: 1, score: 0 });
  });

  it('names the listed equivalents of the files run that match no mutant, as the code moved under them', () => {
    const report = { files: { 'lib/search/a.ts': { mutants: [mutant('Survived', 72, 'EqualityOperator', 'row.df <= driver.df', 22), mutant('Killed', 80, 'BooleanLiteral', 'term.single', 14)] } } };
    const listed = listEquivalents([
      'lib/search/a.ts\t71\tEqualityOperator\trow.df <= driver.df\tmoved down a line',
      'lib/search/a.ts\t72:22\tEqualityOperator\trow.df <= driver.df\tstill there',
      'lib/search/a.ts\t80\tBooleanLiteral\tterm.single\tthere, though killed since',
      'lib/search/a.ts\t80:14\tBooleanLiteral\tfalse\tanother replacement',
      'lib/search/b.ts\t3\tStringLiteral\t""\ta file this run did not mutate',
    ].join('\n'));
    expect(staleEquivalents(report, listed).map((e) => `${e.at} ${e.replacement}`)).toEqual(['71 row.df <= driver.df', '80:14 false']);
  });

  it('refuses an equivalent mutant listed without a reason', () => {
    expect(() => readEquivalents('lib/auth/can.ts\t12\tStringLiteral\t""\t \n')).toThrow('needs a reason');
  });
});

describe('what a mutation run mutates', () => {
  it('mutates every core folder by default, and only the chosen folders or files when asked', () => {
    const all = planMutationRun([]);
    expect(all).toMatchObject({ chosen: ['lib/legal-text', 'lib/search', 'lib/auth', 'lib/versioning', 'lib/workflow'], flags: [], ownTests: null, freshThreads: false, runEquivalents: false });
    expect(typeof all !== 'string' && all.mutate.slice(0, 2)).toEqual(['lib/legal-text/**/*.ts', 'lib/search/**/*.ts']);
    const some = planMutationRun(['--folders', 'lib/legal-text/', '--files', 'lib/legal-text/numerals.ts', '--own-tests', '--ignore-static', '--full', '--fresh-threads', '--run-equivalents']);
    expect(some).toEqual({
      chosen: ['lib/legal-text'],
      mutate: ['lib/legal-text/numerals.ts', '!lib/**/*.test.ts', '!lib/**/testing/**', '!lib/**/testing.ts', '!lib/**/index.ts'],
      flags: ['--force', '--ignoreStatic'],
      ownTests: 'lib/legal-text/**/*.test.ts',
      freshThreads: true,
      runEquivalents: true,
    });
  });

  it('lists the files a run of a folder mutates: its sources, not its tests, test helpers or index', () => {
    const files = mutatedFiles(['lib/auth']);
    expect(files).toContain('lib/auth/can.ts');
    expect(files.every((f) => f.startsWith('lib/auth/') && f.endsWith('.ts'))).toBe(true);
    expect(files.filter((f) => f.endsWith('.test.ts') || f.endsWith('/index.ts') || f.includes('testing'))).toEqual([]);
    expect(files).toEqual([...files].sort());
  });

  it('refuses a folder outside the run, no folder at all, and a file outside the chosen folders', () => {
    expect(planMutationRun(['--folders', 'lib/mail'])).toMatch(/no such folder in the run: lib\/mail/);
    expect(planMutationRun(['--folders'])).toMatch(/no such folder/);
    expect(planMutationRun(['--folders', 'lib/auth', '--files', 'lib/search/bm25.ts'])).toBe('not in the folders of the run: lib/search/bm25.ts');
  });
});
