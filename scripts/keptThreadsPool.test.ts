import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayKeepThread, projectSourceFiles } from './keptThreadsPool';

describe('mayKeepThread', () => {
  it('keeps a thread only between mutants’ runs', () => {
    expect(mayKeepThread({ mode: 'mutant' })).toBe(true);
    expect(mayKeepThread({ mode: 'dry-run' })).toBe(false);
    expect(mayKeepThread({})).toBe(false);
  });
});

describe('keptThreadsPool in a real vitest', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kept-threads-'));
    fs.writeFileSync(path.join(root, 'counter.ts'), 'const g = globalThis as { loads?: number };\ng.loads = (g.loads ?? 0) + 1;\nexport const loads = g.loads;\n');
    fs.writeFileSync(
      path.join(root, 'probe.test.ts'),
      [
        "import fs from 'node:fs';",
        "import { threadId } from 'node:worker_threads';",
        "import { it } from 'vitest';",
        "import { loads } from './counter';",
        "it('records', () => fs.writeFileSync(new URL('./record.json', import.meta.url), JSON.stringify({ threadId, loads })));",
        "it('other', () => {});",
        '',
      ].join('\n'),
    );
    fs.mkdirSync(path.join(root, 'node_modules'));
    fs.writeFileSync(path.join(root, 'node_modules', 'skipped.ts'), '');
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('lists the project’s own sources, not node_modules', () => {
    expect(projectSourceFiles(root).map((f) => path.relative(root, f)).sort()).toEqual(['counter.ts', 'probe.test.ts']);
  });

  it('serves mutants’ runs from one thread, loading the modules again each time, and gives the dry run a thread of its own', () => {
    const mutant = (mutantActivation: string, pattern: string) => ({ mode: 'mutant', mutantActivation, pattern });
    const runs = [
      { mode: 'dry-run', pattern: '.' },
      mutant('runtime', 'records'),
      mutant('runtime', 'records'),
      mutant('runtime', 'other'),
      mutant('runtime', 'records'), // the fourth run of one thread: maxRuns is 3
      mutant('static', 'records'),
      mutant('runtime', 'records'),
    ];
    const probe = path.resolve('scripts/testing/keptThreadsProbe.ts');
    const child = spawnSync(process.execPath, ['--import', 'tsx', probe, root, JSON.stringify(runs)], { encoding: 'utf8', timeout: 30_000 });
    expect(child.status, child.stderr).toBe(0);
    const results = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Array<{ passed: string[]; record: { threadId: number; loads: number } | null }>;
    // Each run runs the tests its own config names (the thread was started with the first's).
    expect(results.map((r) => r.passed)).toEqual([['records', 'other'], ['records'], ['records'], ['other'], ['records'], ['records'], ['records']]);
    const [dry, first, second, , fourth, staticRun, afterStatic] = results.map((r) => r.record!);
    expect([dry, first, second, fourth, staticRun, afterStatic].map((r) => r.loads)).toEqual([1, 1, 2, 1, 2, 3]);
    const threads = [dry, first, second, fourth, staticRun, afterStatic].map((r) => r.threadId);
    expect(threads[2]).toBe(threads[1]);
    expect(threads.slice(4)).toEqual([threads[3], threads[3]]);
    expect(new Set([threads[0], threads[1], threads[3]]).size).toBe(3);
  });
});

describe('keptThreadsPool, a mutant’s run over several test files', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kept-threads-files-'));
    for (const name of ['a', 'b', 'c']) {
      fs.writeFileSync(
        path.join(root, `${name}.test.ts`),
        [
          "import fs from 'node:fs';",
          "import { it } from 'vitest';",
          `fs.appendFileSync(new URL('./loaded.txt', import.meta.url), '${name}\\n');`,
          "it('passes', () => {});",
          "it('breaks', () => { throw new Error('broken'); });",
          '',
        ].join('\n'),
      );
    }
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  // Without isolation, as in the mutation run: vitest then gives the thread all files at once.
  const probe = (runs: object[], bail: number) => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('scripts/testing/keptThreadsProbe.ts'), root, JSON.stringify(runs), String(bail), 'false'], { encoding: 'utf8', timeout: 30_000 });
    expect(child.status, child.stderr).toBe(0);
    return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Array<{ passed: string[]; failed: string[]; loaded: string[] }>;
  };

  it('loads no test file after the one where the run failed, as the dry run (all files at once) does', () => {
    const [dry, passing, failing] = probe(
      [
        { mode: 'dry-run', pattern: 'breaks' },
        { mode: 'mutant', mutantActivation: 'runtime', pattern: 'passes' },
        { mode: 'mutant', mutantActivation: 'runtime', pattern: 'breaks' },
      ],
      1,
    );
    expect(dry.loaded.sort()).toEqual(['a', 'b', 'c']);
    expect(passing.loaded.sort()).toEqual(['a', 'b', 'c']);
    expect(passing.passed).toEqual(['passes', 'passes', 'passes']);
    expect(failing.loaded).toHaveLength(1);
    expect(failing.failed).toEqual(['breaks']);
  });

  it('runs every file when vitest does not stop at the first failure', () => {
    const [, failing] = probe([{ mode: 'dry-run', pattern: 'passes' }, { mode: 'mutant', mutantActivation: 'runtime', pattern: 'breaks' }], 0);
    expect(failing.loaded.sort()).toEqual(['a', 'b', 'c']);
    expect(failing.failed).toEqual(['breaks', 'breaks', 'breaks']);
  });
});

// A product module whose word list, under the "empty" mutant, gets an empty word that sends its
// scan round forever as the module loads, in code that is no mutant's; its mutant counts hits as
// Stryker's instrumented code does.
const loopingProduct = `
const ns = ((globalThis as any).__stryker__ ??= {});
function active(id: string) {
  if (ns.activeMutant !== id) return false;
  if (ns.hitCount !== undefined && ++ns.hitCount > ns.hitLimit) throw new Error('Hit limit reached');
  return true;
}
const words = [active('empty') ? '' : 'a', 'b'];
export function scan(text: string) {
  let n = 0;
  for (const w of words) for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length)) n++;
  return n;
}
export const count = scan('abab');
`;

describe('keptThreadsPool, a mutant’s run stuck in a loop', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kept-threads-stall-'));
    fs.writeFileSync(path.join(root, 'product.ts'), loopingProduct);
    fs.writeFileSync(path.join(root, 'probe.test.ts'), "import { expect, it } from 'vitest';\nimport { count } from './product';\nit('counts', () => expect(count).toBe(4));\nit('other', () => {});\n");
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const probe = (activeMutant: string) => {
    const script = path.resolve('scripts/testing/fixtureCoverageProbe.ts');
    const provided = { mode: 'mutant', mutantActivation: 'static', activeMutant, hitLimit: 100 };
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, root, JSON.stringify(provided)], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, PROBE_STALL_MS: '1500' } });
    expect(child.status, child.stderr).toBe(0);
    return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { failed: string[]; errors: string[]; timedOut: string | null };
  };

  it('stops the run that sends nothing for stallMs, and Stryker reads it as timed out, every test failing with the reason', () => {
    const result = probe('empty');
    expect(result.timedOut).toMatch(/^Hit limit reached \(\d+\/100\)$/);
    expect(result.failed).toEqual(['probe.test.ts', 'counts', 'other']);
    expect(result.errors).toContain("the mutant's run sent nothing for 1.5 s, stuck in a loop, and was stopped (scripts/keptThreadsPool.ts)");
  });

  it('leaves a run that does not stall as it is', () => {
    expect(probe('another')).toMatchObject({ failed: [], timedOut: null });
  });
});
