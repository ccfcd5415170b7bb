import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { executeOnPostgres, type Engine } from '@/db/engine';
import { engines } from '@/db/engineTesting';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from './appendAudit';
import { readAuditRows } from './readAuditRows';
import { dropAuditTriggers } from './testing/tamperAudit';
import { verifyAuditChainOn } from './verifyAuditChainOn';
import type { AuditChainReport } from './verifyAuditRows';

/// Lifts the append-only triggers, as someone with the database's owner rights could.
async function unprotect(e: Engine): Promise<void> {
  if (e.kind === 'sqlite') dropAuditTriggers(e.db);
  else await executeOnPostgres(e, sql`alter table audit_events disable trigger user`);
}

/// Sets the stored detail text of entry `seq`.
async function setDetail({ db, t }: Engine, seq: number, text: string): Promise<void> {
  await db.update(t.auditEvents).set({ detail: sql`${text}` }).where(eq(t.auditEvents.id, seq));
}

const at = (i: number) => new Date(Date.parse('2025-03-01T02:00:00Z') + i * 60_000);

/// Appends the seven entries the tests check, seqs 1 to 7 on an empty log.
async function appendSeven(e: Engine): Promise<void> {
  await withTransaction(e, async (tx) => {
    for (let i = 1; i <= 7; i++) await appendAudit(tx, { actorId: null, action: 'test.step', targetType: 'thing', targetId: `t${i}`, detail: { i } }, at(i));
  });
}

describe.each(engines())('verifyAuditChainOn on $name', ({ engine }) => {
  // The tests read one log: what it answered while empty, then seven entries; set up once, so
  // that each test passes alone and in any order. A test that edits an entry puts it back.
  let whenEmpty: AuditChainReport | undefined;
  beforeAll(async () => {
    const e = engine();
    whenEmpty = await verifyAuditChainOn(e);
    await appendSeven(e);
  });

  it('passes an empty log, whose head is seq 0 with the genesis hash', () => {
    expect(whenEmpty).toEqual({ ok: true, count: 0, head: { seq: 0, hash: '0'.repeat(64), at: null } });
  });

  it('passes an intact chain read a page at a time, and reports its length and head', async () => {
    const e = engine();
    const rows = await readAuditRows(e, 0, 100);
    const report = { ok: true, count: 7, head: { seq: 7, hash: rows[6].hash, at: at(7) } };
    for (const pageSize of [1, 3, 7, 2000]) expect(await verifyAuditChainOn(e, { pageSize })).toEqual(report);
    expect(await verifyAuditChainOn(e, { expect: { seq: 4, hash: rows[3].hash!.toUpperCase() }, pageSize: 3 })).toEqual(report);
  });

  it('with expect, names a kept head that differs or that is gone', async () => {
    const e = engine();
    expect(await verifyAuditChainOn(e, { expect: { seq: 3, hash: 'a'.repeat(64) }, pageSize: 2 })).toEqual({ ok: false, count: 2, firstBad: { seq: 3, problem: 'expected_entry_differs' } });
    expect(await verifyAuditChainOn(e, { expect: { seq: 8, hash: 'a'.repeat(64) }, pageSize: 2 })).toEqual({ ok: false, count: 7, firstBad: { seq: 8, problem: 'expected_entry_missing' } });
  });

  it('names an entry whose detail text was edited, and passes again once it is put back', async () => {
    const e = engine();
    await unprotect(e);
    const original = (await readAuditRows(e, 4, 1))[0].detailText!;
    // The same value written another way is another text: it no longer verifies.
    await setDetail(e, 5, '{ "i": 5 }');
    try {
      expect(await verifyAuditChainOn(e, { pageSize: 2 })).toEqual({ ok: false, count: 4, firstBad: { seq: 5, problem: 'hash_mismatch' } });
    } finally {
      // Put back even if that failed: the other tests read this log.
      await setDetail(e, 5, original);
    }
    expect(await verifyAuditChainOn(e, { pageSize: 2 })).toMatchObject({ ok: true, count: 7 });
  });
});

// Databases of its own: the log stays broken.
describe.each(engines())('verifyAuditChainOn after a deletion on $name', ({ engine }) => {
  it('names the entry after one that was deleted, across a page boundary', async () => {
    const e = engine();
    await appendSeven(e);
    await unprotect(e);
    await e.db.delete(e.t.auditEvents).where(eq(e.t.auditEvents.id, 4));
    expect(await verifyAuditChainOn(e, { pageSize: 3 })).toEqual({ ok: false, count: 3, firstBad: { seq: 5, problem: 'gap' } });
  });
});
