import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { openDatabase, type Db } from '@/db/client';
import { sqliteEngine } from '@/db/engine';
import { changeUserRole, createStaffUser, setUserDisabled } from '@/lib/auth';
import { insertTestUser } from '@/lib/auth/testing';
import { auditEvents } from '@/db/schema';
import { genesisHash, hashAuditEntry } from './auditHash';
import { recordAudit } from './recordAudit';
import { verifyAuditChain } from './verifyAuditChain';

let t: ReturnType<typeof freshDatabase> | undefined;
afterEach(() => t?.cleanup());

function fresh(): Db {
  t = freshDatabase();
  return t.db;
}

type Raw = { id: number; at: number; actor_id: string | null; action: string; target_type: string; target_id: string; detail: string | null; prev_hash: string | null; hash: string | null };
const rows = (db: Db) => db.$client.prepare('SELECT * FROM audit_events ORDER BY id').all() as Raw[];
const rehash = (r: Raw) => hashAuditEntry({ seq: r.id, atMs: r.at, actorId: r.actor_id, action: r.action, targetType: r.target_type, targetId: r.target_id, detailText: r.detail, prevHash: r.prev_hash! });

describe('recordAudit', () => {
  it('appends a chain through the real writers: seq 1, 2, 3 …, each linked to the one before and hashed over its contents', async () => {
    const db = fresh();
    const admin = insertTestUser(db, 'admin');
    const staff = await createStaffUser(sqliteEngine(db), admin, { email: 'wang@x.cn', name: '王', password: 'drafter-pass', role: 'drafter' });
    await changeUserRole(sqliteEngine(db), admin, staff.id, 'reviewer');
    await setUserDisabled(sqliteEngine(db), admin, staff.id, true);
    db.transaction((tx) => recordAudit(tx, { actorId: admin.id, action: 'test.note', targetType: 'user', targetId: staff.id, detail: { z: 1, a: { y: [1, 2], b: '说明' } } }, new Date('2025-03-01T02:00:00Z')));
    const all = rows(db);
    expect(all.map((r) => [r.id, r.action])).toEqual([
      [1, 'user.create'],
      [2, 'user.role'],
      [3, 'user.disable'],
      [4, 'test.note'],
    ]);
    expect(all[0].prev_hash).toBe(genesisHash);
    for (const [i, r] of all.entries()) {
      if (i > 0) expect(r.prev_hash).toBe(all[i - 1].hash);
      expect(r.hash).toBe(rehash(r));
    }
    // The detail is stored as canonical JSON: the text that was hashed.
    expect(all[3].detail).toBe('{"a":{"b":"说明","y":[1,2]},"z":1}');
    expect(all[3].at).toBe(Date.parse('2025-03-01T02:00:00Z'));
    expect(verifyAuditChain({}, db)).toEqual({ ok: true, count: 4, head: { seq: 4, hash: all[3].hash, at: new Date(all[3].at) } });
  });

  it('leaves neither an entry nor a gap when the change it records is rolled back', () => {
    const db = fresh();
    recordAudit(db, { actorId: null, action: 'a.one', targetType: 't', targetId: '1' });
    expect(() =>
      db.transaction((tx) => {
        recordAudit(tx, { actorId: null, action: 'a.two', targetType: 't', targetId: '2' });
        throw new Error('the change failed');
      }),
    ).toThrow('the change failed');
    recordAudit(db, { actorId: null, action: 'a.three', targetType: 't', targetId: '3' });
    expect(rows(db).map((r) => [r.id, r.action])).toEqual([
      [1, 'a.one'],
      [2, 'a.three'],
    ]);
    expect(verifyAuditChain({}, db)).toMatchObject({ ok: true, count: 2 });
  });

  it('refuses to fork the chain: an entry cannot take a place already taken, and one slipped in past the end is a gap', () => {
    const db = fresh();
    recordAudit(db, { actorId: null, action: 'a.one', targetType: 't', targetId: '1' });
    const first = rows(db)[0];
    const insert = db.$client.prepare("INSERT INTO audit_events (id, at, action, target_type, target_id, prev_hash, hash) VALUES (?, 0, 'x', 't', '1', ?, 'h')");
    expect(() => insert.run(1, first.prev_hash)).toThrow(/UNIQUE constraint failed: audit_events.id/);
    insert.run(7, first.prev_hash);
    expect(verifyAuditChain({}, db)).toMatchObject({ ok: false, firstBad: { seq: 7, problem: 'gap' } });
  });

  it('keeps one chain when two connections (the app and the collaboration server) append to the same file', () => {
    const db = fresh();
    const other = openDatabase(t!.file);
    try {
      for (let i = 0; i < 10; i++) recordAudit(i % 3 ? db : other, { actorId: null, action: 'a.step', targetType: 't', targetId: String(i) });
      // A writer whose snapshot went stale while the other appended is refused, never forked.
      expect(() =>
        db.transaction((tx) => {
          tx.select({ id: auditEvents.id }).from(auditEvents).limit(1).all();
          recordAudit(other, { actorId: null, action: 'a.other', targetType: 't', targetId: 'o' });
          recordAudit(tx, { actorId: null, action: 'a.stale', targetType: 't', targetId: 's' });
        }),
      ).toThrow(/SQLITE_BUSY|database is locked/);
      recordAudit(db, { actorId: null, action: 'a.after', targetType: 't', targetId: 'x' });
      expect(rows(db).map((r) => r.action).slice(-2)).toEqual(['a.other', 'a.after']);
      expect(verifyAuditChain({}, db)).toMatchObject({ ok: true, count: 12 });
    } finally {
      other.$client.close();
    }
  });

  it('has triggers that refuse UPDATE and DELETE of a sealed entry', () => {
    const db = fresh();
    recordAudit(db, { actorId: null, action: 'a.one', targetType: 't', targetId: '1', detail: { n: 1 } });
    expect(() => db.$client.prepare("UPDATE audit_events SET detail = '{\"n\":2}' WHERE id = 1").run()).toThrow(/append-only/);
    expect(() => db.$client.prepare('DELETE FROM audit_events WHERE id = 1').run()).toThrow(/append-only/);
    expect(() => db.$client.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
    expect(rows(db)).toHaveLength(1);
    expect(rows(db)[0].detail).toBe('{"n":1}');
  });

  it('seals rows written before the chain existed, once, in id order, leaving their contents as they were', () => {
    const db = fresh();
    const insert = db.$client.prepare('INSERT INTO audit_events (at, actor_id, action, target_type, target_id, detail) VALUES (?, NULL, ?, ?, ?, ?)');
    // As drizzle wrote them before migration 0009: no hash, detail as JSON.stringify left it.
    insert.run(1_700_000_000_000, 'regulation.import', 'regulation', 'r1', '{"title":"甲","seq":1}');
    insert.run(1_700_000_001_000, 'user.create', 'user', 'u1', null);
    expect(verifyAuditChain({}, db)).toEqual({ ok: false, count: 0, firstBad: { seq: 1, problem: 'unsealed' } });

    recordAudit(db, { actorId: null, action: 'bill.create', targetType: 'bill', targetId: 'b1' });
    const all = rows(db);
    expect(all.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(all[0].detail).toBe('{"title":"甲","seq":1}');
    expect(all[0].prev_hash).toBe(genesisHash);
    expect(all[1].prev_hash).toBe(all[0].hash);
    expect(all[2].prev_hash).toBe(all[1].hash);
    expect(verifyAuditChain({}, db)).toMatchObject({ ok: true, count: 3, head: { seq: 3 } });
    // Sealed rows are now refused like any other.
    expect(() => db.$client.prepare("UPDATE audit_events SET action = 'x' WHERE id = 1").run()).toThrow(/append-only/);
  });
});
