import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
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
