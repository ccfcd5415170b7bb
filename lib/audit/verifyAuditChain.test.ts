import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { sqliteEngine } from '@/db/engine';
import type { Db } from '@/db/client';
import { genesisHash, hashAuditEntry } from './auditHash';
import { auditHead } from './auditHead';
import { recordAudit } from './recordAudit';
import { dropAuditTriggers, rewriteAuditFrom } from './testing/tamperAudit';
import { verifyAuditChain } from './verifyAuditChain';

let t: ReturnType<typeof freshDatabase> | undefined;
afterEach(() => t?.cleanup());

/// A fresh database with `n` audit entries, one a minute from 1 March 2025 10:00 China time.
function chain(n: number): Db {
  t = freshDatabase();
  const db = t.db;
  for (let i = 1; i <= n; i++) {
    db.transaction((tx) => recordAudit(tx, { actorId: null, action: 'test.step', targetType: 'thing', targetId: `t${i}`, detail: { i } }, new Date(Date.parse('2025-03-01T02:00:00Z') + i * 60_000)));
  }
  return db;
}

describe('verifyAuditChain', () => {
  it('passes an untouched chain and reports its length and head', async () => {
    const db = chain(5);
    const head = await auditHead(sqliteEngine(db));
    expect(head.seq).toBe(5);
    expect(verifyAuditChain({}, db)).toEqual({ ok: true, count: 5, head });
    expect(verifyAuditChain({ expect: { seq: 3, hash: hashOf(db, 3) } }, db)).toEqual({ ok: true, count: 5, head });
  });

  it('passes an empty log, whose head is seq 0 with the genesis hash', () => {
    const db = chain(0);
    expect(verifyAuditChain({}, db)).toEqual({ ok: true, count: 0, head: { seq: 0, hash: genesisHash, at: null } });
    expect(verifyAuditChain({ expect: { seq: 0, hash: genesisHash } }, db)).toMatchObject({ ok: true });
  });

  it('names an entry whose contents were edited (hash_mismatch), counting the ones that verified before it', () => {
    const db = chain(5);
    dropAuditTriggers(db);
    db.$client.prepare(`UPDATE audit_events SET detail = '{"i":99}' WHERE id = 3`).run();
    expect(verifyAuditChain({}, db)).toEqual({ ok: false, count: 2, firstBad: { seq: 3, problem: 'hash_mismatch' } });
  });

  it('names the entry after one that was edited and re-hashed on its own (broken_link)', () => {
    const db = chain(5);
    dropAuditTriggers(db);
    const r = db.$client.prepare('SELECT at, target_id, prev_hash FROM audit_events WHERE id = 2').get() as { at: number; target_id: string; prev_hash: string };
    const detailText = '{"i":-2}';
    const hash = hashAuditEntry({ seq: 2, atMs: r.at, actorId: null, action: 'test.step', targetType: 'thing', targetId: r.target_id, detailText, prevHash: r.prev_hash });
    db.$client.prepare('UPDATE audit_events SET detail = ?, hash = ? WHERE id = 2').run(detailText, hash);
    expect(verifyAuditChain({}, db)).toEqual({ ok: false, count: 2, firstBad: { seq: 3, problem: 'broken_link' } });
  });

  it('names the entry after one that was deleted (gap)', () => {
    const db = chain(5);
    dropAuditTriggers(db);
    db.$client.prepare('DELETE FROM audit_events WHERE id = 3').run();
    expect(verifyAuditChain({}, db)).toEqual({ ok: false, count: 2, firstBad: { seq: 4, problem: 'gap' } });
  });

  it('names a deleted first entry: the chain must start at seq 1', () => {
    const db = chain(3);
    dropAuditTriggers(db);
    db.$client.prepare('DELETE FROM audit_events WHERE id = 1').run();
    expect(verifyAuditChain({}, db)).toEqual({ ok: false, count: 0, firstBad: { seq: 2, problem: 'gap' } });
  });

  it('names an entry slipped in without a hash (unsealed)', () => {
    const db = chain(3);
    db.$client.prepare("INSERT INTO audit_events (id, at, action, target_type, target_id) VALUES (4, 0, 'x.y', 'thing', 't')").run();
    expect(verifyAuditChain({}, db)).toEqual({ ok: false, count: 3, firstBad: { seq: 4, problem: 'unsealed' } });
  });

  it('with --expect, catches a history that was rewritten and re-hashed to be consistent again', () => {
    const db = chain(6);
    const kept = { seq: 6, hash: hashOf(db, 6) };
    const keptEarlier = { seq: 2, hash: hashOf(db, 2) };
    dropAuditTriggers(db);
    db.$client.prepare(`UPDATE audit_events SET detail = '{"i":-4}' WHERE id = 4`).run();
    rewriteAuditFrom(db, 4);
    // On its own the rewritten chain verifies …
    expect(verifyAuditChain({}, db)).toMatchObject({ ok: true, count: 6 });
    // … but not against a head kept before the rewrite; a head from before the edit still holds.
    expect(verifyAuditChain({ expect: kept }, db)).toEqual({ ok: false, count: 5, firstBad: { seq: 6, problem: 'expected_entry_differs' } });
    expect(verifyAuditChain({ expect: keptEarlier }, db)).toMatchObject({ ok: true, count: 6 });
  });

  it('with --expect, catches a history cut short and rebuilt (expected_entry_missing)', () => {
    const db = chain(6);
    const kept = { seq: 6, hash: hashOf(db, 6) };
    dropAuditTriggers(db);
    db.$client.prepare('DELETE FROM audit_events WHERE id = 3').run();
    rewriteAuditFrom(db, 3);
    expect(verifyAuditChain({}, db)).toMatchObject({ ok: true, count: 5 });
    expect(verifyAuditChain({ expect: kept }, db)).toEqual({ ok: false, count: 5, firstBad: { seq: 6, problem: 'expected_entry_missing' } });
  });

  it('compares an expected hash regardless of letter case', () => {
    const db = chain(2);
    expect(verifyAuditChain({ expect: { seq: 1, hash: hashOf(db, 1).toUpperCase() } }, db)).toMatchObject({ ok: true });
    expect(verifyAuditChain({ expect: { seq: 1, hash: 'a'.repeat(64) } }, db)).toEqual({ ok: false, count: 0, firstBad: { seq: 1, problem: 'expected_entry_differs' } });
  });
});

function hashOf(db: Db, seq: number): string {
  return (db.$client.prepare('SELECT hash FROM audit_events WHERE id = ?').get(seq) as { hash: string }).hash;
}
