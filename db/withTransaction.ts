import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import { is } from 'drizzle-orm';
import { drizzle as sqliteDrizzle } from 'drizzle-orm/better-sqlite3';
import { drizzle } from 'drizzle-orm/node-postgres';
import { PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { isDatabaseUnavailable } from './databaseUnavailable';
import type { Db } from './client';
import type { Engine } from './engine';
import * as pgSchema from './schema-pg';

/// Runs `fn` in one transaction on `engine`, handing it `tx`, an engine of the same kind whose
/// queries run inside that transaction. It commits when `fn` resolves (and returns its value),
/// and rolls back and rethrows when `fn` throws.
///
/// - **PostgreSQL:** drizzle's `transaction` on the pool; each call gets a connection of its
///   own, so transactions run side by side.
/// - **SQLite:** `BEGIN IMMEDIATE` … `COMMIT` on the one better-sqlite3 connection (design (c) of
///   docs/postgres.md). **`fn` may await nothing but drizzle queries on `tx`**: they run
///   synchronously, so `fn` ends within microtasks and no other request can run inside the
///   transaction. A guard armed at `BEGIN` (`setImmediate` and a zero timer) catches a callback
///   still running when the event loop moves on, because it awaited a timer, a fetch or a file:
///   it rolls back at once, rejects with a message naming the rule, and `tx` refuses every use
///   from then on, so nothing the callback does later is written outside the transaction. It is
///   a tripwire, not a lock: I/O answered within the same turn of the loop can slip past it.
///   Transactions started together (`Promise.all`) run one after the other. `tx` also refuses
///   every use once its transaction has ended, however it ended.
///
/// **Nesting:** `withTransaction(tx, inner)` with the `tx` a callback received opens a savepoint
/// on both engines. `inner`'s writes are kept when it resolves and undone when it throws; its error
/// reaches the outer callback, which may catch it and go on. Everything still commits or rolls back
/// with the outer transaction. Nested calls on one `tx` must be awaited one at a time.
/// Passing the *outer* engine again from inside the callback is refused: on PostgreSQL it would
/// quietly run in a second transaction, and on SQLite it would wait for the outer one forever.
export function withTransaction<T>(engine: Engine, fn: (tx: Engine) => Promise<T>): Promise<T> {
  for (let open = inside.getStore(); open; open = open.outer) {
    if (open.db === engine.db && open.open) return Promise.reject(new Error(outerEngineMessage));
  }
  return engine.kind === 'postgres' ? onPostgres(engine, fn) : onSqlite(engine, fn);
}

/// True when `engine` is a `tx` handed out by withTransaction (on PostgreSQL: any drizzle
/// transaction), so that a function that must run in a transaction can open one only when its
/// caller did not.
export function isTransaction(engine: Engine): boolean {
  return engine.kind === 'postgres' ? is(engine.db, PgTransaction) : sqliteTxOf.has(engine.db);
}

const outerEngineMessage =
  'withTransaction was given the engine of a transaction that is already open in this call chain: pass the `tx` your callback received. On PostgreSQL the inner work would run in a second, separate transaction; on SQLite it would wait for the outer one forever.';

const ruleBrokenMessage =
  'withTransaction on SQLite: the transaction was rolled back because its callback was still running after the event loop moved on. On SQLite a transaction callback may await only drizzle queries on its tx (they run synchronously); it awaited something else (a timer, a fetch, a file). Do that work before or after the transaction.';

const refusedAfterGuard =
  'This SQLite transaction was rolled back because its callback awaited something other than a database query (see withTransaction): its tx refuses every use, so nothing the callback still does is written outside the transaction.';

const lostMessage =
  'SQLite ended this transaction by itself after an error (a full disk, an I/O error): its tx refuses every use, so nothing is written outside the transaction. Let the error end the callback.';

const endedMessage = 'This SQLite transaction has ended (committed or rolled back): its tx can no longer be used. Use the engine, or open another withTransaction.';

/// The engines whose transactions are open in the current async call chain, innermost first: what
/// lets withTransaction tell "the outer engine passed again" from two transactions started
/// together.
type OpenTransaction = { db: unknown; open: boolean; outer: OpenTransaction | undefined };
const inside = new AsyncLocalStorage<OpenTransaction>();

/// Runs `fn` as the callback of a transaction opened on `db`.
async function runInside<T>(db: unknown, fn: () => Promise<T>): Promise<T> {
  const entry: OpenTransaction = { db, open: true, outer: inside.getStore() };
  try {
    return await inside.run(entry, fn);
  } finally {
    entry.open = false;
  }
}

type PgTransactional = { transaction<T>(fn: (tx: unknown) => Promise<T>): Promise<T> };

// On a pool, the transaction runs on a connection taken here and always given back here: drizzle's
// own `transaction` on a pool sends `BEGIN` before its `try`, so a connection whose server had
// gone away (a restart) was never released when `BEGIN` failed, and after as many failures as
// the pool has connections every later request waited forever. A connection that failed is
// dropped, not reused. A savepoint when `engine.db` is already a transaction.
async function onPostgres<T>(engine: Engine, fn: (tx: Engine) => Promise<T>): Promise<T> {
  const inTransaction = (db: PgTransactional, client: pg.PoolClient | undefined) =>
    db.transaction((inner) => {
      if (client) offerRelationalQueries(inner as object, client);
      const tx: Engine = { kind: 'postgres', db: inner as Db, t: engine.t };
      return runInside(engine.db, () => fn(tx));
    });
  const pool = (engine.db as unknown as { $client?: unknown }).$client;
  if (is(engine.db, PgTransaction) || !(pool instanceof pg.Pool)) return inTransaction(engine.db as unknown as PgTransactional, pgClientOf.get(engine.db));
  const client = await pool.connect();
  let failed: Error | undefined;
  try {
    // Without the schema drizzle builds in ~5 µs, with it in ~260 µs (measured).
    return await inTransaction(drizzle(client) as unknown as PgTransactional, client);
  } catch (e) {
    if (isDatabaseUnavailable(e)) failed = e as Error;
    throw e;
  } finally {
    client.release(failed);
  }
}

// The connection each PostgreSQL tx runs on, for its savepoints' relational queries.
const pgClientOf = new WeakMap<object, pg.PoolClient>();

// drizzle's relational queries (`tx.db.query`) on a PostgreSQL tx, built on first use: a drizzle
// with the schema over the transaction's own connection, so they run inside the transaction.
function offerRelationalQueries(tx: object, client: pg.PoolClient): void {
  pgClientOf.set(tx, client);
  let relational: unknown;
  Object.defineProperty(tx, 'query', { get: () => (relational ??= drizzle(client, { schema: pgSchema }).query) });
}

/// One SQLite transaction: its connection, the schema its handles offer to drizzle's relational
/// queries, and why its handles refuse (null while it is open).
type SqliteTx = { client: Database.Database; schema: Db['_']['fullSchema']; refusal: string | null; depth: number };

// The state of every tx handed out on SQLite, by its `db`.
const sqliteTxOf = new WeakMap<object, SqliteTx>();
// Per connection, a promise that settles when the transactions queued on it have all settled.
const queueOf = new WeakMap<Database.Database, Promise<void>>();

function onSqlite<T>(engine: Engine, fn: (tx: Engine) => Promise<T>): Promise<T> {
  const nested = sqliteTxOf.get(engine.db);
  if (nested) return savepoint(engine, nested, fn);
  const client = engine.db.$client;
  // A transaction started while another one's callback is under way (`Promise.all`) waits for
  // it: both would otherwise run on the one connection, inside one transaction.
  const before = queueOf.get(client);
  const result = before ? before.then(() => begin(engine, client, fn)) : begin(engine, client, fn);
  const settled = result.then(
    () => {},
    () => {},
  );
  queueOf.set(client, settled);
  void settled.then(() => {
    if (queueOf.get(client) === settled) queueOf.delete(client);
  });
  return result;
}

function begin<T>(engine: Engine, client: Database.Database, fn: (tx: Engine) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (client.inTransaction) {
      reject(new Error('withTransaction on SQLite: the connection is already inside a transaction that withTransaction did not open (a synchronous db.transaction?); an async transaction cannot start inside it.'));
      return;
    }
    client.exec('BEGIN IMMEDIATE');
    const state: SqliteTx = { client, schema: engine.db._.fullSchema, refusal: null, depth: 0 };
    let settled = false;
    const end = (refusal: string) => {
      settled = true;
      state.refusal = refusal;
      clearImmediate(immediate);
      clearTimeout(timer);
      // SQLite ends the transaction by itself after some errors (SQLITE_FULL, SQLITE_IOERR …).
      if (client.inTransaction) client.exec('ROLLBACK');
    };
    const trip = () => {
      if (settled) return;
      end(refusedAfterGuard);
      reject(new Error(ruleBrokenMessage));
    };
    // A callback that only awaits SQLite ends before either fires; one that awaits a timer or I/O
    // does not. Begun in an I/O callback the immediate fires first, begun in an immediate the
    // timer does: together they fire before any timer or immediate the callback waits on.
    const immediate = setImmediate(trip);
    const timer = setTimeout(trip, 0);
    const tx = handle(engine, state);
    void runInside(engine.db, () => fn(tx)).then(
      (value) => {
        if (settled) return;
        try {
          // Refused when SQLite already ended the transaction: its writes are gone.
          tx.db.$client.exec('COMMIT');
        } catch (error) {
          // A failed COMMIT (a deferred constraint, a full disk) leaves the transaction open.
          end(endedMessage);
          reject(error);
          return;
        }
        end(endedMessage);
        resolve(value);
      },
      (error: unknown) => {
        if (settled) return;
        end(endedMessage);
        reject(error);
      },
    );
  });
}

async function savepoint<T>(outer: Engine, state: SqliteTx, fn: (tx: Engine) => Promise<T>): Promise<T> {
  const name = `lawbench_sp${state.depth + 1}`;
  // Through the outer handle, so that a transaction already ended refuses here.
  outer.db.$client.exec(`SAVEPOINT ${name}`);
  state.depth++;
  const { client } = state;
  try {
    const tx = handle(outer, state);
    const value = await runInside(outer.db, () => fn(tx));
    if (!state.refusal) client.exec(`RELEASE ${name}`);
    return value;
  } catch (error) {
    if (!state.refusal && client.inTransaction) client.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
    throw error;
  } finally {
    state.depth--;
  }
}

/// A tx: drizzle over the connection, seen through a proxy that refuses every use once the
/// transaction has ended, or when SQLite ended it by itself after an error (from then on a write
/// would commit on its own). Queries prepare their statement when they run, so a query built
/// before the transaction ended and awaited after it is refused too.
function handle(engine: Engine, state: SqliteTx): Engine {
  const guarded = new Proxy(state.client, {
    get(target, key) {
      if (!state.refusal && !target.inTransaction) state.refusal = lostMessage;
      if (state.refusal) throw new Error(state.refusal);
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  // Without the schema drizzle builds in ~0.3 µs, with it in ~50 µs: the relational `query` API
  // (unused so far) is built on first use only.
  const db = sqliteDrizzle(guarded) as unknown as Db;
  let relational: Db['query'] | undefined;
  Object.defineProperty(db, 'query', { get: () => (relational ??= sqliteDrizzle(guarded, { schema: state.schema }).query) });
  sqliteTxOf.set(db, state);
  return { kind: 'sqlite', db, t: engine.t };
}
