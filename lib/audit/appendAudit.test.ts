import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sqliteEngine, type Engine } from '@/db/engine';
import { engines } from '@/db/engineTesting';
import { freshDatabase } from '@/db/testing';
import { withTransaction } from '@/db/withTransaction';
import { hashAuditEntry } from './auditHash';
import { appendAudit } from './appendAudit';
import { auditHead } from './auditHead';
import { canonicalJson } from './canonicalJson';
import { readAuditRows } from './readAuditRows';
import { recordAudit, type AuditEventInput } from './recordAudit';
import { verifyAuditChain } from './verifyAuditChain';
import { verifyAuditChainOn } from './verifyAuditChainOn';
import type { AuditRow } from './verifyAuditRows';

/// Every stored entry of `e` after seq `after`, in seq order.
const rowsAfter = (e: Engine, after: number) => readAuditRows(e, after, 1_000_000);

/// The seq of the newest entry of `e` (0 when the log is empty).
async function headSeq(e: Engine): Promise<number> {
  const report = await verifyAuditChainOn(e);
  if (!report.ok) throw new Error(`the chain does not verify: ${JSON.stringify(report)}`);
  return report.head.seq;
}

/// An event about thing `targetId`, with a detail whose text depends on key order, escapes and
/// numbers: what must survive byte for byte.
const event = (targetId: string, i = 0): AuditEventInput => ({
  actorId: null,
  action: 'test.step',
  targetType: 'thing',
  targetId,
  detail: { z: i, a: { y: [1, 2.5, -0.000015], b: '说明 "引号" \\ 😀' }, '10': 'ten', '2': 'two', empty: {} },
});

/// The message of a rejection, with the database's own message under drizzle's wrapping.
async function refusal(query: PromiseLike<unknown>): Promise<string> {
  try {
    await query;
  } catch (error) {
    return `${String(error)} ${String((error as { cause?: unknown }).cause ?? '')}`;
  }
  throw new Error('the query was not refused');
}

describe.each(engines())('appendAudit on $name', ({ name, engine }) => {
  it('appends entries that chain: the next seqs, each linked to the one before, hashed over its contents, its detail stored as canonical JSON', async () => {
    const e = engine();
    const before = await headSeq(e);
    const head = await auditHead(e);
    const at = new Date('2025-03-01T02:00:00.123Z');
    await withTransaction(e, async (tx) => {
      await appendAudit(tx, event('a', 1), at);
      await appendAudit(tx, { actorId: null, action: 'test.bare', targetType: 'thing', targetId: 'b' }, at);
      await appendAudit(tx, event('c', 3), new Date(at.getTime() + 1));
    });
    const rows = await rowsAfter(e, before);
    expect(rows.map((r) => [r.seq, r.action, r.targetId])).toEqual([
      [before + 1, 'test.step', 'a'],
      [before + 2, 'test.bare', 'b'],
      [before + 3, 'test.step', 'c'],
    ]);
    // Linked to the entry before them, whichever tests wrote it (the genesis hash on an empty log).
    expect(rows[0].prevHash).toBe(head.hash);
    for (const [i, r] of rows.entries()) {
      if (i > 0) expect(r.prevHash).toBe(rows[i - 1].hash);
      expect(r.hash).toBe(hashAuditEntry({ ...r, prevHash: r.prevHash! }));
    }
    expect(rows[0].atMs).toBe(at.getTime());
    expect(rows[0].detailText).toBe(canonicalJson(event('a', 1).detail));
    expect(rows[0].detailText).toBe('{"10":"ten","2":"two","a":{"b":"说明 \\"引号\\" \\\\ 😀","y":[1,2.5,-0.000015]},"empty":{},"z":1}');
    expect(rows[1].detailText).toBeNull();
    // A reader through drizzle gets the detail back as the value it was.
    const [stored] = await e.db.select({ detail: e.t.auditEvents.detail }).from(e.t.auditEvents).where(eq(e.t.auditEvents.id, before + 1));
    expect(stored.detail).toEqual(event('a', 1).detail);
    expect(await verifyAuditChainOn(e)).toEqual({ ok: true, count: before + 3, head: { seq: before + 3, hash: rows[2].hash, at: new Date(at.getTime() + 1) } });
  });

  it('writes, byte for byte, the entries recordAudit writes on SQLite for the same input', async () => {
    const e = engine();
    const before = await rowsAfter(e, 0);
    // A SQLite database holding the same chain so far, where recordAudit appends the same events.
    const reference = freshDatabase();
    try {
      reference.db.$client.pragma('foreign_keys = OFF');
      const insert = reference.db.$client.prepare('INSERT INTO audit_events (id, at, actor_id, action, target_type, target_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
      for (const r of before) insert.run(r.seq, r.atMs, r.actorId, r.action, r.targetType, r.targetId, r.detailText, r.prevHash, r.hash);
      const person = crypto.randomUUID();
      await e.db.insert(e.t.users).values({ id: person, email: `${person}@test.lawbench`, name: '王', passwordHash: 'x', role: 'admin' });
      const inputs: [AuditEventInput, Date][] = [
        [event('one', 1), new Date('2025-03-01T02:00:00.001Z')],
        [{ actorId: person, action: 'user.role', targetType: 'user', targetId: person, detail: { from: 'drafter', to: 'reviewer', at: new Date('2025-03-01T00:00:00Z') } }, new Date('2025-03-01T02:00:01Z')],
        [{ actorId: null, action: 'test.bare', targetType: 'thing', targetId: 'two' }, new Date('2025-03-01T02:00:02Z')],
      ];
      await withTransaction(e, async (tx) => {
        for (const [input, at] of inputs) await appendAudit(tx, input, at);
      });
      for (const [input, at] of inputs) recordAudit(reference.db, input, at);
      const appended = await rowsAfter(e, before.length);
      expect(appended).toHaveLength(3);
      expect(appended).toEqual(await rowsAfter(sqliteEngine(reference.db), before.length));
    } finally {
      reference.cleanup();
    }
  });

  it('leaves neither an entry nor a gap when the change it records is rolled back', async () => {
    const e = engine();
    const before = await headSeq(e);
    await appendAudit(e, event('kept-1'));
    await expect(
      withTransaction(e, async (tx) => {
        await appendAudit(tx, event('rolled-back'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    // Without a transaction of its caller's, it opens its own.
    await appendAudit(e, event('kept-2'));
    expect((await rowsAfter(e, before)).map((r) => [r.seq, r.targetId])).toEqual([
      [before + 1, 'kept-1'],
      [before + 2, 'kept-2'],
    ]);
    expect(await verifyAuditChainOn(e)).toMatchObject({ ok: true, count: before + 2 });
  });

  it('keeps one intact chain when 4 transactions started together each append 25 entries', async () => {
    const e = engine();
    const before = await headSeq(e);
    await Promise.all(
      [0, 1, 2, 3].map((writer) =>
        withTransaction(e, async (tx) => {
          for (let i = 0; i < 25; i++) await appendAudit(tx, event(`writer-${writer}`, i));
        }),
      ),
    );
    const rows = await rowsAfter(e, before);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 100 }, (_, i) => before + 1 + i));
    expect(await verifyAuditChainOn(e)).toMatchObject({ ok: true, count: before + 100 });
    // Each writer's entries are one run: a writer holds the chain until it commits.
    const runs = rows.map((r) => r.targetId).filter((id, i, all) => i === 0 || id !== all[i - 1]);
    expect(runs.sort()).toEqual(['writer-0', 'writer-1', 'writer-2', 'writer-3']);
  });

  it('has triggers that refuse UPDATE and DELETE of an entry', async () => {
    const e = engine();
    await appendAudit(e, event('sealed'));
    const seq = await headSeq(e);
    const a = e.t.auditEvents;
    expect(await refusal(e.db.update(a).set({ action: 'test.forged' }).where(eq(a.id, seq)))).toMatch(/append-only/);
    expect(await refusal(e.db.update(a).set({ detail: sql`'{"z":99}'` }).where(eq(a.id, seq)))).toMatch(/append-only/);
    expect(await refusal(e.db.delete(a).where(eq(a.id, seq)))).toMatch(/append-only/);
    expect(await refusal(e.db.delete(a))).toMatch(/append-only/);
    const [row] = await rowsAfter(e, seq - 1);
    expect(row).toMatchObject({ seq, action: 'test.step', targetId: 'sealed' });
    expect(await verifyAuditChainOn(e)).toMatchObject({ ok: true, count: seq });
  });

  if (name === 'SQLite') {
    it('makes one chain with recordAudit, interleaved in and out of transactions', async () => {
      const e = engine();
      const before = await headSeq(e);
      recordAudit(e.db, event('record-1'));
      await appendAudit(e, event('append-1'));
      await withTransaction(e, async (tx) => {
        await appendAudit(tx, event('append-2'));
        recordAudit(tx.db, event('record-2'));
        await appendAudit(tx, event('append-3'));
      });
      e.db.transaction((tx) => recordAudit(tx, event('record-3')));
      await appendAudit(e, event('append-4'));
      expect((await rowsAfter(e, before)).map((r: AuditRow) => r.targetId)).toEqual(['record-1', 'append-1', 'append-2', 'record-2', 'append-3', 'record-3', 'append-4']);
      expect(verifyAuditChain({}, e.db)).toMatchObject({ ok: true, count: before + 7 });
    });
  }
});

// Databases of its own: it leaves the log ending in an unsealed row, after which no other test
// could append.
describe.each(engines())('appendAudit after a legacy row on $name', ({ engine }) => {
  it('refuses to append after a row written before the chain existed, saying so', async () => {
    const e = engine();
    const seq = (await headSeq(e)) + 1;
    await e.db.insert(e.t.auditEvents).values({ id: seq, at: new Date(), actorId: null, action: 'legacy.row', targetType: 'thing', targetId: 'old' });
    await expect(appendAudit(e, event('after-legacy'))).rejects.toThrow(`seq ${seq} has no hash`);
    expect((await rowsAfter(e, seq - 1)).map((r) => r.action)).toEqual(['legacy.row']);
  });
});
