import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repo, runLawbench, scratchFolder } from './testing';
import { buildDocx } from '@/lib/legal-text/testing/buildDocx';

const corpus = path.resolve(repo, 'testdata/corpus');
const scratch = scratchFolder('lawbench-cli-');

const lawbench = (...args: string[]) => runLawbench(args);

const scratchFile = scratch.file;

afterAll(scratch.remove);

describe('lawbench parse', () => {
  it('prints the parse JSON of a corpus file', () => {
    const { code, stdout, stderr } = lawbench('parse', path.join(corpus, 'dev/reg-005-rizhao.md'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.title).toBe('日照市城市管理条例');
    expect(json.counts).toMatchObject({ chapters: 11, articles: 114, items: 57 });
    expect(json.articles[0]).toMatchObject({ number: 1, label: '第一条', eid: 'art_1' });
    expect(stdout.startsWith('{\n  "title"')).toBe(true);
  });

  it('reads a GB18030 plain-text file', () => {
    const { code, stdout } = lawbench('parse', 'cli/fixtures/gb18030.txt');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.title).toBe('杭州市示例条例');
    expect(json.counts).toMatchObject({ chapters: 2, articles: 3 });
    expect(json.events.map((e: { kind: string }) => e.kind)).toEqual(['adopted', 'approved']);
  });

  it('reads a .docx file', () => {
    const file = scratchFile('sample.docx', buildDocx(['示例条例', '第一条　甲。', '第二条　乙。']));
    const { code, stdout } = lawbench('parse', file);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).counts.articles).toBe(2);
  });

  it('renders html, md and txt on request', () => {
    const file = path.join(corpus, 'dev/reg-044-luohe.md');
    expect(lawbench('parse', file, '--format', 'html').stdout).toContain('<article class="article" id="art_1">');
    expect(lawbench('parse', file, '--format=md').stdout).toContain('# 漯河市散煤污染防治条例\n');
    expect(lawbench('parse', file, '--format', 'txt').stdout).toContain('第一条\u3000');
  });

  it.each([
    ['an empty file', () => ['parse', scratchFile('empty.txt', '')], /文件是空的 \(empty_file\)/],
    ['a binary file', () => ['parse', scratchFile('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]))], /binary_file/],
    ['undecodable bytes', () => ['parse', scratchFile('bad.txt', new Uint8Array([0x41, 0x80, 0xff, 0x42]))], /bad_encoding/],
    ['a missing file', () => ['parse', 'no/such/file.md'], /file not found: no\/such\/file\.md/],
    ['no file argument', () => ['parse'], /missing FILE/],
    ['an unknown format', () => ['parse', 'cli/fixtures/gb18030.txt', '--format', 'xml'], /--format must be one of/],
    ['an unknown command', () => ['frobnicate'], /unknown command "frobnicate"/],
  ])('fails with one clear line on stderr and exit code 1 for %s', (_name, args, message) => {
    const { code, stdout, stderr } = lawbench(...args());
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('lawbench --help', () => {
  it('lists the commands', () => {
    const { code, stdout } = lawbench('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('parse FILE [--format json|md|txt|html]');
  });
});

describe('lawbench diff', () => {
  const pair = (f: string) => path.join(corpus, 'revisions/dev-03-bj-audit', f);

  it('prints the article-level comparison as the diff JSON', () => {
    const { code, stdout, stderr } = lawbench('diff', pair('old.md'), pair('new.md'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.summary).toEqual({ unchanged: 2, renumbered: 7, modified: 25, added: 3, deleted: 10, moved: 0 });
    expect(json.articles.find((a: { old: number }) => a.old === 44)).toMatchObject({ change: 'renumbered', new: 37, oldLabel: '第四十四条', newLabel: '第三十七条' });
    expect(json.articles.find((a: { old: number }) => a.old === 42).tokens).toContainEqual({ op: 'delete', text: '行政' });
  });

  it('prints the 修改决定 with --format decision', () => {
    const { code, stdout } = lawbench('diff', pair('old.md'), pair('new.md'), '--format', 'decision');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual(['关于修改《北京市审计条例》的决定', '', '对《北京市审计条例》作如下修改：']);
    expect(lines).toContain('八、删去第九条。');
    expect(lines.slice(-3)).toEqual(['此外，对条文顺序作相应调整。', '本决定自　　年　　月　　日起施行。', '《北京市审计条例》根据本决定作相应修改，重新公布。']);
  });

  it('fails with a message for a missing file or a file without articles', () => {
    expect(lawbench('diff', pair('old.md'))).toMatchObject({ code: 1, stderr: expect.stringContaining('missing NEW') });
    expect(lawbench('diff', pair('old.md'), 'nope.md')).toMatchObject({ code: 1, stderr: 'lawbench diff: file not found: nope.md\n' });
    const prose = scratchFile('prose.md', '# 一篇文章\n\n这里没有条文。\n');
    expect(lawbench('diff', pair('old.md'), prose)).toMatchObject({ code: 1, stderr: expect.stringContaining('no articles found') });
  });
});
