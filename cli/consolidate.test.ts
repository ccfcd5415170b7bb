import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repo, runLawbench, scratchFolder } from './testing';

const pair = (f: string) => path.resolve(repo, 'testdata/corpus/revisions/dev-03-bj-audit', f);
const scratch = scratchFolder('lawbench-consolidate-');

const lawbench = (...args: string[]) => runLawbench(args);

const scratchFile = scratch.file;

afterAll(scratch.remove);

describe('lawbench consolidate', () => {
  const decision = lawbench('diff', pair('old.md'), pair('new.md'), '--format', 'decision').stdout;
  const decisionFile = scratchFile('decision.txt', decision);

  it('prints the consolidated text as Markdown, which parses to the new text', () => {
    const { code, stdout, stderr } = lawbench('consolidate', pair('old.md'), decisionFile);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.startsWith('# 北京市审计条例\n')).toBe(true);
    const md = scratchFile('consolidated.md', stdout);
    const reparsed = JSON.parse(lawbench('parse', md).stdout);
    const expected = JSON.parse(lawbench('parse', pair('new.md')).stdout);
    expect(reparsed.counts).toEqual(expected.counts);
    expect(reparsed.articles.map((a: { paragraphs: unknown }) => a.paragraphs)).toEqual(expected.articles.map((a: { paragraphs: unknown }) => a.paragraphs));
  });

  it('prints the parse JSON with applied and problems on --format json', () => {
    const { code, stdout } = lawbench('consolidate', pair('old.md'), decisionFile, '--format', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.counts.articles).toBe(37);
    expect(json.problems).toEqual([]);
    expect(json.applied[0]).toMatchObject({ kind: 'replacePhrase', clause: 1 });
  });

  it('exits 1 when an operation fails, still printing the result and naming the problem on stderr', () => {
    const bad = scratchFile('bad.txt', '对《北京市审计条例》作如下修改：\n一、删去第九十九条。\n二、删去第四十四条。\n');
    const { code, stdout, stderr } = lawbench('consolidate', pair('old.md'), bad, '--format=json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout).counts.articles).toBe(43);
    expect(stderr).toBe('problem: clause 1: 没有第九十九条（或已删去） (article_not_found): 删去第九十九条\n');
  });

  it('refuses a decision that is binary, not UTF-8 or over 1 MB', () => {
    const cases: Array<[string, string | Uint8Array, string]> = [
      ['nul.txt', new Uint8Array([0xe4, 0xb8, 0x80, 0x00, 0x41]), 'binary file'],
      ['gbk.txt', new Uint8Array([0xb2, 0xbb, 0xd2, 0xaa]), 'not valid UTF-8'],
      ['big.txt', '一、删去第一条。\n'.repeat(80_000), 'larger than 1 MB'],
    ];
    for (const [name, content, message] of cases) {
      const { code, stdout, stderr } = lawbench('consolidate', pair('old.md'), scratchFile(name, content));
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toContain(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('is listed by --help', () => {
    expect(lawbench('--help').stdout).toContain('consolidate OLD DECISION [--format md|json]');
  });

  it('fails with a message for missing arguments or files', () => {
    expect(lawbench('consolidate', pair('old.md'))).toMatchObject({ code: 1, stderr: expect.stringContaining('missing DECISION') });
    expect(lawbench('consolidate', pair('old.md'), 'nope.txt')).toMatchObject({ code: 1, stderr: 'lawbench consolidate: file not found: nope.txt\n' });
    expect(lawbench('consolidate', pair('old.md'), decisionFile, '--format', 'html')).toMatchObject({ code: 1, stderr: expect.stringContaining('--format must be md or json') });
  });
});
