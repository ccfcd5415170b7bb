import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutant, StrykerOptions } from '@stryker-mutator/api/core';
import { CheckStatus } from '@stryker-mutator/api/check';
import { applyMutant, groupMutants, IncrementalTypeChecker } from './strykerTypeChecker';

// A small real project on disk: a.ts is imported by b.ts; c.ts stands alone.
const files: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', lib: ['ES2022'], types: [], module: 'esnext', moduleResolution: 'bundler' }, include: ['*.ts'] }),
  'a.ts': "export function total(xs: number[]): number {\n  let sum = 0;\n  for (const x of xs) sum += x;\n  return sum;\n}\nexport const unit = () => 'm';\n",
  'b.ts': "import { unit } from './a';\nexport const label: string = unit().toUpperCase();\n",
  'c.ts': "export const answer = 6 * 7;\n",
};

let dir: string;
const at = (name: string) => path.join(dir, name);
/// A mutant replacing `find` (its first occurrence) in the file with `replacement`.
function mutantOf(id: string, name: string, find: string, replacement: string): Mutant {
  const text = files[name] ?? '';
  const offset = text.indexOf(find);
  if (offset < 0) throw new Error(`${find} not in ${name}`);
  const position = (o: number) => ({ line: text.slice(0, o).split('\n').length - 1, column: o - (text.lastIndexOf('\n', o - 1) + 1) });
  return { id, fileName: at(name), mutatorName: 'Test', replacement, location: { start: position(offset), end: position(offset + find.length) } };
}
async function startedChecker(tsconfigFile = at('tsconfig.json')) {
  const checker = new IncrementalTypeChecker({ tsconfigFile } as StrykerOptions);
  await checker.init();
  return checker;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawbench-typecheck-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(at(name), text);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('IncrementalTypeChecker', () => {
  it('passes a mutant that compiles and fails one that does not, with the compiler\'s error as the reason', async () => {
    const checker = await startedChecker();
    const results = await checker.check([mutantOf('1', 'a.ts', '+=', '-='), mutantOf('2', 'a.ts', 'let sum = 0', "let sum = ''")]);
    expect(results['1']).toEqual({ status: CheckStatus.Passed });
    expect(results['2']).toMatchObject({ status: CheckStatus.CompileError });
    expect(results['2'].status === CheckStatus.CompileError && results['2'].reason).toMatch(/a\.ts\(4,3\): error TS2322: Type 'string' is not assignable to type 'number'/);
  });

  it('finds the error a mutant causes in a file that imports its file', async () => {
    const checker = await startedChecker();
    const results = await checker.check([mutantOf('1', 'a.ts', "'m'", 'undefined')]);
    expect(results['1'].status === CheckStatus.CompileError && results['1'].reason).toMatch(/b\.ts\(2,30\): error TS2532: Object is possibly 'undefined'/);
  });

  it('starts each check from the files on disk, so no error outlives its mutant', async () => {
    const checker = await startedChecker();
    const results = await checker.check([
      mutantOf('breaks b', 'a.ts', "'m'", 'undefined'),
      mutantOf('other file', 'c.ts', '6 * 7', '6 / 7'),
      mutantOf('breaks a', 'a.ts', 'let sum = 0', "let sum = ''"),
      mutantOf('same file', 'a.ts', '+=', '-='),
    ]);
    expect(Object.fromEntries(Object.entries(results).map(([id, r]) => [id, r.status]))).toEqual({ 'breaks b': CheckStatus.CompileError, 'other file': CheckStatus.Passed, 'breaks a': CheckStatus.CompileError, 'same file': CheckStatus.Passed });
  });

  it('passes a mutant that only leaves code unused or unreachable, whatever the tsconfig says of those', async () => {
    const strictDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawbench-typecheck-strict-'));
    try {
      const config = JSON.parse(files['tsconfig.json'] ?? '{}');
      config.compilerOptions = { ...config.compilerOptions, noUnusedLocals: true, noUnusedParameters: true, allowUnreachableCode: false };
      fs.writeFileSync(path.join(strictDir, 'tsconfig.json'), JSON.stringify(config));
      fs.writeFileSync(path.join(strictDir, 'a.ts'), files['a.ts'] ?? '');
      const checker = await startedChecker(path.join(strictDir, 'tsconfig.json'));
      const mutant = (id: string, find: string, replacement: string) => ({ ...mutantOf(id, 'a.ts', find, replacement), fileName: path.join(strictDir, 'a.ts') });
      const results = await checker.check([mutant('unused', 'for (const x of xs) sum += x;', ''), mutant('unreachable', 'let sum = 0;', 'let sum = 0; return 0;')]);
      expect(results).toEqual({ unused: { status: CheckStatus.Passed }, unreachable: { status: CheckStatus.Passed } });
    } finally {
      fs.rmSync(strictDir, { recursive: true, force: true });
    }
  });

  it('fails a mutant that breaks the syntax', async () => {
    const checker = await startedChecker();
    const results = await checker.check([mutantOf('1', 'c.ts', '6 * 7', '6 *')]);
    expect(results['1'].status === CheckStatus.CompileError && results['1'].reason).toMatch(/c\.ts\(1,\d+\): error TS1109: Expression expected/);
  });

  it('lets a mutant of a file outside the program go on to the tests', async () => {
    const checker = await startedChecker();
    const outside = { ...mutantOf('1', 'c.ts', '6 * 7', '{}'), fileName: path.join(os.tmpdir(), 'not-in-the-project.ts') };
    expect(await checker.check([outside])).toEqual({ 1: { status: CheckStatus.Passed } });
  });

  it('refuses to start on a project that does not compile before any mutant, saying why', async () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'lawbench-typecheck-broken-'));
    try {
      fs.writeFileSync(path.join(broken, 'tsconfig.json'), files['tsconfig.json']);
      fs.writeFileSync(path.join(broken, 'x.ts'), 'export const n: number = "seven";\n');
      await expect(startedChecker(path.join(broken, 'tsconfig.json'))).rejects.toThrow(/does not compile before any mutant:\n.*x\.ts\(1,14\): error TS2322/);
      await expect(startedChecker(path.join(broken, 'missing.json'))).rejects.toThrow(/missing\.json.*TS5083|TS5083.*missing\.json/s);
    } finally {
      fs.rmSync(broken, { recursive: true, force: true });
    }
  });
});

describe('IncrementalTypeChecker, mutants checked together', () => {
  it('groups mutants of files that do not import one another, never two of one file or of a file and its importer', async () => {
    const checker = await startedChecker();
    const mutants = [mutantOf('a1', 'a.ts', '+=', '-='), mutantOf('a2', 'a.ts', 'let sum = 0', "let sum = ''"), mutantOf('b1', 'b.ts', 'toUpperCase', 'toLowerCase'), mutantOf('c1', 'c.ts', '6 * 7', '6 / 7')];
    expect(await checker.group(mutants)).toEqual([['a1', 'c1'], ['a2'], ['b1']]);
  });

  it('gives each mutant of a group the verdict it gets alone, an error in an importing file going to the mutant it imports', async () => {
    const mutants = [
      mutantOf('breaks b', 'a.ts', "'m'", 'undefined'),
      mutantOf('fine in c', 'c.ts', '6 * 7', '6 / 7'),
      mutantOf('breaks a', 'a.ts', 'let sum = 0', "let sum = ''"),
      mutantOf('breaks c', 'c.ts', '6 * 7', "'6' * 7"),
      mutantOf('fine in b', 'b.ts', 'toUpperCase', 'toLowerCase'),
    ];
    const grouped = await startedChecker();
    const together: Record<string, unknown> = {};
    for (const ids of await grouped.group(mutants)) Object.assign(together, await grouped.check(mutants.filter((m) => ids.includes(m.id))));
    const alone = await startedChecker();
    const oneByOne: Record<string, unknown> = {};
    for (const m of mutants) Object.assign(oneByOne, await alone.check([m]));
    expect(Object.fromEntries(Object.entries(together).map(([id, r]) => [id, (r as { status: string }).status]))).toEqual({
      'breaks b': CheckStatus.CompileError,
      'fine in c': CheckStatus.Passed,
      'breaks a': CheckStatus.CompileError,
      'breaks c': CheckStatus.CompileError,
      'fine in b': CheckStatus.Passed,
    });
    expect(together).toEqual(oneByOne);
  });
});

describe('groupMutants', () => {
  // x ← y (y imports x); z and w stand alone.
  const deps: Record<string, string[]> = { '/p/x.ts': ['/p/x.ts'], '/p/y.ts': ['/p/y.ts', '/p/x.ts'], '/p/z.ts': ['/p/z.ts'], '/p/w.ts': ['/p/w.ts'] };
  const dependenciesOf = (f: string) => new Set(deps[f] ?? [f]);
  const m = (fileName: string, n: number) => ({ fileName, n });
  const names = (groups: Array<Array<{ fileName: string; n: number }>>) => groups.map((g) => g.map((x) => `${path.basename(x.fileName, '.ts')}${x.n}`));

  it('puts each mutant in the first group that holds neither its file nor a file it depends on or that depends on it', () => {
    const mutants = [m('/p/x.ts', 1), m('/p/x.ts', 2), m('/p/y.ts', 1), m('/p/z.ts', 1), m('/p/z.ts', 2), m('/p/z.ts', 3), m('/p/w.ts', 1)];
    expect(names(groupMutants(mutants, dependenciesOf))).toEqual([['x1', 'z1', 'w1'], ['x2', 'z2'], ['y1', 'z3']]);
  });

  it('keeps a group to its size limit, and every mutant in exactly one group', () => {
    const mutants = [m('/p/z.ts', 1), m('/p/w.ts', 1), m('/p/x.ts', 1), m('/p/w.ts', 2)];
    expect(names(groupMutants(mutants, dependenciesOf, 2))).toEqual([['z1', 'w1'], ['x1', 'w2']]);
    expect(groupMutants([], dependenciesOf)).toEqual([]);
  });

  it('keeps a file out of the group of a file that depends on it, whichever comes first', () => {
    expect(names(groupMutants([m('/p/y.ts', 1), m('/p/x.ts', 1)], dependenciesOf))).toEqual([['y1'], ['x1']]);
    expect(names(groupMutants([m('/p/x.ts', 1), m('/p/y.ts', 1)], dependenciesOf))).toEqual([['x1'], ['y1']]);
  });
});

describe('applyMutant', () => {
  const text = 'const a = 1;\nconst b = "二";\nreturn a;';
  it('puts the replacement in place of the location, lines and columns counted from 0', () => {
    expect(applyMutant(text, { replacement: '""', location: { start: { line: 1, column: 10 }, end: { line: 1, column: 13 } } })).toBe('const a = 1;\nconst b = "";\nreturn a;');
    expect(applyMutant(text, { replacement: '{}', location: { start: { line: 0, column: 10 }, end: { line: 2, column: 8 } } })).toBe('const a = {};');
    expect(applyMutant(text, { replacement: '!', location: { start: { line: 2, column: 9 }, end: { line: 2, column: 9 } } })).toBe(`${text}!`);
  });
  it('refuses a location the file does not have', () => {
    expect(() => applyMutant(text, { replacement: 'x', location: { start: { line: 3, column: 0 }, end: { line: 3, column: 1 } } })).toThrow('no line 4, column 1 in the file');
    expect(() => applyMutant(text, { replacement: 'x', location: { start: { line: 0, column: 13 }, end: { line: 0, column: 14 } } })).toThrow('no line 1, column 14 in the file');
    expect(() => applyMutant(text, { replacement: 'x', location: { start: { line: 1, column: 2 }, end: { line: 0, column: 1 } } })).toThrow('ends (line 1) before it starts (line 2)');
  });
});
