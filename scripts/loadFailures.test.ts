import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunnerTestFile } from 'vitest';
import { addLoadFailureTests, loadFailureTestName } from './loadFailures';

describe('addLoadFailureTests', () => {
  const file = (name: string, state: 'pass' | 'fail', tests: Array<'pass' | 'fail' | undefined>) =>
    ({ type: 'suite', id: name, name, result: { state, errors: state === 'fail' ? [{ name: 'Error', message: `${name} broke` }] : undefined }, tasks: tests.map((t, i) => ({ type: 'test', name: `t${i}`, result: t && { state: t } })) }) as unknown as RunnerTestFile;

  it('gives a file that failed with no test run one failed test with its error, and leaves the others', () => {
    const files = [file('unloaded', 'fail', []), file('collected only', 'fail', [undefined]), file('failed test', 'fail', ['fail']), file('passed', 'pass', ['pass'])];
    expect(addLoadFailureTests(files).map((f) => f.name)).toEqual(['unloaded', 'collected only']);
    const added = files[0].tasks[0];
    expect(added).toMatchObject({ type: 'test', name: loadFailureTestName, file: files[0], suite: files[0], result: { state: 'fail', errors: [{ message: 'unloaded broke' }] } });
    expect(files.slice(2).map((f) => f.tasks.length)).toEqual([1, 1]);
  });
});

// A test file whose top-level fixture throws under the mutant "breaks": with the mutant on, it
// does not load and runs no test.
describe('a mutant that makes a test file fail to load, in a real vitest with Stryker’s setup', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'load-failure-'));
    fs.writeFileSync(path.join(root, 'product.ts'), "const ns = ((globalThis as any).__stryker__ ??= {});\nexport const fixture = () => (ns.activeMutant === 'breaks' ? null : { ok: true });\n");
    fs.writeFileSync(path.join(root, 'probe.test.ts'), "import { it } from 'vitest';\nimport { fixture } from './product';\nconst made = fixture();\nif (!made) throw new Error('no fixture');\nit('uses the fixture', () => {});\n");
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const probe = (activeMutant: string) => {
    const script = path.resolve('scripts/testing/fixtureCoverageProbe.ts');
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, root, JSON.stringify({ mode: 'mutant', mutantActivation: 'runtime', activeMutant })], { encoding: 'utf8', timeout: 30_000 });
    expect(child.status, child.stderr).toBe(0);
    return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { failed: string[]; errors: string[] };
  };

  it('counts the file as a failed test, so Stryker counts the mutant as killed', () => {
    const result = probe('breaks');
    expect(result.failed).toEqual(['probe.test.ts', loadFailureTestName]);
    expect(result.errors).toContain('no fixture');
  });

  it('adds nothing when the file loads', () => {
    expect(probe('another').failed).toEqual([]);
  });
});
