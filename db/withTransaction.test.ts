import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Engine } from './engine';
import { engines } from './engineTesting';
import { isTransaction, withTransaction } from './withTransaction';

/// Writes a person named `id` through `e` (a transaction or the engine itself).
function addPerson({ db, t }: Engine, id: string) {
  return db.insert(t.users).values({ id, email: `${id}@test.lawbench`, name: id, passwordHash: 'not-a-real-hash', role: 'drafter' });
}

/// Which of `ids` `e` can see, in order.
async function present({ db, t }: Engine, ids: string[]): Promise<string[]> {
  const rows = await db.select({ id: t.users.id }).from(t.users).where(inArray(t.users.id, ids));
  return rows.map((r) => r.id).sort();
}

/// Fresh person ids (at most ten), sorted as `present` returns them.
const fresh = (n: number) => Array.from({ length: n }, (_, i) => `${i}-${crypto.randomUUID()}`);

/// `promise`, or a failure saying `what` after `ms` milliseconds.
async function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(what)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

describe.each(engines())('withTransaction on $name', ({ name, engine }) => {
  it('commits what the callback wrote and returns its value', async () => {
    const e = engine();
    const [a, b] = fresh(2);
    const value = await withTransaction(e, async (tx) => {
      expect(isTransaction(tx)).toBe(true);
      await addPerson(tx, a);
      await addPerson(tx, b);
      // drizzle's relational queries work on a tx too.
      expect(await tx.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, b) })).toMatchObject({ id: b, name: b });
      return { written: await present(tx, [a, b]) };
    });
    expect(value).toEqual({ written: [a, b] });
    expect(await present(e, [a, b])).toEqual([a, b]);
    expect(isTransaction(e)).toBe(false);
  });

  it('rolls back everything the callback wrote when it throws, and rethrows its error', async () => {
    const e = engine();
    const [a, b] = fresh(2);
    const failure = new Error('the change failed');
    await expect(
      withTransaction(e, async (tx) => {
        await addPerson(tx, a);
        await addPerson(tx, b);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await present(e, [a, b])).toEqual([]);
    // A failing statement rolls back the statements before it in the same way.
    await expect(
      withTransaction(e, async (tx) => {
        await addPerson(tx, a);
        await addPerson(tx, a);
      }),
    ).rejects.toThrow();
    expect(await present(e, [a])).toEqual([]);
  });

  it('nests as a savepoint: an inner failure undoes only the inner writes, and the outer may catch it and commit', async () => {
    const e = engine();
    const [a, b, c, d] = fresh(4);
    const inner = await withTransaction(e, async (tx) => {
      await addPerson(tx, a);
      await expect(
        withTransaction(tx, async (tx2) => {
          await addPerson(tx2, b);
          throw new Error('inner failed');
        }),
      ).rejects.toThrow('inner failed');
      const kept = await withTransaction(tx, async (tx2) => {
        await addPerson(tx2, c);
        // Nesting goes deeper the same way.
        return withTransaction(tx2, async (tx3) => {
          await addPerson(tx3, d);
          return present(tx3, [a, b, c, d]);
        });
      });
      return kept;
    });
    expect(inner).toEqual([a, c, d]);
    expect(await present(e, [a, b, c, d])).toEqual([a, c, d]);
  });

  it('undoes a nested transaction that succeeded when the outer one fails', async () => {
    const e = engine();
    const [a, b] = fresh(2);
    await expect(
      withTransaction(e, async (tx) => {
        await addPerson(tx, a);
        await withTransaction(tx, (tx2) => addPerson(tx2, b));
        throw new Error('outer failed after the inner one committed its savepoint');
      }),
    ).rejects.toThrow('outer failed');
    expect(await present(e, [a, b])).toEqual([]);
  });

  it('refuses the outer engine passed again from inside the callback, and rolls back', async () => {
    const e = engine();
    const [a, b] = fresh(2);
    await expect(
      withTransaction(e, async (tx) => {
        await addPerson(tx, a);
        await withTransaction(e, (wrong) => addPerson(wrong, b));
      }),
    ).rejects.toThrow(/pass the `tx` your callback received/);
    expect(await present(e, [a, b])).toEqual([]);
  });

  it('runs transactions started together to the end, each committing its own rows', async () => {
    const e = engine();
    const ids = fresh(6);
    const started = ids.map((id, i) =>
      withTransaction(e, async (tx) => {
        await addPerson(tx, id);
        if (i === 3) throw new Error('this one fails');
        return (await present(tx, [id])).length;
      }),
    );
    const outcomes = await Promise.allSettled(started);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(await present(e, ids)).toEqual(ids.filter((_, i) => i !== 3));
  });

  if (name === 'SQLite') {
    it('rolls back a callback that awaits a timer, rejects naming the rule, and refuses everything the callback does afterwards', async () => {
      const e = engine();
      const [a, b, c, d] = fresh(4);
      const refused: unknown[] = [];
      let callbackDone!: () => void;
      const done = new Promise<void>((r) => (callbackDone = r));
      const result = withTransaction(e, async (tx) => {
        await addPerson(tx, a);
        const builtBefore = addPerson(tx, c);
        await new Promise((r) => setTimeout(r, 20));
        for (const late of [() => addPerson(tx, b), () => builtBefore, () => tx.db.$client.prepare('SELECT 1').get()]) {
          try {
            await late();
          } catch (error) {
            refused.push(error);
          }
        }
        callbackDone();
      });
      await expect(result).rejects.toThrow(/rolled back because its callback was still running after the event loop moved on.*may await only drizzle queries/);
      // The rollback happened when the guard fired, before the callback resumed.
      expect(e.db.$client.inTransaction).toBe(false);
      expect(await present(e, [a])).toEqual([]);
      await done;
      expect(refused).toHaveLength(3);
      for (const error of refused) expect(String(error)).toMatch(/rolled back because its callback awaited something other than a database query.*refuses every use/);
      expect(await present(e, [a, b, c])).toEqual([]);
      // The connection is back to normal.
      await withTransaction(e, (tx) => addPerson(tx, d));
      expect(await present(e, [d])).toEqual([d]);
    });

    it('catches a callback awaiting a zero timer also when the transaction begins in an immediate', async () => {
      const e = engine();
      const [a] = fresh(1);
      // Begun in the check phase, the guard's own immediate fires only in the next turn's check
      // phase, after its timers; the turn takes long enough here for a zero timer to be due.
      const result = await new Promise<Promise<void>>((r) =>
        setImmediate(() => {
          r(
            withTransaction(e, async (tx) => {
              await new Promise((w) => setTimeout(w, 0));
              await addPerson(tx, a).catch(() => {});
            }),
          );
          for (const until = performance.now() + 5; performance.now() < until; );
        }),
      ).then(
        () => 'committed',
        (error: Error) => error.message,
      );
      expect(result).toMatch(/may await only drizzle queries/);
      expect(await present(e, [a])).toEqual([]);
    });

    it('refuses a tx used after its transaction committed, instead of writing outside it', async () => {
      const e = engine();
      const [a, b] = fresh(2);
      let kept: Engine | undefined;
      await withTransaction(e, async (tx) => {
        kept = tx;
        await addPerson(tx, a);
      });
      await expect(addPerson(kept!, b)).rejects.toThrow(/has ended/);
      expect(await present(e, [a, b])).toEqual([a]);
    });

    it('refuses a tx whose transaction SQLite ended by itself after an error, so that later writes do not commit on their own', async () => {
      const e = engine();
      const [a, b] = fresh(2);
      await expect(
        withTransaction(e, async (tx) => {
          await addPerson(tx, a);
          // As SQLite does after SQLITE_FULL or SQLITE_IOERR.
          tx.db.$client.exec('ROLLBACK');
          await addPerson(tx, b);
        }),
      ).rejects.toThrow(/SQLite ended this transaction by itself/);
      expect(await present(e, [a, b])).toEqual([]);
    });
  }

  if (name === 'PostgreSQL') {
    it('runs two transactions side by side on the pool, each seeing only its own rows until both commit', async () => {
      const e = engine();
      const [a, b] = fresh(2);
      let arrived = 0;
      let bothWrote!: () => void;
      const barrier = new Promise<void>((r) => (bothWrote = r));
      const writeAndWait = (id: string) =>
        withTransaction(e, async (tx) => {
          await addPerson(tx, id);
          // Neither has committed yet: each sees its own row only.
          const seen = await present(tx, [a, b]);
          if (++arrived === 2) bothWrote();
          // Neither commits before both have written: transactions run one after the other never get here.
          await within(5000, barrier, 'the transactions did not run side by side');
          return seen;
        });
      const seen = await Promise.all([writeAndWait(a), writeAndWait(b)]);
      expect(seen).toEqual([[a], [b]]);
      expect(await present(e, [a, b])).toEqual([a, b]);
    });
  }
});
