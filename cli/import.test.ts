import { sqliteEngine } from '@/db/engine';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { compareTexts, draftAmendmentDecision, parseRegulation, renderDecisionText, toParseJson, visibleDifferences } from '@/lib/legal-text';
import { maxRegulationFileBytes, readRegulationVersions } from '@/lib/library';
import { repo, runLawbench, scratchFolder } from './testing';

const scratch = scratchFolder('lawbench-import-');
const database = path.join(scratch.dir, 'library.db');
const seed = (f: string) => path.join(repo, 'db/seed/regulations', f);

const lawbench = (...args: string[]) => runLawbench(args, { DATABASE_PATH: database });

afterAll(scratch.remove);

describe('lawbench import', () => {
  it('imports files into the library database, reporting progress and refusing a duplicate', () => {
    const first = lawbench('import', seed('reg-058-jiaxing.md'), seed('dev-03-bj-audit-old.md'));
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('[2/2]');
    expect(JSON.parse(first.stdout).map((r: { title: string }) => r.title)).toEqual(['嘉兴市养犬管理条例', '北京市审计条例']);
    const again = lawbench('import', seed('reg-058-jiaxing.md'));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已有同名法规');
  });

  it('records the jurisdiction of each text: read from the title and header, or as the importer says', () => {
    const national = lawbench('import', seed('reg-091-national.md'));
    expect(national.code).toBe(0);
    const overridden = lawbench('import', '--level', 'province', '--region', '浙江省', '--body', '浙江省人民代表大会常务委员会', seed('reg-087-zhejiang.md'));
    expect(overridden.code).toBe(0);
    const db = openDatabase(database);
    const rows = db.$client.prepare('select title, kind, level, region, enacting_body as body from regulations order by title').all();
    db.$client.close();
    expect(rows).toEqual(
      expect.arrayContaining([
        { title: '嘉兴市养犬管理条例', kind: 'local_regulation', level: 'city', region: '嘉兴市', body: '嘉兴市第八届人民代表大会常务委员会' },
        { title: '北京市审计条例', kind: 'local_regulation', level: 'province', region: '北京市', body: expect.any(String) },
        { title: '明码标价和禁止价格欺诈规定', kind: 'department_rule', level: 'national', region: null, body: '国家市场监督管理总局' },
        expect.objectContaining({ level: 'province', region: '浙江省', body: '浙江省人民代表大会常务委员会' }),
      ]),
    );
    const bad = lawbench('import', '--level', 'planet', seed('reg-087-zhejiang.md'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--level must be one of national, province, city, other');
  });

  it('imports a later version with its effective date', () => {
    const r = lawbench('import', '--version-of', '北京市审计条例', '--effective', '2023-11-24', seed('dev-03-bj-audit-new.md'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ seq: 2, effectiveOn: '2023-11-24' });
    const db = openDatabase(database);
    const versions = db.$client.prepare("select seq, effective_on from regulation_versions v join regulations r on r.id = v.regulation_id where r.title = '北京市审计条例' order by seq").all();
    db.$client.close();
    expect(versions).toEqual([
      { seq: 1, effective_on: '2012-10-01' },
      { seq: 2, effective_on: '2023-11-24' },
    ]);
  });

  it('answers bad arguments with one clear line and exit 1', () => {
    expect(lawbench('import').stderr).toMatch(/missing FILE/);
    expect(lawbench('import', '--effective', 'tomorrow', seed('reg-058-jiaxing.md')).stderr).toMatch(/YYYY-MM-DD/);
    expect(lawbench('import', '--bogus', 'x').code).toBe(1);
  });
});

describe('lawbench import --amends', () => {
  const amendDatabase = path.join(scratch.dir, 'amend.db');
  const amend = (...args: string[]) => runLawbench(args, { DATABASE_PATH: amendDatabase });
  const pair = (f: string) => path.join(repo, 'testdata/corpus/revisions/dev-03-bj-audit', f);
  const load = (f: string) => toParseJson(parseRegulation(readFileSync(pair(f), 'utf8')));
  const versionsOf = async (slug: string) => {
    const db = openDatabase(amendDatabase);
    try {
      return (await readRegulationVersions(sqliteEngine(db), slug)).versions;
    } finally {
      db.$client.close();
    }
  };
  let slug = '';

  beforeAll(() => {
    const seeded = amend('import', pair('old.md'));
    expect(seeded.code).toBe(0);
    slug = JSON.parse(seeded.stdout)[0].slug;
  });

  it('lists every clause that cannot be applied and imports nothing', async () => {
    const bad = scratch.file('bad-decision.txt', '关于修改《北京市审计条例》的决定\n\n对《北京市审计条例》作如下修改：\n一、删去第九十九条。\n二、删去第四十四条。\n');
    const r = amend('import', bad, '--amends', slug, '--effective', '2030-01-01');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('problem: clause 1: 没有第九十九条（或已删去） (article_not_found): 删去第九十九条\n');
    expect(r.stderr).toContain('nothing imported');
    expect(await versionsOf(slug)).toHaveLength(1);
  });

  it.each([
    ['larger than the 10 MB limit', () => scratch.file('big.txt', new Uint8Array(maxRegulationFileBytes + 1).fill(0x61)), /big\.txt: .*10 MB.*\(payload_too_large\)$/],
    ['binary', () => scratch.file('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])), /image\.txt: .*\(binary_file\)$/],
  ])('refuses a decision file that is %s with one line, importing nothing', async (_name, file, message) => {
    const r = amend('import', file(), '--amends', slug, '--effective', '2030-01-01');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
    expect(await versionsOf(slug)).toHaveLength(1);
  });

  it('answers an unknown regulation and misused options with one clear line', () => {
    const decision = scratch.file('any-decision.txt', '对《北京市审计条例》作如下修改：\n一、删去第九十九条。\n');
    expect(amend('import', decision, '--amends', '没有这部条例').stderr).toMatch(/^lawbench import: 找不到这部法规。.*: 没有这部条例\n$/);
    expect(amend('import', decision, '--amends', slug, '--version-of', slug).stderr).toMatch(/--amends and --version-of cannot be used together/);
    expect(amend('import', decision, decision, '--amends', slug).stderr).toMatch(/--amends takes exactly one DECISION file/);
  });

  it('imports the consolidated text as the next version, an amendment with a 题注 line for the decision', async () => {
    const [before, after] = [load('old.md'), load('new.md')];
    const drafted = draftAmendmentDecision(compareTexts(before, after));
    const meeting = '北京市第十六届人民代表大会常务委员会第六次会议';
    const decision = renderDecisionText({ ...drafted, preamble: `（2023年11月24日${meeting}通过）\n${meeting}决定${drafted.preamble}` });
    const r = amend('import', scratch.file('decision.txt', decision), '--amends', slug, '--effective', '2030-01-01');
    expect(r.stderr).toMatch(/version 2/);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ slug, seq: 2, articles: after.articles.length, effectiveOn: '2030-01-01' });
    expect(out.applied).toBeGreaterThanOrEqual(drafted.clauses.length);
    const versions = await versionsOf(slug);
    expect(versions.map((v) => [v.seq, v.change, v.effectiveOn])).toEqual([[1, 'original', '2012-10-01'], [2, 'amendment', '2030-01-01']]);
    expect(visibleDifferences(versions[1].text, after)).toEqual([]);
    expect(versions[1].text.info).toEqual([...before.info, `2023年11月24日${meeting}根据《关于修改〈北京市审计条例〉的决定》修正`]);
  });

  it('takes the effective date from 本决定自…起施行, and asks for --effective when there is none', async () => {
    const clauses = '关于修改《北京市审计条例》的决定\n\n对《北京市审计条例》作如下修改：\n将第一条中的“结合本市实际情况”修改为“结合本市实际”。\n';
    const undated = amend('import', scratch.file('undated.txt', clauses.replace('将', '一、将')), '--amends', slug);
    expect(undated.code).toBe(1);
    expect(undated.stderr).toMatch(/give --effective YYYY-MM-DD\n$/);
    const dated = amend('import', scratch.file('dated.txt', `${clauses.replace('将', '一、将')}本决定自2031年1月1日起施行。\n`), '--amends', slug);
    expect(dated.stderr).not.toMatch(/problem/);
    expect(JSON.parse(dated.stdout)).toMatchObject({ seq: 3, effectiveOn: '2031-01-01', applied: 1 });
    expect((await versionsOf(slug)).map((v) => v.seq)).toEqual([1, 2, 3]);
  });
});
