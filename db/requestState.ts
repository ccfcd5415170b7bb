import { AsyncLocalStorage } from 'node:async_hooks';

/// What the data layer notes about the request it serves: whether a query met a database it
/// could not reach. The web server (web-server/main.ts) runs each request in one, and answers a
/// page that failed for that reason with a 503 of its own.
export type RequestState = { databaseUnavailable: boolean };

const slot = Symbol.for('lawbench.requestState');

/// The process's request state store, kept on `globalThis` so that the web server and every
/// bundle Next.js makes of the data layer share it.
export function requestStates(): AsyncLocalStorage<RequestState> {
  const g = globalThis as { [slot]?: AsyncLocalStorage<RequestState> };
  g[slot] ??= new AsyncLocalStorage<RequestState>();
  return g[slot];
}
