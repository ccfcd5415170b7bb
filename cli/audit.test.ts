import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLawbench } from './testing';
import { freshDatabase } from '@/db/testing';
import { recordAudit } from '@/lib/audit';
import { dropAuditTriggers, rewriteAuditFrom } from '@/lib/audit/testing/tamperAudit';

const t = freshDatabase();
afterAll(t.cleanup);

const lawbench = (...args: string[]) => runLawbench(args, { DATABASE_PATH: t.file });

const head = (seq: number) => `${seq}:${(t.db.$client.prepare('SELECT hash FROM audit_events WHERE id = ?').get(seq) as { hash: string }).hash}`;

beforeAll(() => {
  for (let i = 1; i <= 5; i++) recordAudit(t.db, { actorId: null, action: 'test.step', targetType: 'thing', targetId: `t${i}`, detail: { i } }, new Date(Date.UTC(2025, 2, 1, i)));
});

// One test: the steps tamper with the same database in order.
describe('lawbench audit verify', () => {
  it('passes an intact chain, then names the first entry after an edit, and --expect catches a consistent rewrite', () => {
    const kept = head(5);
    const ok = lawbench('audit', 'verify');
    expect(ok).toEqual({ code: 0, stdout: `ok 5 entries, head ${kept}\n`, stderr: '' });
    expect(lawbench('audit', 'verify', '--expect', head(3)).code).toBe(0);
    expect(lawbench('audit', 'verify', `--expect=${kept.toUpperCase()}`).code).toBe(0);

    dropAuditTriggers(t.db);
    t.db.$client.prepare(`UPDATE audit_events SET detail = '{"i":30}' WHERE id = 3`).run();
    expect(lawbench('audit', 'verify')).toEqual({ code: 1, stdout: '', stderr: 'broken at entry 3: hash_mismatch\n' });

    // Re-hashed from the edit on, the chain is consistent again: only a kept head exposes it.
    rewriteAuditFrom(t.db, 3);
    expect(lawbench('audit', 'verify').code).toBe(0);
    expect(lawbench('audit', 'verify', '--expect', kept)).toEqual({ code: 1, stdout: '', stderr: 'broken at entry 5: expected_entry_differs\n' });
    expect(lawbench('audit', 'verify', '--expect', `9:${'a'.repeat(64)}`)).toMatchObject({ code: 1, stderr: 'broken at entry 9: expected_entry_missing\n' });

    t.db.$client.prepare('DELETE FROM audit_events WHERE id = 2').run();
    expect(lawbench('audit', 'verify')).toEqual({ code: 1, stdout: '', stderr: 'broken at entry 3: gap\n' });
  });

  it.each([
    [['audit'], /unknown or missing subcommand/],
    [['audit', 'check'], /unknown or missing subcommand/],
    [['audit', 'verify', '--expect', '12'], /--expect must be SEQ:HASH/],
    [['audit', 'verify', '--since', '1'], /unknown option --since/],
  ])('refuses %j with one clear line and exit code 1', (args, message) => {
    const r = lawbench(...args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says so when the database file does not exist', () => {
    const r = runLawbench(['audit', 'verify'], { DATABASE_PATH: path.join(path.dirname(t.file), 'missing.db') });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/database not found: .*missing\.db/);
  });
});
