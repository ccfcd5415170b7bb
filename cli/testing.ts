import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/// The repository's root, where the CLI runs from.
export const repo = path.resolve(import.meta.dirname, '..');

/// Test support: runs `lawbench ARGS…` as its own process, as a user would, with `env` added and
/// `input` on its standard input.
export function runLawbench(args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'cli/lawbench.ts', ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    input: input ?? '',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/// Test support: a scratch folder to write input files into; `remove` deletes it.
export function scratchFolder(prefix: string) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return {
    dir,
    file(name: string, content: string | Uint8Array): string {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
