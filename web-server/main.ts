import http from 'node:http';
import next from 'next';
import { prepareDatabase } from '@/db/engine';
import { requestStates } from '@/db/requestState';
import { settleForwardedHeaders, trustedProxies } from './settleForwardedHeaders';
import { answerUnavailablePages } from './unavailablePage';

// The web app's process: Next.js behind a plain HTTP server that first settles who the client is
// (see settleForwardedHeaders), because `next start` passes a client's own `X-Forwarded-For` on.
// Usage: tsx web-server/main.ts PORT [HOST]
const port = Number(process.argv[2] || process.env.PORT || 3000);
const hostname = process.argv[3] || undefined;
const trust = trustedProxies(process.env.TRUSTED_PROXIES);
// Where the page cache (proxy.ts) asks this same server to render a page it will keep.
const loopback = !hostname || hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname;
process.env.LAWBENCH_INTERNAL_ORIGIN ??= `http://${loopback.includes(':') ? `[${loopback}]` : loopback}:${port}`;
const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? 'localhost', port });
const handle = app.getRequestHandler();
// PostgreSQL's migrations first, when DATABASE_URL names one: no request meets a schema older
// than the code. (A SQLite file is migrated when a request first opens it.)
if (process.env.DATABASE_URL) await prepareDatabase();
await app.prepare();
const server = http.createServer((request, response) => {
  settleForwardedHeaders(request, trust);
  // Each request in a state of its own, where the data layer notes a database it cannot reach.
  const state = { databaseUnavailable: false };
  answerUnavailablePages(request, response, state);
  void requestStates().run(state, () => handle(request, response));
});
server.listen(port, hostname, () => {
  console.log(`web app listening on http://${hostname ?? 'localhost'}:${port}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
