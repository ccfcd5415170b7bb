import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KillHistory, orderForFirstFailure, testsOwnFile } from './mutationSequencer';

describe('testsOwnFile', () => {
  it('knows the test files of the mutated file by name, in any folder', () => {
    const mutated = ['/sandbox/lib/search/rankPostings.ts'];
    expect(testsOwnFile('/sandbox/lib/search/rankPostings.test.ts', mutated)).toBe(true);
    expect(testsOwnFile('/sandbox/lib/search/rankPostings.walk.test.ts', mutated)).toBe(true);
    expect(testsOwnFile('/sandbox/lib/other/rankPostings.test.ts', mutated)).toBe(true);
    expect(testsOwnFile('/sandbox/lib/search/rankPostingsFast.test.ts', mutated)).toBe(false);
    expect(testsOwnFile('/sandbox/lib/search/rank.test.ts', mutated)).toBe(false);
    expect(testsOwnFile('/sandbox/lib/search/rankPostings.test.ts', [])).toBe(false);
  });
});

describe('orderForFirstFailure', () => {
  it('puts the mutated file’s own tests first, then the quickest, then those not timed yet, ties by path', () => {
    const files = [
      { file: 'lib/a/slow.test.ts', durationMs: 9_000 },
      { file: 'lib/a/new.test.ts', durationMs: undefined },
      { file: 'lib/a/numerals.test.ts', durationMs: 4_000 },
      { file: 'lib/a/quick.test.ts', durationMs: 20 },
      { file: 'lib/a/also-quick.test.ts', durationMs: 20 },
    ];
    expect(orderForFirstFailure(files, ['lib/a/numerals.ts']).map((f) => f.file)).toEqual([
      'lib/a/numerals.test.ts',
      'lib/a/also-quick.test.ts',
      'lib/a/quick.test.ts',
      'lib/a/slow.test.ts',
      'lib/a/new.test.ts',
    ]);
  });

  it('leaves what it is given as it was', () => {
    const files = [
      { file: 'b.test.ts', durationMs: 2 },
      { file: 'a.test.ts', durationMs: 1 },
    ];
    orderForFirstFailure(files, []);
    expect(files.map((f) => f.file)).toEqual(['b.test.ts', 'a.test.ts']);
  });
});

describe('KillHistory', () => {
  it('gives the files that killed a mutated file’s latest mutants, the latest first, a few only', () => {
    const history = new KillHistory(3);
    history.record(['lib/a/x.ts'], ['t/one.test.ts']);
    history.record(['lib/a/x.ts'], ['t/two.test.ts']);
    history.record(['lib/a/y.ts'], ['t/three.test.ts']);
    expect(history.killersOf(['lib/a/x.ts'])).toEqual(['t/two.test.ts', 't/one.test.ts']);
    history.record(['lib/a/x.ts'], ['t/one.test.ts']);
    expect(history.killersOf(['lib/a/x.ts'])).toEqual(['t/one.test.ts', 't/two.test.ts']);
    history.record(['lib/a/x.ts'], ['t/four.test.ts', 't/five.test.ts']);
    expect(history.killersOf(['lib/a/x.ts'])).toEqual(['t/four.test.ts', 't/five.test.ts', 't/one.test.ts']);
    expect(history.killersOf(['lib/a/z.ts'])).toEqual([]);
  });
});

describe('orderForFirstFailure with a kill history', () => {
  it('puts the latest killers first, in their order, then the own tests and the quickest', () => {
    const files = [
      { file: 'lib/a/quick.test.ts', durationMs: 20 },
      { file: 'lib/a/numerals.test.ts', durationMs: 4_000 },
      { file: 'lib/a/slow.test.ts', durationMs: 9_000 },
      { file: 'lib/a/medium.test.ts', durationMs: 500 },
    ];
    expect(orderForFirstFailure(files, ['lib/a/numerals.ts'], ['lib/a/slow.test.ts', 'lib/a/gone.test.ts', 'lib/a/medium.test.ts']).map((f) => f.file)).toEqual([
      'lib/a/slow.test.ts',
      'lib/a/medium.test.ts',
      'lib/a/numerals.test.ts',
      'lib/a/quick.test.ts',
    ]);
  });
});

describe('firstFailureOrder in a real vitest, run after run', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kill-history-'));
    fs.writeFileSync(path.join(root, 'mutated.ts'), 'export const value = 1;\n');
    for (const name of ['a', 'b', 'c']) {
      fs.writeFileSync(
        path.join(root, `${name}.test.ts`),
        [
          "import fs from 'node:fs';",
          "import { expect, it } from 'vitest';",
          "import { value } from './mutated';",
          `it('${name}', () => {`,
          "  const at = (f: string) => new URL(`./${f}`, import.meta.url);",
          `  fs.writeFileSync(at('order.json'), JSON.stringify([...JSON.parse(fs.readFileSync(at('order.json'), 'utf8')), '${name}']));`,
          `  expect(JSON.parse(fs.readFileSync(at('fail.json'), 'utf8'))).not.toBe('${name}');`,
          '  expect(value).toBe(1);',
          '});',
          '',
        ].join('\n'),
      );
    }
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('runs first the file whose test failed in the latest runs for the same mutated file', () => {
    const probe = path.resolve('scripts/testing/killHistoryProbe.ts');
    const child = spawnSync(process.execPath, ['--import', 'tsx', probe, root, JSON.stringify(['c', null, 'b', null])], { encoding: 'utf8', timeout: 60_000 });
    expect(child.status, child.stderr).toBe(0);
    const orders = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as string[][];
    // Nothing has failed yet and no file is timed: by name.
    expect(orders[0]).toEqual(['a', 'b', 'c']);
    expect(orders[1][0]).toBe('c');
    // b fails in the third run, which c still leads; the fourth, b first and c second.
    expect(orders[2][0]).toBe('c');
    expect(orders[3].slice(0, 2)).toEqual(['b', 'c']);
  });
});
