import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTestFile } from './testBodyMarker';

describe('isTestFile', () => {
  it('knows the project’s test files, with or without a query', () => {
    expect(isTestFile('/p/lib/search/rank.test.ts')).toBe(true);
    expect(isTestFile('/p/lib/search/rank.test.ts?v=1')).toBe(true);
    expect(isTestFile('/p/app/page.test.tsx')).toBe(true);
    expect(isTestFile('/p/lib/search/rank.ts')).toBe(false);
    expect(isTestFile('/p/lib/search/testing/fixtures.ts')).toBe(false);
    expect(isTestFile('/p/node_modules/x/a.test.ts')).toBe(false);
  });
});

// A product module whose "mutants" count their hits the way Stryker's instrumented code does, and
// a test file that reaches one while its module loads, one in its top-level fixture, one in a
// beforeAll hook and one in a test.
const product = `
const ns = ((globalThis as any).__stryker__ ??= {});
function cover(id: string) {
  const cov = (ns.mutantCoverage ??= { static: {}, perTest: {} });
  const hits = ns.currentTestId ? (cov.perTest[ns.currentTestId] ??= {}) : cov.static;
  hits[id] = (hits[id] ?? 0) + 1;
  return ns.activeMutant === id;
}
export const loadedMutated = cover('load');
export const fixture = () => (cover('fixture') ? 'mutated' : 'original');
export const hook = () => cover('hook');
export const inTest = () => cover('test');
`;
const testFile = `
import fs from 'node:fs';
import { beforeAll, it } from 'vitest';
import { fixture, hook, inTest, loadedMutated } from './product';
const made = fixture();
let hooked = false;
beforeAll(() => { hooked = hook(); });
it('one', () => { inTest(); fs.writeFileSync(new URL('./record.json', import.meta.url), JSON.stringify({ made, hooked, loadedMutated })); });
it('two', () => {});
`;

describe('what a test file’s fixtures reach, in a real vitest with Stryker’s setup', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'fixture-coverage-'));
    fs.writeFileSync(path.join(root, 'product.ts'), product);
    fs.writeFileSync(path.join(root, 'probe.test.ts'), testFile);
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const probe = (provided: Record<string, unknown>, env: Record<string, string> = {}) => {
    const script = path.resolve('scripts/testing/fixtureCoverageProbe.ts');
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, root, JSON.stringify(provided)], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...env } });
    expect(child.status, child.stderr).toBe(0);
    return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { failed: string[]; coverage: unknown; record: unknown };
  };
  const testId = (name: string) => `${path.join(root, 'probe.test.ts')}#${name}`;

  it('counts the fixture and the hook under each of the file’s tests, and module loading as static', () => {
    const { failed, coverage } = probe({ mode: 'dry-run' });
    expect(failed).toEqual([]);
    expect(coverage).toStrictEqual({
      static: { load: 1 },
      perTest: { [testId('one')]: { test: 1, fixture: 1, hook: 1 }, [testId('two')]: { fixture: 1, hook: 1 } },
    });
  });

  it('leaves them all static with MUTATION_FIXTURES_STATIC=1, as Stryker counts them', () => {
    const { coverage } = probe({ mode: 'dry-run' }, { MUTATION_FIXTURES_STATIC: '1' });
    expect(coverage).toStrictEqual({ static: { load: 1, fixture: 1, hook: 1 }, perTest: { [testId('one')]: { test: 1 } } });
  });

  it('switches a mutant reached by the fixture on before the fixture is built, and not while modules load', () => {
    expect(probe({ mode: 'mutant', mutantActivation: 'runtime', activeMutant: 'fixture' }).record).toStrictEqual({ made: 'mutated', hooked: false, loadedMutated: false });
    expect(probe({ mode: 'mutant', mutantActivation: 'runtime', activeMutant: 'hook' }).record).toStrictEqual({ made: 'original', hooked: true, loadedMutated: false });
    expect(probe({ mode: 'mutant', mutantActivation: 'static', activeMutant: 'load' }).record).toStrictEqual({ made: 'original', hooked: false, loadedMutated: true });
  });

  it('without the change, the fixture is built before Stryker switches the mutant on', () => {
    expect(probe({ mode: 'mutant', mutantActivation: 'runtime', activeMutant: 'fixture' }, { MUTATION_FIXTURES_STATIC: '1' }).record).toStrictEqual({ made: 'original', hooked: false, loadedMutated: false });
  });
});
